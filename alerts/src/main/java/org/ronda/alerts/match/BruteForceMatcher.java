package org.ronda.alerts.match;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Subscription;

/**
 * The naive way: every subscription's query run against every article. Used as the reference that
 * {@link SubscriptionMatcher} must agree with, and as the baseline of the matching benchmark.
 */
public final class BruteForceMatcher {

    private final Analyzer analyzer = ArticleDocument.analyzer();
    private final SubscriptionQueries queries = new SubscriptionQueries(new LuceneQueryTranslator(analyzer));
    private final Map<String, Query> byId = new LinkedHashMap<>();

    /** Adds or replaces {@code s}. */
    public void add(Subscription s) {
        byId.put(s.id(), queries.toQuery(s));
    }

    /** Ids of the subscriptions that {@code article} matches. */
    public Set<String> match(EnrichedArticle article) {
        MemoryIndex index = new MemoryIndex();
        Document doc = ArticleDocument.of(article);
        for (IndexableField field : doc) {
            index.addField(field, analyzer);
        }
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, Query> e : byId.entrySet()) {
            if (index.search(e.getValue()) > 0.0f) {
                ids.add(e.getKey());
            }
        }
        return ids;
    }
}
