package org.ronda.enrich.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/** Own topics and consumer group per test run on the shared local Kafka. Real: Kafka. Faked: nothing. */
public class EnrichTopics implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of(
                "ronda.kafka.bootstrap-servers", System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092"),
                "ronda.enrich.topics.raw-articles", run + ".articles.raw",
                "ronda.enrich.topics.enriched-articles", run + ".articles.enriched",
                "ronda.enrich.topics.dead-letter", run + ".enrich.dead-letter",
                "ronda.enrich.group-id", run + "-enrich",
                "ronda.enrich.instance-id", run,
                // Not the default: so that the parallel path is the one tested against the broker.
                "ronda.enrich.tagging-threads", "2");
    }

    @Override
    public void stop() {
        // Topics of a run are left for inspection; `./ronda engines down --wipe` clears them.
    }
}
