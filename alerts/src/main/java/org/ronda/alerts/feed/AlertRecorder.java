package org.ronda.alerts.feed;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;

/**
 * Copies the alerts topic into the {@link AlertIndex}, one document per record (per alerting
 * article, not per alert: decision 32). Offsets are committed only after a poll's records are stored; while Elasticsearch is down the loop waits with backoff and jitter and the
 * alerts wait in Kafka.
 */
@ApplicationScoped
public class AlertRecorder {

    private static final Logger LOG = Logger.getLogger(AlertRecorder.class);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final AlertIndex index;
    private final PollLoop loop = new PollLoop("alerts-recorder");

    AlertRecorder(AlertsConfig config, KafkaSettings kafka, AlertIndex index) {
        this.config = config;
        this.kafka = kafka;
        this.index = index;
    }

    void start(@Observes StartupEvent event) {
        loop.start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop(Duration.ofSeconds(10));
    }

    /** Health of the loop. */
    public LoopState state() {
        return loop.state();
    }

    private void run(PollLoop loop) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(KafkaClientProperties.consumer(kafka.bootstrapServers(),
                config.recorderGroupId(), "ronda-alerts-recorder-" + UUID.randomUUID(), 500))) {
            loop.attach(c);
            installIndex(loop);
            c.subscribe(List.of(config.topics().alerts()));
            loop.state().running();
            while (loop.isRunning()) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(300));
                if (records.isEmpty()) {
                    continue;
                }
                List<ArticleAlerts> alerts = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, String> r : records) {
                    offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    try {
                        alerts.add(EventCodec.decodeArticleAlerts(r.value()));
                    } catch (InvalidEventException e) {
                        // The match loop is the only writer; an unreadable alert is a defect, logged, not stored.
                        LOG.errorf("unreadable alert at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
                writeWithRetry(loop, alerts);
                if (loop.isRunning()) {
                    c.commitSync(offsets);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void installIndex(PollLoop loop) throws InterruptedException {
        long delay = 500;
        while (loop.isRunning()) {
            try {
                index.install();
                return;
            } catch (IOException | RuntimeException e) {
                loop.state().waiting("elasticsearch");
                LOG.warnf("alert index not ready (%s), retrying", e.toString());
                Thread.sleep(delay + ThreadLocalRandom.current().nextLong(delay));
                delay = Math.min(delay * 2, 30_000);
            }
        }
    }

    private void writeWithRetry(PollLoop loop, List<ArticleAlerts> alerts) throws InterruptedException {
        long delay = 500;
        while (loop.isRunning()) {
            try {
                index.write(alerts);
                loop.state().running();
                return;
            } catch (IOException | RuntimeException e) {
                loop.state().waiting("elasticsearch");
                LOG.warnf("%d alert records not stored yet (%s), retrying", alerts.size(), e.toString());
                Thread.sleep(delay + ThreadLocalRandom.current().nextLong(delay));
                delay = Math.min(delay * 2, 30_000);
            }
        }
    }
}
