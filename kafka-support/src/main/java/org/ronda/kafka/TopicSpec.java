package org.ronda.kafka;

/**
 * A topic a stage needs.
 *
 * @param name       the topic name, from configuration
 * @param partitions partitions to create it with; the unit of parallelism of its consumers
 * @param compacted  whether only the latest record per key must be kept
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public TopicSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("topic name is empty");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
    }
}
