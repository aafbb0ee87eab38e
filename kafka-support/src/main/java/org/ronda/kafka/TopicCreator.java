package org.ronda.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics a stage writes to when they are missing, so that a fresh cluster needs no
 * manual step. Existing topics are left as they are: their partition count is an operator's choice.
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    /** Creates each missing topic of {@code specs} with replication factor {@code replicas}; waits up to 30 s. */
    public static void ensure(String bootstrapServers, List<TopicSpec> specs, short replicas) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec spec : specs) {
                if (!existing.contains(spec.name())) {
                    NewTopic topic = new NewTopic(spec.name(), spec.partitions(), replicas);
                    if (spec.compacted()) {
                        topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(topic);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another instance may have created it between our list and our create.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topics " + specs + " on " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /**
     * Waits (up to 30 s) until every partition of the new topics has a leader that serves it. The
     * controller names a leader before that broker has created the partition's log; an idempotent
     * producer that writes in between can get NOT_LEADER_OR_FOLLOWER for a batch the broker did
     * append, and then retries with sequence numbers the partition refuses until its delivery timeout
     * (seen once in WebhookDeliveryIT: two minutes of OutOfOrderSequenceException on a new topic).
     * A list-offsets request is answered by the leader's own replica manager, so once it succeeds
     * for every partition, writes are safe.
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0) {
            Map<String, TopicDescription> topics;
            try {
                topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Not visible yet to the broker that answered.
                Thread.sleep(100);
                continue;
            }
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            boolean led = true;
            for (TopicDescription t : topics.values()) {
                for (TopicPartitionInfo p : t.partitions()) {
                    led &= p.leader() != null && !p.leader().isEmpty();
                    partitions.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest());
                }
            }
            if (led && served(admin, partitions)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** Whether the leaders answer a list-offsets request for every one of {@code partitions}. */
    private static boolean served(Admin admin, Map<TopicPartition, OffsetSpec> partitions)
            throws InterruptedException, TimeoutException {
        try {
            admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
