package org.ronda.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions of a topic, for consumers that assign partitions themselves. Right after a topic
 * is created (by this process or another), a broker's metadata may not list it yet and
 * {@code partitionsFor} answers an empty list; assigning that list would leave a reader that reads
 * nothing, for ever, without an error. So the question is asked again until the topic shows up.
 */
public final class TopicPartitions {

    private TopicPartitions() {
    }

    /**
     * Every partition of {@code topic}; asks again every 200 ms for up to {@code timeout}, then throws
     * an {@link IllegalStateException} naming the topic.
     */
    public static List<TopicPartition> of(Consumer<?, ?> consumer, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("topic " + topic + " has no partitions after " + timeout.toSeconds() + " s; does it exist?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the partitions of " + topic, e);
            }
        }
    }
}
