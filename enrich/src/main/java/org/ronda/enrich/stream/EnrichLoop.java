package org.ronda.enrich.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.enrich.config.EnrichConfig;
import org.ronda.kafka.KafkaSettings;
import org.ronda.enrich.tag.ArticleEnricher;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;
import org.ronda.kafka.TransactionalLoop;

/**
 * Consume-transform-produce from raw to enriched articles in Kafka transactions
 * ({@link TransactionalLoop}): the enriched events, the dead letters and the consumed offsets of
 * one transaction (one or more polls, up to {@code ronda.enrich.transaction.*}) commit together, so
 * a crash at any point neither loses nor duplicates an enriched event.
 */
@ApplicationScoped
public class EnrichLoop {

    private static final Logger LOG = Logger.getLogger(EnrichLoop.class);
    // How long a poll waits for records when no transaction is open.
    private static final Duration IDLE_POLL = Duration.ofMillis(500);

    private final ArticleEnricher enricher;
    private final EnrichConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();
    private final PollLoop loop = new PollLoop("enrich-loop");

    EnrichLoop(ArticleEnricher enricher, EnrichConfig config, KafkaSettings kafka, MeterRegistry metrics) {
        this.enricher = enricher;
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (config.taggingThreads() < 1) {
            throw new IllegalArgumentException("ronda.enrich.tagging-threads must be at least 1, got " + config.taggingThreads());
        }
        limits();
        // Loads the rule files now: a broken rule file must stop start-up, not dead-letter every record.
        LOG.infof("tagging with rules %s", enricher.rulesVersion());
        // The input too: a subscription to a missing topic would let the broker create it with its own partition count.
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().rawArticles(), kafka.partitions(), false),
                new TopicSpec(config.topics().enrichedArticles(), kafka.partitions(), false),
                new TopicSpec(config.topics().deadLetter(), 1, false)), kafka.replicationFactor());
        loop.start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(20));
    }

    /** Health of the loop, for the readiness and liveness checks. */
    public LoopState state() {
        return loop.state();
    }

    private void run(PollLoop loop) {
        String instance = "ronda-enrich-" + config.instanceId();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(KafkaClientProperties.consumer(
                        kafka.bootstrapServers(), config.groupId(), instance + "-" + UUID.randomUUID(), config.maxPollRecords()));
                KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.transactionalProducer(
                        kafka.bootstrapServers(), instance, instance))) {
            loop.attach(c);
            producer.initTransactions();
            try (ClusterTail tail = new ClusterTail(kafka.bootstrapServers(), config.topics().enrichedArticles())) {
                rebuildClusters(tail);
                ExecutorService tagging = config.taggingThreads() > 1 ? taggingThreads(config.taggingThreads()) : null;
                TransactionalLoop<String, String> transactions = new TransactionalLoop<>(c, producer, limits(), new Handler(tail, tagging));
                transactions.subscribe(List.of(config.topics().rawArticles()));
                loop.state().running();
                // Until stopped; a graceful stop keeps what was enriched since the last commit.
                transactions.runWhile(loop::isRunning, IDLE_POLL);
                if (tagging != null) {
                    tagging.shutdownNow();
                }
            }
        }
    }

    /**
     * Enriches the records of each poll inside the open transaction: tags them on the tagging threads
     * (when there are several), places them in story clusters and sends them on the loop thread in
     * record order; counts outcomes once committed.
     */
    private final class Handler implements TransactionalLoop.Handler<String, String> {

        private final ClusterTail tail;
        private final ExecutorService tagging;

        Handler(ClusterTail tail, ExecutorService tagging) {
            this.tail = tail;
            this.tagging = tagging;
        }

        @Override
        public void process(ConsumerRecords<String, String> records, Producer<String, String> producer,
                TransactionalLoop.Outcomes outcomes) {
            // Stories other instances opened since the last poll, before this poll's copies are placed.
            tail.drain(EnrichLoop.this::remember);
            if (tagging == null || records.count() == 1) {
                for (ConsumerRecord<String, String> record : records) {
                    outcomes.count(finish(producer, prepare(record)));
                }
                return;
            }
            List<Future<Prepared>> prepared = new ArrayList<>(records.count());
            for (ConsumerRecord<String, String> record : records) {
                prepared.add(tagging.submit(() -> prepare(record)));
            }
            // In record order: a story's first copy must be placed before its later ones.
            for (Future<Prepared> next : prepared) {
                outcomes.count(finish(producer, await(next)));
            }
        }

        private Prepared await(Future<Prepared> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while tagging a poll", e);
            } catch (ExecutionException e) {
                // prepare() catches every RuntimeException, so this is an Error: let it stop the loop.
                throw new IllegalStateException("tagging failed: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public void committed(Map<String, Integer> outcomes) {
            // Counted only once committed, so a record read again after an abort is not counted twice.
            outcomes.forEach((outcome, n) -> metrics.counter("ronda_enrich_records", "stage", "enrich", "outcome", outcome).increment(n));
        }
    }

    /** The transaction limits; a setting out of range stops start-up with the setting's name. */
    private TransactionalLoop.Limits limits() {
        EnrichConfig.Transaction t = config.transaction();
        return TransactionalLoop.Limits.configured("ronda.enrich.transaction", t.maxRecords(), t.maxBytes(), t.maxTime());
    }

    private static ExecutorService taggingThreads(int n) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(n, task -> {
            Thread thread = new Thread(task, "enrich-tag-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the window of already enriched articles back into the story clusters. Every instance
     * reads every partition, and goes on reading them ({@link ClusterTail#drain}), so a copy finds
     * its story whichever instance enriched the first one, once that one's transaction committed.
     */
    private void rebuildClusters(ClusterTail tail) {
        Instant from = clock.instant().minus(config.clusterWindow());
        long n = tail.catchUp(from, this::remember);
        LOG.infof("story clusters rebuilt from %d enriched articles since %s", n, from);
    }

    private void remember(ConsumerRecord<String, String> record) {
        // Most records read back are this instance's own output, already in its clusters: their id
        // is read from the start of the JSON and the rest is not decoded.
        Optional<String> articleId = ArticleIdPeek.of(record.value());
        if (articleId.isPresent() && enricher.remembers(articleId.get())) {
            return;
        }
        try {
            enricher.remember(EventCodec.decodeEnriched(record.value()));
        } catch (InvalidEventException e) {
            LOG.warnf("skipped %s-%d@%d while reading story clusters: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /**
     * The part of a record's work that does not depend on other records: size check, decoding and
     * tagging. Runs on a tagging thread; never throws.
     */
    private Prepared prepare(ConsumerRecord<String, String> record) {
        Optional<String> oversized = ArticleSizeLimit.exceeded(record.value(), config.maxArticleBytes());
        if (oversized.isPresent()) {
            return Prepared.failed(record, ArticleSizeLimit.REASON, oversized.get());
        }
        try {
            return new Prepared(record, enricher.tag(EventCodec.decodeRaw(record.value())), null, null);
        } catch (InvalidEventException e) {
            return Prepared.failed(record, "invalid-event", e.getMessage());
        } catch (RuntimeException e) {
            return enrichFailed(record, e);
        }
    }

    /** The rest, on the loop thread in record order: story cluster, then the enriched event or the dead letter. */
    private String finish(Producer<String, String> producer, Prepared prepared) {
        ConsumerRecord<String, String> record = prepared.record();
        if (prepared.tagged() == null) {
            return deadLetter(producer, record, prepared.reason(), prepared.detail());
        }
        try {
            EnrichedArticle enriched = enricher.enrich(prepared.tagged());
            // Keyed by story: every copy of a story lands on one partition, so one alerts instance
            // sees the whole story in order (decision 30).
            producer.send(new ProducerRecord<>(config.topics().enrichedArticles(), partitionKey(enriched), EventCodec.encode(enriched)));
            return "enriched";
        } catch (RuntimeException e) {
            Prepared failed = enrichFailed(record, e);
            return deadLetter(producer, record, failed.reason(), failed.detail());
        }
    }

    private static Prepared enrichFailed(ConsumerRecord<String, String> record, RuntimeException e) {
        // A bug or a pathological article must not stop the stream: park the record with the reason.
        LOG.errorf(e, "enrich failed for %s-%d@%d", record.topic(), record.partition(), record.offset());
        return Prepared.failed(record, "enrich-failed", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /** A record after {@link #prepare}: tagged, or with the reason it is dead-lettered. */
    private record Prepared(ConsumerRecord<String, String> record, ArticleEnricher.Tagged tagged, String reason, String detail) {

        static Prepared failed(ConsumerRecord<String, String> record, String reason, String detail) {
            return new Prepared(record, null, reason, detail);
        }
    }

    private String deadLetter(Producer<String, String> producer, ConsumerRecord<String, String> record, String reason, String detail) {
        LOG.warnf("dead-lettered %s-%d@%d: %s %s", record.topic(), record.partition(), record.offset(), reason, detail);
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, "enrich", reason, detail, null, null,
                record.topic(), record.partition(), record.offset(), record.value(), clock.instant());
        producer.send(new ProducerRecord<>(config.topics().deadLetter(), record.key(), EventCodec.encode(letter)));
        return "dead-lettered";
    }

    /** The story's cluster id, or the article id for an article without one. */
    static String partitionKey(EnrichedArticle enriched) {
        String cluster = enriched.enrichment().clusterId();
        return cluster != null ? cluster : enriched.articleId();
    }
}
