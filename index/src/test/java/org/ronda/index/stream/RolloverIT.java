package org.ronda.index.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ronda.index.stream.ItEvents.event;
import static org.ronda.index.stream.ItEvents.reenriched;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.EnrichedArticle;

/**
 * Rollover against real Kafka and real Elasticsearch, with a write index that is full at three
 * documents and a check every second: a second index appears behind the alias, searches through
 * the alias still see every document, and updates of articles stored before the rollover land in
 * the old index instead of duplicating them in the new one. Real: both engines. Faked: nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = RolloverIT.SmallIndices.class, restrictToAnnotatedClass = true)
class RolloverIT {

    /** Isolated names, plus an index that rolls over at three documents and a check every second. */
    public static class SmallIndices extends IsolatedNames {
        @Override
        protected Map<String, String> overrides() {
            return Map.of("ronda.index.rollover-max-docs", "3", "ronda.index.rollover-check-interval", "1s");
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
    void rollsOverKeepsOldDocumentsSearchableAndUpdatesThemInPlace() throws Exception {
        EnrichedArticle a = event("rollover-a");
        EnrichedArticle b = event("rollover-b");
        ItEvents.produce(bootstrap, input, List.of(a, b, event("rollover-c")));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> count(alias) == 3);

        String first = alias + "-000001";
        String second = alias + "-000002";
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> indicesBehindAlias().size() == 2);
        assertThat(indicesBehindAlias()).containsExactlyInAnyOrder(first, second);
        assertThat(elastic.indices().getAlias(g -> g.name(alias)).aliases().get(second).aliases().get(alias).isWriteIndex())
                .as("the new index takes the writes").isTrue();

        // A replay of a, a re-enrichment of b (both stored in the old index), and two new articles.
        ItEvents.produce(bootstrap, input, List.of(a, reenriched(b, "after-rollover", 60), event("rollover-d"), event("rollover-e")));
        await().atMost(Duration.ofSeconds(30)).until(() -> ItEvents.everythingCommitted(bootstrap, groupId, input));

        assertThat(count(alias)).as("all documents, old and new index, through the alias").isEqualTo(5);
        assertThat(count(first)).isEqualTo(3);
        assertThat(count(second)).isEqualTo(2);
        SearchResponse<JsonNode> found = elastic.search(s -> s.index(alias)
                .query(q -> q.ids(i -> i.values(a.articleId(), b.articleId()))), JsonNode.class);
        assertThat(found.hits().hits()).as("one document each, still in the old index").hasSize(2)
                .allSatisfy(h -> assertThat(h.index()).isEqualTo(first));
        Hit<JsonNode> updated = found.hits().hits().stream().filter(h -> h.id().equals(b.articleId())).findFirst().orElseThrow();
        assertThat(updated.source().get("rulesVersion").asText()).isEqualTo("after-rollover");
    }

    private Set<String> indicesBehindAlias() throws IOException {
        return elastic.indices().getAlias(g -> g.name(alias)).aliases().keySet();
    }

    private long count(String index) throws IOException {
        elastic.indices().refresh(r -> r.index(index));
        return elastic.count(c -> c.index(index)).count();
    }
}
