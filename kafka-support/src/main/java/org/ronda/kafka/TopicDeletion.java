package org.ronda.kafka;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Removes the topics of one run (a benchmark's or a test's), named {@code <run>.<topic>}. */
public final class TopicDeletion {

    private TopicDeletion() {
    }

    /**
     * Deletes every topic whose name starts with {@code run + "."} and answers their names.
     *
     * @throws IllegalStateException when the broker cannot list or delete them
     */
    public static List<String> deleteRun(String bootstrapServers, String run) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(p)) {
            List<String> mine = admin.listTopics().names().get().stream().filter(t -> t.startsWith(run + ".")).sorted().toList();
            admin.deleteTopics(mine).all().get();
            return mine;
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not delete the topics " + run + ".*: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the topics " + run + ".*", e);
        }
    }
}
