package org.ronda.index.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run its own topics, consumer group and index alias on the shared local engines,
 * so runs never see each other's records. Real: Kafka and Elasticsearch (started by ./ronda). Faked: nothing.
 */
public class IsolatedNames implements QuarkusTestResourceLifecycleManager {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Override
    public Map<String, String> start() {
        return Map.of(
                "ronda.kafka.bootstrap-servers", System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092"),
                "quarkus.elasticsearch.hosts", System.getProperty("it.elastic.hosts", "127.0.0.1:19200"),
                "ronda.index.topics.enriched-articles", "it-" + RUN + ".articles.enriched",
                "ronda.index.topics.dead-letter", "it-" + RUN + ".index.dead-letter",
                "ronda.index.group-id", "it-" + RUN + "-index",
                "ronda.index.alias", "it-" + RUN + "-articles");
    }

    @Override
    public void stop() {
        // Topics and indices of a run are left for inspection; `./ronda engines down --wipe` clears them.
    }
}
