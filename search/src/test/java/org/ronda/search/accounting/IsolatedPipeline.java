package org.ronda.search.accounting;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * Topics and an alias of this run only, on the local Kafka and Elasticsearch started by ./ronda.
 * Real: Kafka and Elasticsearch. Faked: nothing.
 */
public class IsolatedPipeline implements QuarkusTestResourceLifecycleManager {

    static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    static final String PREFIX = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    static final String RAW = PREFIX + "raw";

    @Override
    public Map<String, String> start() {
        List<String> topics = List.of(RAW, PREFIX + "enriched", PREFIX + "ingest-dlq", PREFIX + "enrich-dlq", PREFIX + "index-dlq");
        TopicCreator.ensure(KAFKA, topics.stream().map(t -> new TopicSpec(t, 1, false)).toList(), (short) 1);
        return Map.of(
                "quarkus.elasticsearch.hosts", System.getProperty("it.elastic.hosts", "127.0.0.1:19200"),
                "ronda.search.alias", PREFIX + "articles",
                "ronda.kafka.bootstrap-servers", KAFKA,
                "ronda.search.reconcile.raw-topic", RAW,
                "ronda.search.reconcile.enriched-topic", PREFIX + "enriched",
                "ronda.search.reconcile.ingest-dead-letter-topic", PREFIX + "ingest-dlq",
                "ronda.search.reconcile.enrich-dead-letter-topic", PREFIX + "enrich-dlq",
                "ronda.search.reconcile.index-dead-letter-topic", PREFIX + "index-dlq");
    }

    @Override
    public void stop() {
        // Topics of a run are left for inspection; `./ronda engines down --wipe` clears them.
    }
}
