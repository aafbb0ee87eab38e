package org.ronda.search.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * Points the service at the local Elasticsearch (started by ./ronda) and at an alias of its own, so
 * runs never see each other's documents. Real: Elasticsearch. Faked: nothing.
 */
public class IsolatedSearchIndex implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.elasticsearch.hosts", System.getProperty("it.elastic.hosts", "127.0.0.1:19200"),
                "ronda.search.alias", "it-" + UUID.randomUUID().toString().substring(0, 8) + "-articles");
    }

    @Override
    public void stop() {
        // Indices of a run are left for inspection; `./ronda engines down --wipe` clears them.
    }
}
