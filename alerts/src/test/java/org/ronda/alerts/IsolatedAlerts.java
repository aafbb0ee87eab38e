package org.ronda.alerts;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each test run its own topics, consumer groups and alert index on the shared local engines.
 * Real: Kafka and Elasticsearch (started by ./ronda). Faked: nothing. Subclasses add settings in
 * {@link #overrides()}.
 */
public class IsolatedAlerts implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> names = new HashMap<>();
        names.put("ronda.kafka.bootstrap-servers", kafka());
        names.put("quarkus.elasticsearch.hosts", System.getProperty("it.elastic.hosts", "127.0.0.1:19200"));
        names.put("ronda.alerts.topics.enriched-articles", run + ".articles.enriched");
        names.put("ronda.alerts.topics.subscriptions", run + ".alerts.subscriptions");
        names.put("ronda.alerts.topics.stories", run + ".alerts.stories");
        names.put("ronda.alerts.topics.alerts", run + ".alerts");
        names.put("ronda.alerts.topics.dead-letter", run + ".alerts.dead-letter");
        names.put("ronda.alerts.topics.email-state", run + ".alerts.email-state");
        names.put("ronda.alerts.match-group-id", run + "-match");
        names.put("ronda.alerts.recorder-group-id", run + "-record");
        names.put("ronda.alerts.webhook.group-id", run + "-webhook");
        names.put("ronda.alerts.email.group-id", run + "-email");
        names.put("ronda.alerts.alert-index", run + "-alerts");
        names.put("ronda.alerts.instance-id", run);
        // Test receivers listen on 127.0.0.1; production refuses loopback.
        names.put("ronda.alerts.webhook.allow-private-addresses", "127.0.0.1/32");
        names.putAll(overrides());
        return names;
    }

    /** The real Kafka of the local engines. */
    public static String kafka() {
        return System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
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
