package org.ronda.index.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run its own topics, consumer group and index alias on the shared local engines,
 * so runs never see each other's records. Real: Kafka and Elasticsearch (started by ./ronda). Faked: nothing.
 * A test class that needs other settings extends it and adds them in {@link #overrides()}; every
 * such class costs its own Quarkus boot.
 */
public class IsolatedNames implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> names = new HashMap<>(Map.of(
                "ronda.kafka.bootstrap-servers", System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092"),
                "quarkus.elasticsearch.hosts", elasticHosts(),
                "ronda.index.topics.enriched-articles", "it-" + run + ".articles.enriched",
                "ronda.index.topics.dead-letter", "it-" + run + ".index.dead-letter",
                "ronda.index.group-id", "it-" + run + "-index",
                "ronda.index.alias", "it-" + run + "-articles"));
        names.putAll(overrides());
        return names;
    }

    /** The real Elasticsearch of the local engines, host:port. */
    static String elasticHosts() {
        return System.getProperty("it.elastic.hosts", "127.0.0.1:19200");
    }

    /** Settings of a test class beyond the isolated names; none here. */
    protected Map<String, String> overrides() {
        return Map.of();
    }

    @Override
    public void stop() {
        // Topics and indices of a run are left for inspection; `./ronda engines down --wipe` clears them.
    }
}
