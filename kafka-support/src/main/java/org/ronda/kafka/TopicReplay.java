package org.ronda.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every partition of a topic, from the beginning or from a point in time, up to the end
 * offsets it had when the read started: how a stage rebuilds in-memory state from Kafka at start-up.
 * Commits nothing.
 */
public final class TopicReplay {

    private TopicReplay() {
    }

    /**
     * Hands each committed record of {@code topic} written at or after {@code from} (null: from the
     * beginning) to {@code sink}, partition by partition in offset order; returns the number read.
     */
    public static long readToEnd(String bootstrapServers, String topic, Instant from, Consumer<ConsumerRecord<String, String>> sink) {
        var props = KafkaClientProperties.consumer(bootstrapServers, "ronda-replay-" + UUID.randomUUID(), "ronda-replay", 5000);
        long read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, Duration.ofSeconds(60));
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.seekToBeginning(partitions);
            if (from != null) {
                Map<TopicPartition, Long> times = new HashMap<>();
                partitions.forEach(p -> times.put(p, from.toEpochMilli()));
                for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(times, Duration.ofSeconds(30)).entrySet()) {
                    consumer.seek(e.getKey(), e.getValue() == null ? end.get(e.getKey()) : e.getValue().offset());
                }
            }
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    sink.accept(record);
                    read++;
                }
            }
        }
        return read;
    }

    /**
     * Waits, up to {@code maxWait}, until every record written to {@code topic} before this call is
     * decided: each partition's last stable offset (what read-committed readers may read) has reached
     * the end offset it had at the call. A transaction whose commit returned to its producer may still
     * be writing its markers; a reader that starts before they land would not see its records.
     *
     * @return true when stable in time; false when a transaction was still open (it will commit or time out)
     */
    public static boolean awaitStable(String bootstrapServers, String topic, Duration maxWait) throws InterruptedException {
        var uncommitted = KafkaClientProperties.consumer(bootstrapServers, "ronda-replay-" + UUID.randomUUID(), "ronda-replay", 1);
        uncommitted.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        var committed = KafkaClientProperties.consumer(bootstrapServers, "ronda-replay-" + UUID.randomUUID(), "ronda-replay", 1);
        try (KafkaConsumer<String, String> all = new KafkaConsumer<>(uncommitted);
                KafkaConsumer<String, String> stable = new KafkaConsumer<>(committed)) {
            List<TopicPartition> partitions = TopicPartitions.of(all, topic, Duration.ofSeconds(60));
            Map<TopicPartition, Long> written = all.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (true) {
                Map<TopicPartition, Long> lso = stable.endOffsets(partitions, Duration.ofSeconds(30));
                if (written.entrySet().stream().allMatch(e -> lso.get(e.getKey()) >= e.getValue())) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                // Markers land within milliseconds of a commit; only an abandoned transaction takes longer.
                Thread.sleep(50);
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
