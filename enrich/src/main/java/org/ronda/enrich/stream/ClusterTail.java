package org.ronda.enrich.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicPartitions;

/**
 * Reads every partition of the enriched topic, outside any consumer group: first the cluster window
 * up to the end (start-up), then, on each call of {@link #drain}, whatever other instances (and this
 * one) committed since. It keeps the story clusters of one enricher current with the stories that
 * other enrichers opened. Read-committed, so aborted transactions are never seen. Not thread-safe:
 * used by the enrich loop's thread only.
 */
final class ClusterTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    ClusterTail(String bootstrapServers, String topic) {
        this.consumer = new KafkaConsumer<>(KafkaClientProperties.consumer(bootstrapServers,
                "ronda-enrich-tail-" + UUID.randomUUID(), "ronda-enrich-tail", 2000));
        consumer.assign(TopicPartitions.of(consumer, topic, Duration.ofSeconds(60)));
    }

    /** Hands every committed record written at or after {@code from} up to the current end to {@code sink}; returns how many. */
    long catchUp(Instant from, Consumer<ConsumerRecord<String, String>> sink) {
        Map<TopicPartition, Long> times = new HashMap<>();
        consumer.assignment().forEach(p -> times.put(p, from.toEpochMilli()));
        Map<TopicPartition, Long> end = end();
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(times, Duration.ofSeconds(30)).entrySet()) {
            consumer.seek(e.getKey(), e.getValue() == null ? end.get(e.getKey()) : e.getValue().offset());
        }
        return readTo(end, sink);
    }

    /**
     * Hands everything committed since the last call to {@code sink}, up to the end as of this
     * call; returns how many. Asks the broker where the end is rather than taking what the last
     * fetch happened to bring: a copy must meet the stories another instance committed while this
     * one was idle (ScaleOutIT once placed a copy in a story of its own that way).
     */
    long drain(Consumer<ConsumerRecord<String, String>> sink) {
        return readTo(end(), sink);
    }

    /** The last stable offset of every partition (read-committed). */
    private Map<TopicPartition, Long> end() {
        return consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
    }

    private long readTo(Map<TopicPartition, Long> end, Consumer<ConsumerRecord<String, String>> sink) {
        long read = 0;
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                sink.accept(record);
                read++;
            }
        }
        return read;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
