package org.ronda.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** Real broker ({@code it.kafka.bootstrap}); nothing faked. */
class TopicDeletionIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");

    @Test
    void deletesTheTopicsOfOneRunAndNoOther() throws Exception {
        String run = "deletion-" + UUID.randomUUID().toString().substring(0, 8);
        String neighbour = run + "x";
        TopicCreator.ensure(KAFKA, List.of(new TopicSpec(run + ".articles.raw", 1, false), new TopicSpec(run + ".alerts", 1, false),
                new TopicSpec(neighbour + ".articles.raw", 1, false)), (short) 1);

        List<String> deleted = TopicDeletion.deleteRun(KAFKA, run);

        assertThat(deleted).containsExactly(run + ".alerts", run + ".articles.raw");
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin admin = Admin.create(p)) {
            Set<String> left = admin.listTopics().names().get();
            assertThat(left).contains(neighbour + ".articles.raw").doesNotContain(run + ".alerts", run + ".articles.raw");
            admin.deleteTopics(List.of(neighbour + ".articles.raw")).all().get();
        }
    }
}
