package org.ronda.kafka;

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
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
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

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
