package org.ronda.index.elastic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;

/** Turns an enriched-article event into its Elasticsearch document (the shape of articles-template.json). */
public final class ArticleDocuments {

    private ArticleDocuments() {
    }

    /** The document for {@code event}, indexed at {@code indexedAt}. */
    public static Map<String, Object> toDocument(EnrichedArticle event, Instant indexedAt) {
        RawArticle a = event.article();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("articleId", event.articleId());
        doc.put("url", a.url());
        doc.put("title", a.title());
        doc.put("text", a.text());
        doc.put("author", a.author());
        doc.put("publishedAt", a.publishedAt() == null ? null : a.publishedAt().toString());
        doc.put("language", event.enrichment().language());
        doc.put("sourceId", a.source().id());
        doc.put("outlet", a.source().outlet());
        doc.put("outletCountry", a.source().country());
        doc.put("sourceKind", a.source().kind());
        List<String> topics = new ArrayList<>();
        List<Map<String, Object>> tags = new ArrayList<>();
        for (TopicTag tag : event.enrichment().topics()) {
            topics.add(tag.topic());
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (Evidence e : tag.evidence()) {
                evidence.add(Map.of("term", e.term(), "field", e.field(), "start", e.start(), "end", e.end()));
            }
            tags.add(Map.of("topic", tag.topic(), "score", tag.score(), "evidence", evidence));
        }
        doc.put("topics", topics);
        doc.put("tags", tags);
        doc.put("rulesVersion", event.enrichment().rulesVersion());
        doc.put("enrichedAt", event.enrichment().enrichedAt().toString());
        doc.put("indexedAt", indexedAt.toString());
        return doc;
    }
}
