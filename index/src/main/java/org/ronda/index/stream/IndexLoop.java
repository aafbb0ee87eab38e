package org.ronda.index.stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.index.config.IndexConfig;
import org.ronda.kafka.KafkaSettings;
import org.ronda.index.elastic.ArticleDocuments;
import org.ronda.index.elastic.BulkBatcher;
import org.ronda.index.elastic.BulkIndexer;
import org.ronda.index.elastic.BulkOutcome;
import org.ronda.index.elastic.IndexRollover;
import org.ronda.index.elastic.IndexSetup;
import org.ronda.index.elastic.PendingDocument;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * Consumes enriched articles and bulk-indexes them. Offsets are committed only after every record
 * of the poll is either acknowledged by Elasticsearch or written to the dead-letter topic. While
 * Elasticsearch is unavailable the loop pauses its partitions and retries with backoff: nothing is
 * lost and nothing piles up in memory beyond one poll. One poll may become several bulk requests
 * (by count and estimated bytes). Between polls, and once at start-up, the loop asks Elasticsearch
 * to roll the write alias over when it is due.
 */
@ApplicationScoped
public class IndexLoop {

    private static final Logger LOG = Logger.getLogger(IndexLoop.class);

    private final ElasticsearchClient client;
    private final IndexConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry metrics;
    private final Backoff backoff;
    private final BulkBatcher batcher;
    private final IndexRollover rollover;
    private final Clock clock = Clock.systemUTC();
    private final PollLoop loop = new PollLoop("index-loop");

    IndexLoop(ElasticsearchClient client, IndexConfig config, KafkaSettings kafka, MeterRegistry metrics) {
        this.client = client;
        this.config = config;
        this.kafka = kafka;
        this.metrics = metrics;
        this.backoff = new Backoff(config.retryInitialBackoff(), config.retryMaxBackoff());
        if (config.bulkMaxDocs() > 10_000) {
            // The lookup of existing documents fetches one hit per id and Elasticsearch caps a search at 10,000.
            throw new IllegalArgumentException("ronda.index.bulk-max-docs must be at most 10000, was " + config.bulkMaxDocs());
        }
        if (config.fetchMinBytes() < 1) {
            throw new IllegalArgumentException("ronda.index.fetch-min-bytes must be at least 1, was " + config.fetchMinBytes());
        }
        this.batcher = new BulkBatcher(config.bulkMaxDocs(), config.bulkMaxBytes());
        this.rollover = new IndexRollover(client, config.alias(), config.rolloverMaxAge(), config.rolloverMaxPrimarySize(),
                config.rolloverMaxDocs());
    }

    void start(@Observes StartupEvent event) {
        // The input too: a subscription to a missing topic would let the broker create it with its own partition count.
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(new TopicSpec(config.topics().enrichedArticles(), kafka.partitions(), false),
                new TopicSpec(config.topics().deadLetter(), 1, false)),
                kafka.replicationFactor());
        loop.start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(20));
    }

    /** Health of the loop, for the health checks. */
    public LoopState state() {
        return loop.state();
    }

    private void run(PollLoop loop) {
        BulkIndexer indexer = new BulkIndexer(client, config.alias());
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumerProperties(kafka.bootstrapServers(), config));
                KafkaProducer<String, String> deadLetters = new KafkaProducer<>(
                        KafkaClientProperties.producer(kafka.bootstrapServers(), "ronda-index-dead-letters"))) {
            loop.attach(c);
            installIndex();
            c.subscribe(List.of(config.topics().enrichedArticles()));
            loop.state().running();
            long nextRolloverCheck = System.nanoTime();
            while (loop.isRunning()) {
                if (System.nanoTime() - nextRolloverCheck >= 0) {
                    checkRollover();
                    nextRolloverCheck = System.nanoTime() + config.rolloverCheckInterval().toNanos();
                }
                ConsumerRecords<String, String> records = c.poll(config.pollTimeout());
                if (!records.isEmpty()) {
                    handle(c, deadLetters, indexer, records);
                }
            }
        }
    }

    /** The indexer's consumer: the shared settings, a poll of at most one bulk request, and fetches that gather. */
    static Properties consumerProperties(String bootstrapServers, IndexConfig config) {
        Properties p = KafkaClientProperties.consumer(bootstrapServers, config.groupId(), "ronda-index-" + UUID.randomUUID(),
                config.bulkMaxDocs());
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(config.fetchMinBytes()));
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(config.fetchMaxWait().toMillis()));
        return p;
    }

    private void installIndex() {
        for (int attempt = 0; loop.isRunning(); attempt++) {
            try {
                IndexSetup.install(client, config.alias());
                return;
            } catch (IOException | ElasticsearchException e) {
                loop.state().waiting("elasticsearch (index template): " + e.getMessage());
                LOG.warnf("cannot install the index template yet: %s", e.getMessage());
                sleep(backoff.delay(attempt));
            }
        }
    }

    /** A failed check only delays the rollover to the next check: writes keep going to the current index. */
    private void checkRollover() {
        try {
            rollover.rollOverIfDue();
        } catch (IOException | ElasticsearchException e) {
            LOG.warnf("rollover check of %s failed, next in %s: %s", config.alias(), config.rolloverCheckInterval(), e.getMessage());
        }
    }

    private void handle(KafkaConsumer<String, String> c, KafkaProducer<String, String> deadLetters, BulkIndexer indexer,
            ConsumerRecords<String, String> records) {
        List<PendingDocument> pending = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        Instant now = clock.instant();
        for (ConsumerRecord<String, String> r : records) {
            try {
                EnrichedArticle event = EventCodec.decodeEnriched(r.value());
                pending.add(new PendingDocument(r.topic(), r.partition(), r.offset(), event.articleId(),
                        ArticleDocuments.version(event), r.value(), ArticleDocuments.toDocument(event, now)));
            } catch (InvalidEventException e) {
                dead.add(deadLetter("invalid-event", e.getMessage(), null, r.topic(), r.partition(), r.offset(), r.value()));
            }
        }
        int indexed = 0;
        int stale = 0;
        for (List<PendingDocument> batch : batcher.split(pending)) {
            int attempt = 0;
            while (!batch.isEmpty()) {
                try {
                    BulkOutcome outcome = indexer.index(batch);
                    indexed += outcome.indexed().size();
                    stale += outcome.stale().size();
                    for (BulkOutcome.Rejection r : outcome.rejected()) {
                        PendingDocument d = r.document();
                        LOG.warnf("rejected %s-%d@%d: %s", d.topic(), d.partition(), d.offset(), r.detail());
                        dead.add(deadLetter(r.reason(), r.detail(), d.articleId(), d.topic(), d.partition(), d.offset(), d.payload()));
                    }
                    batch = outcome.retryable();
                    if (!batch.isEmpty()) {
                        waitBeforeRetry(c, attempt++, batch.size() + " items refused for now (429/5xx)");
                    }
                } catch (IOException | ElasticsearchException e) {
                    waitBeforeRetry(c, attempt++, "bulk request failed: " + e.getMessage());
                }
                if (!loop.isRunning()) {
                    // Nothing of this poll is committed: it is read again, and rewritten idempotently, after restart.
                    return;
                }
            }
        }
        for (DeadLetter letter : dead) {
            sendDeadLetter(deadLetters, letter);
        }
        c.commitSync(nextOffsets(records));
        if (!c.paused().isEmpty()) {
            c.resume(c.paused());
        }
        loop.state().running();
        metrics.counter("ronda_index_records", "stage", "index", "outcome", "indexed").increment(indexed);
        metrics.counter("ronda_index_records", "stage", "index", "outcome", "dead-lettered").increment(dead.size());
        metrics.counter("ronda_index_records", "stage", "index", "outcome", "already-newer").increment(stale);
    }

    /** Waits with backoff while keeping the consumer in its group: paused partitions return nothing on poll. */
    private void waitBeforeRetry(KafkaConsumer<String, String> c, int attempt, String reason) {
        loop.state().waiting("elasticsearch: " + reason);
        LOG.warnf("indexing retried (attempt %d): %s", attempt + 1, reason);
        c.pause(c.assignment());
        long until = System.nanoTime() + backoff.delay(attempt).toNanos();
        while (loop.isRunning() && System.nanoTime() < until) {
            c.poll(Duration.ofMillis(200));
        }
    }

    private void sendDeadLetter(KafkaProducer<String, String> producer, DeadLetter letter) {
        String key = letter.articleId() != null ? letter.articleId() : letter.sourceTopic() + "-" + letter.sourcePartition() + "@" + letter.sourceOffset();
        try {
            producer.send(new ProducerRecord<>(config.topics().deadLetter(), key, EventCodec.encode(letter))).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Without its dead letter the record must not be committed: stop, so it is read again after restart.
            throw new IllegalStateException("dead letter for " + key + " not acknowledged: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        }
    }

    private DeadLetter deadLetter(String reason, String detail, String articleId, String topic, int partition, long offset, String payload) {
        return new DeadLetter(DeadLetter.SCHEMA_VERSION, "index", reason, detail, articleId, null, topic, partition, offset, payload, clock.instant());
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition p : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(p);
            offsets.put(p, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
