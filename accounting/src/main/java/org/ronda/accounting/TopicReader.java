package org.ronda.accounting;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ronda.kafka.TopicReplay;

/**
 * Reads topics for accounting without ever creating one: a topic is read only after the cluster
 * said it exists, because a consumer's metadata request may auto-create a missing topic on a broker
 * that allows it.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The bootstrap servers read from. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Which of {@code topics} exist; throws {@link IllegalStateException} when the cluster does not answer in 30 s. */
    public Set<String> existing(List<String> topics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(p)) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            Set<String> found = new HashSet<>(topics);
            found.retainAll(names);
            return found;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not list its topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }

    /**
     * Hands each committed record of {@code topic} written at or after {@code from} (null: from the
     * beginning) up to the end offsets of the moment of the call to {@code sink}; returns how many.
     */
    public long read(String topic, Instant from, Consumer<ConsumerRecord<String, String>> sink) {
        return TopicReplay.readToEnd(bootstrapServers, topic, from, sink);
    }

    /** {@code topic-partition@offset}: how logs and reports name a record. */
    public static String coordinates(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }
}
