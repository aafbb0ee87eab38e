package org.ronda.enrich.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
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
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> e : consumer.offsetsForTimes(times, Duration.ofSeconds(30)).entrySet()) {
            consumer.seek(e.getKey(), e.getValue() == null ? end.get(e.getKey()) : e.getValue().offset());
        }
        long read = 0;
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                sink.accept(record);
                read++;
            }
        }
        return read;
    }

    /** Hands what has arrived since the last call to {@code sink}, without waiting for more; returns how many. */
    int drain(Consumer<ConsumerRecord<String, String>> sink) {
        int read = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ZERO)) {
            sink.accept(record);
            read++;
        }
        return read;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
