package org.ronda.alerts.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.match.SubscriptionMatcher;
import org.ronda.alerts.story.AlertArticles;
import org.ronda.alerts.story.AlertJson;
import org.ronda.alerts.story.StoryBook;
import org.ronda.alerts.story.StoryArticle;
import org.ronda.alerts.story.StoryRecord;
import org.ronda.alerts.subscription.SubscriptionStore;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.contracts.Subscription;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicReplay;
import org.ronda.kafka.TopicSpec;
import org.ronda.kafka.TransactionalLoop;

/**
 * Consume-transform-produce from enriched articles to alerts in Kafka transactions. Each poll's
 * articles are matched against every subscription at once (Lucene's monitor); for each match the
 * {@link StoryBook} decides between a new alert, an update of the story's alert and nothing. An
 * article's decisions go out as one {@link ArticleAlerts} record that carries the article once
 * (decision 32). The alert records, the e-mail channel's copies, the story records (compacted
 * topic) and the consumed offsets commit together, so a crash
 * at any point neither loses nor repeats an alert, and a replay of the enriched topic finds every
 * article already counted and alerts nothing.
 *
 * <p>An article alerts a subscription only if ingest published it after the subscription was made:
 * subscribers are told of new coverage, not of the archive (which they can search), and a
 * re-enrichment of old articles alerts nobody.
 */
@ApplicationScoped
public class MatchLoop {

    private static final Logger LOG = Logger.getLogger(MatchLoop.class);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final SubscriptionStore subscriptions;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final SubscriptionMatcher matcher = new SubscriptionMatcher();
    private final StoryBook stories = new StoryBook();
    private final PollLoop loop = new PollLoop("alerts-match-loop");
    private ExecutorService helpers;
    // Longer than any transaction of a live instance takes to finish; an abandoned one times out after 60 s.
    private static final Duration STABLE_WAIT = Duration.ofSeconds(70);
    // How long a poll waits for records when no transaction is open.
    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    MatchLoop(AlertsConfig config, KafkaSettings kafka, SubscriptionStore subscriptions, MeterRegistry metrics) {
        this.config = config;
        this.kafka = kafka;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().enrichedArticles(), kafka.partitions(), false),
                new TopicSpec(config.topics().alerts(), kafka.partitions(), false),
                new TopicSpec(config.topics().emailAlertsTopic(), kafka.partitions(), false),
                new TopicSpec(config.topics().stories(), kafka.partitions(), true),
                new TopicSpec(config.topics().deadLetter(), 1, false)), kafka.replicationFactor());
        if (config.matchThreads() < 1) {
            throw new IllegalArgumentException("ronda.alerts.match-threads must be at least 1, got " + config.matchThreads());
        }
        if (config.matchThreads() > 1) {
            helpers = Executors.newFixedThreadPool(config.matchThreads() - 1, r -> {
                Thread t = new Thread(r, "alerts-match-helper");
                t.setDaemon(true);
                return t;
            });
        }
        loop.start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(20));
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    /** Health of the loop. */
    public LoopState state() {
        return loop.state();
    }

    /** Subscriptions registered in the matcher. */
    public int subscriptionCount() {
        return matcher.size();
    }

    private void run(PollLoop loop) {
        String instance = "ronda-alerts-match-" + config.instanceId();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(KafkaClientProperties.consumer(
                        kafka.bootstrapServers(), config.matchGroupId(), instance + "-" + UUID.randomUUID(), config.maxPollRecords()));
                KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.transactionalProducer(
                        kafka.bootstrapServers(), instance, instance))) {
            loop.attach(c);
            // Fences a predecessor with the same id first, so that its open transaction is aborted
            // before the story records are read back.
            producer.initTransactions();
            awaitSubscriptions(loop);
            // Only now, so that the subscriptions loaded at start-up go into the monitor in one batch
            // (13 s for 10,000 instead of 88 s one by one); later changes come one at a time.
            subscriptions.listen(matcher);
            TransactionalLoop<String, String> transactions = new TransactionalLoop<>(c, producer, limits(), new Handler());
            transactions.subscribe(List.of(config.topics().enrichedArticles()), new StoryRefresh());
            loop.state().running();
            // Until stopped; a graceful stop keeps what was decided since the last commit.
            transactions.runWhile(loop::isRunning, IDLE_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The transaction limits; a setting out of range stops start-up with the setting's name. */
    private TransactionalLoop.Limits limits() {
        AlertsConfig.Transaction t = config.transaction();
        return TransactionalLoop.Limits.configured("ronda.alerts.transaction", t.maxRecords(), t.maxBytes(), t.maxTime());
    }

    private void awaitSubscriptions(PollLoop loop) throws InterruptedException {
        loop.state().waiting("subscriptions");
        while (loop.isRunning() && !subscriptions.awaitLoaded(Duration.ofSeconds(5))) {
            LOG.info("waiting for the subscriptions topic to be read");
        }
    }

    /**
     * Reads the story records back whenever the group gives this instance partitions it did not
     * have, before any of their articles is matched: their stories' records were written by the
     * instance that had them until now. Enriched events are keyed by story, so a story's articles
     * are all on one partition, and so decided by one instance at a time (decision 30).
     */
    private final class StoryRefresh implements ConsumerRebalanceListener {

        private final Set<TopicPartition> owned = new HashSet<>();

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            owned.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (owned.containsAll(partitions)) {
                return;
            }
            owned.addAll(partitions);
            String topic = config.topics().stories();
            try {
                if (!TopicReplay.awaitStable(kafka.bootstrapServers(), topic, STABLE_WAIT)) {
                    LOG.warnf("a transaction on %s is still open after %s; reading the story records without it", topic, STABLE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long n = TopicReplay.readToEnd(kafka.bootstrapServers(), topic, null, MatchLoop.this::restore);
            LOG.infof("%d story records read back for partitions %s, %d subscriptions matched", n,
                    partitions.stream().map(TopicPartition::partition).sorted().toList(), matcher.size());
        }
    }

    private void restore(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            JsonNode tree = EventCodec.mapper().readTree(record.value());
            if (tree.has("alertId")) {
                // Written before decision 32: one record per subscription and story.
                stories.restore(EventCodec.mapper().treeToValue(tree, StoryRecord.class));
            } else {
                stories.restore(EventCodec.mapper().treeToValue(tree, StoryArticle.class));
            }
        } catch (java.io.IOException e) {
            LOG.warnf("skipped unreadable story record at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }

    /**
     * Matches the articles of each poll inside the open transaction and writes their decisions; the
     * story book's decisions of a transaction become final when it commits and are forgotten when
     * it aborts (its records are then read and decided again).
     */
    private final class Handler implements TransactionalLoop.Handler<String, String> {

        private int alerts;

        @Override
        public void process(ConsumerRecords<String, String> records, Producer<String, String> producer,
                TransactionalLoop.Outcomes outcomes) {
            List<EnrichedArticle> articles = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                try {
                    articles.add(EventCodec.decodeEnriched(record.value()));
                } catch (InvalidEventException e) {
                    deadLetter(producer, record, "invalid-event", e.getMessage());
                    outcomes.count("dead-lettered");
                }
            }
            List<Set<String>> matches = match(articles);
            for (int i = 0; i < articles.size(); i++) {
                int sent = alert(producer, articles.get(i), matches.get(i));
                alerts += sent;
                outcomes.count(sent > 0 ? "alerted" : "no-alert");
            }
        }

        @Override
        public void committed(Map<String, Integer> outcomes) {
            stories.commit();
            // Counted only once committed, so an article decided again after an abort is not counted twice.
            outcomes.forEach((outcome, n) -> metrics.counter("ronda_alerts_records", "stage", "match", "outcome", outcome).increment(n));
            metrics.counter("ronda_alerts_alerts").increment(alerts);
            alerts = 0;
        }

        @Override
        public void aborted() {
            stories.abort();
            alerts = 0;
        }
    }

    /**
     * Decides what {@code article} means for each matched subscription and writes it: what it
     * counted for in the story book (one {@link StoryArticle}), one {@link ArticleAlerts} record with every decision (split past
     * {@link ArticleAlerts#MAX_DECISIONS}), and the alerts of subscriptions with e-mail on the e-mail
     * channel's topic, keyed by subscription as its per-subscriber state needs (decision 32).
     * Returns the number of alerts decided.
     */
    private int alert(Producer<String, String> producer, EnrichedArticle article, Set<String> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return 0;
        }
        // What subscribers see of the article, built and encoded once for all its alerts.
        Alert.AlertArticle view = AlertArticles.of(article, null);
        AlertJson json = null;
        Instant now = clock.instant();
        List<ArticleAlerts.Decision> decisions = new ArrayList<>();
        List<StoryArticle.Decision> counted = new ArrayList<>();
        String clusterId = null;
        for (String id : subscriptionIds) {
            Optional<Subscription> s = subscriptions.find(id);
            // New coverage is what ingest published after the subscription was made; a re-enriched
            // or replayed old article is not news to a subscriber.
            if (s.isEmpty() || article.article().emittedAt().isBefore(s.get().createdAt())) {
                continue;
            }
            Optional<StoryBook.Outcome> outcome = stories.decide(id, article, view, now);
            if (outcome.isEmpty()) {
                continue;
            }
            StoryBook.Outcome o = outcome.get();
            Alert a = o.alert();
            clusterId = a.clusterId();
            counted.add(new StoryArticle.Decision(id, a.revision(), a.storyArticles()));
            decisions.add(new ArticleAlerts.Decision(id, a.revision(), a.storyArticles(), a.storyOutlets()));
            if (s.get().email() != null && !s.get().email().unsubscribed()) {
                json = json == null ? new AlertJson(view) : json;
                producer.send(new ProducerRecord<>(config.topics().emailAlertsTopic(), id, json.encode(a)));
            }
        }
        for (StoryArticle story : StoryArticle.split(clusterId, article.articleId(), article.article().source().outlet(), counted)) {
            producer.send(new ProducerRecord<>(config.topics().stories(), story.key(), story.json()));
        }
        for (ArticleAlerts record : ArticleAlerts.split(clusterId, view, article.enrichment().enrichedAt(), now, decisions)) {
            producer.send(new ProducerRecord<>(config.topics().alerts(), clusterId, EventCodec.encode(record)));
        }
        return decisions.size();
    }

    /**
     * The subscriptions each article matches, in order: the poll split in {@code matchThreads} parts
     * matched at once (the monitor is thread-safe), the last part on this thread.
     */
    private List<Set<String>> match(List<EnrichedArticle> articles) {
        int threads = helpers == null ? 1 : config.matchThreads();
        if (threads < 2 || articles.size() < 4 * threads) {
            return matcher.matchAll(articles);
        }
        int part = (articles.size() + threads - 1) / threads;
        List<Future<List<Set<String>>>> others = new ArrayList<>();
        for (int from = 0; from < articles.size() - part; from += part) {
            List<EnrichedArticle> slice = articles.subList(from, from + part);
            others.add(helpers.submit(() -> matcher.matchAll(slice)));
        }
        List<Set<String>> last = matcher.matchAll(articles.subList(others.size() * part, articles.size()));
        List<Set<String>> all = new ArrayList<>(articles.size());
        try {
            for (Future<List<Set<String>>> f : others) {
                all.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while matching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("matching failed: " + e.getCause(), e.getCause());
        }
        all.addAll(last);
        return all;
    }

    private void deadLetter(Producer<String, String> producer, ConsumerRecord<String, String> record, String reason, String detail) {
        LOG.warnf("dead-lettered %s-%d@%d: %s %s", record.topic(), record.partition(), record.offset(), reason, detail);
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, "alerts-match", reason, detail, null, null,
                record.topic(), record.partition(), record.offset(), record.value(), clock.instant());
        producer.send(new ProducerRecord<>(config.topics().deadLetter(), record.key(), EventCodec.encode(letter)));
    }

}
