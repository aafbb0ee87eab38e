package org.ronda.kafka;

import java.util.ArrayList;
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
     * Waits (up to 30 s) until every partition of the new topics has a leader: a producer that
     * writes to a partition the broker has not finished creating gets metadata errors and retries
     * for as long as that takes.
     */
    private static void awaitLeaders(Admin admin, List<String> names) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0) {
            Map<String, org.apache.kafka.clients.admin.TopicDescription> topics;
            try {
                topics = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Not visible yet to the broker that answered.
                Thread.sleep(100);
                continue;
            }
            boolean ready = topics.values().stream().allMatch(t -> t.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
            if (ready) {
                return;
            }
            Thread.sleep(100);
        }
    }
}
