package org.ronda.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * The watchdog itself on the real broker: a consumer group that committed once and then stopped
 * while records wait is reported, naming the group, its lag and how long it stalled, within the
 * limit (3 s here) and not before; a declared outage holds it back. Real: Kafka. Faked: the stalled
 * stage is a group that a test consumer committed for and then left.
 */
class StalledStageFaultIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");

    @Test
    void aGroupWithWaitingWorkAndFrozenOffsetsFailsTheTestWithTheGroupAndItsLag() {
        String run = "fault-stall-" + UUID.randomUUID().toString().substring(0, 8);
        String topic = run + ".articles.raw";
        String group = run + "-enrich";
        TopicCreator.ensure(KAFKA, List.of(new TopicSpec(topic, 1, false)), (short) 1);
        FaultArticles.produce(KAFKA, topic, FaultArticles.generate(10));
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(KafkaClientProperties.consumer(KAFKA, group, run, 10))) {
            c.commitSync(java.util.Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(4)));
        }

        ProgressWatchdog watchdog = ProgressWatchdog.withLimit(Duration.ofSeconds(3));
        try {
            watchdog.watch(KAFKA, "enrich", group, topic, 0);
            Instant start = Instant.now();
            try (ProgressWatchdog.Outage outage = watchdog.outage("deliberate")) {
                watchdog.until(Duration.ofSeconds(5), () -> Duration.between(start, Instant.now()).toSeconds() >= 4);
            }
            Instant outageEnd = Instant.now();
            assertThatThrownBy(() -> watchdog.until(Duration.ofSeconds(30), () -> false))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("liveness watchdog: enrich (group " + group + " on " + topic + ") stalled: lag 6 with committed offsets unchanged at 4 for ");
            assertThat(Duration.between(outageEnd, Instant.now())).as("not before the limit after the outage")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        } finally {
            watchdog.stop();
        }
    }
}
