package org.ronda.index.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.EnrichedArticle;

/**
 * Elasticsearch unreachable mid-run: the indexer reaches it through a {@link TcpProxy} that the
 * test switches off, so connections are refused and cut as when the node dies. While it is off,
 * readiness is DOWN and no offset is committed; once it is back, every document is indexed
 * exactly once and readiness is UP again. Real: Kafka, Elasticsearch. Faked: the outage.
 */
@QuarkusTest
@QuarkusTestResource(value = ElasticDownIT.BehindProxy.class, restrictToAnnotatedClass = true)
class ElasticDownIT {

    private static final int N = 20;

    /** Isolated names, Elasticsearch behind the proxy, and short backoff so recovery is quick. */
    public static class BehindProxy extends IsolatedNames {
        static TcpProxy proxy;

        @Override
        public Map<String, String> start() {
            proxy = new TcpProxy(elasticHosts());
            try {
                proxy.on();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the proxy to Elasticsearch", e);
            }
            return super.start();
        }

        @Override
        protected Map<String, String> overrides() {
            return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + proxy.port(),
                    "ronda.index.retry-max-backoff", "2s");
        }

        @Override
        public void stop() {
            proxy.close();
        }
    }

    @Inject
    ElasticsearchClient elastic;

    @ConfigProperty(name = "ronda.kafka.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "ronda.index.topics.enriched-articles")
    String input;

    @ConfigProperty(name = "ronda.index.alias")
    String alias;

    @ConfigProperty(name = "ronda.index.group-id")
    String groupId;

    @Test
    void waitsWhileElasticsearchIsDownThenIndexesEverythingOnce() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness() == 200);

        BehindProxy.proxy.off();
        List<EnrichedArticle> events = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            events.add(ItEvents.event("outage-" + i));
        }
        ItEvents.produce(bootstrap, input, events);

        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 503);
        // The outage lasts as long as this holds: DOWN and nothing committed for ten seconds.
        await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                .until(() -> readiness() == 503 && ItEvents.committed(bootstrap, groupId).isEmpty());

        BehindProxy.proxy.on();
        await().atMost(Duration.ofSeconds(60)).until(() -> ItEvents.everythingCommitted(bootstrap, groupId, input));
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
        assertThat(count()).as("every document exactly once").isEqualTo(N);
        List<String> ids = events.stream().map(EnrichedArticle::articleId).toList();
        assertThat(elastic.search(s -> s.index(alias).size(N).query(q -> q.ids(i -> i.values(ids))), Void.class)
                .hits().hits()).hasSize(N);
    }

    private static int readiness() {
        return given().when().get("/q/health/ready").then().extract().statusCode();
    }

    private long count() throws IOException {
        elastic.indices().refresh(r -> r.index(alias));
        return elastic.count(c -> c.index(alias)).count();
    }
}
