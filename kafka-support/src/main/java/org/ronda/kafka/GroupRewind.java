package org.ronda.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a consumer group back to the beginning of a topic, so that its stage processes every
 * record again: how past articles are re-enriched after a rule change. The group must have no
 * running member (stop the stage first); Kafka refuses the change otherwise.
 */
public final class GroupRewind {

    private GroupRewind() {
    }

    /** Sets the committed offset of {@code group} on every partition of {@code topic} to the earliest offset; returns the partition count. */
    public static int toEarliest(String bootstrapServers, String group, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(java.util.List.of(group))
                    .all().get(30, TimeUnit.SECONDS).get(group);
            if (!description.members().isEmpty()) {
                throw new IllegalStateException("group " + group + " still has " + description.members().size()
                        + " running member(s): stop the stage before rewinding it");
            }
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int i = 0; i < partitions; i++) {
                request.put(new TopicPartition(topic, i), OffsetSpec.earliest());
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(30, TimeUnit.SECONDS);
            return partitions;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not rewind group " + group + " on " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rewinding " + group, e);
        }
    }

    /** {@code GroupRewind BOOTSTRAP GROUP TOPIC}: the command behind {@code ./ronda reenrich}. */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: GroupRewind BOOTSTRAP_SERVERS GROUP TOPIC");
            System.exit(2);
        }
        try {
            int n = toEarliest(args[0], args[1], args[2]);
            System.out.println("rewound group " + args[1] + " to the beginning of " + args[2] + " (" + n + " partitions)");
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
