package org.ronda.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.index.elastic.ArticleDocuments;
import org.ronda.index.elastic.IndexSetup;
import org.ronda.search.rest.SearchResourceIT;

/**
 * The 30 articles of {@code SearchResourceIT}, indexed under the service's alias. Both test classes
 * share one Quarkus boot and so one alias; indexing the very same articles (same ids, so writes are
 * idempotent) keeps SearchResourceIT's exact counts right whichever class runs first.
 */
final class SeededArticles {

    private static final Set<String> SEEDED = new HashSet<>();

    private SeededArticles() {
    }

    /** The articles of SearchResourceIT, the shared fixture of the search tests (one index per Quarkus boot). */
    static List<EnrichedArticle> all() {
        return List.copyOf(SearchResourceIT.ARTICLES);
    }

    static EnrichedArticle titled(String title) {
        return all().stream().filter(a -> a.article().title().equals(title)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no seeded article titled " + title));
    }

    /** Installs the template and indexes the articles once per alias. */
    static void seed(ElasticsearchClient client, String alias) throws IOException {
        if (!SEEDED.add(alias)) {
            return;
        }
        IndexSetup.install(client, alias);
        List<BulkOperation> ops = new ArrayList<>();
        Instant now = Instant.now();
        for (EnrichedArticle a : all()) {
            Map<String, Object> doc = ArticleDocuments.toDocument(a, now);
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(alias).id(a.articleId()).document(doc))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        assertThat(response.errors()).as("bulk errors").isFalse();
        client.indices().refresh(r -> r.index(alias));
    }
}
