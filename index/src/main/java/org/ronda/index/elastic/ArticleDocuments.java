package org.ronda.index.elastic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.TopicTag;
import org.ronda.segment.Segmenter;

/** Turns an enriched-article event into its Elasticsearch document (the shape of articles-template.json). */
public final class ArticleDocuments {

    private ArticleDocuments() {
    }

    /**
     * The external version of {@code event}'s document: its enrichment time in microseconds, so a
     * re-enrichment replaces the document and a late copy of an older event does not.
     */
    public static long version(EnrichedArticle event) {
        Instant t = event.enrichment().enrichedAt();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** The document for {@code event}, indexed at {@code indexedAt}. */
    public static Map<String, Object> toDocument(EnrichedArticle event, Instant indexedAt) {
        RawArticle a = event.article();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("articleId", event.articleId());
        doc.put("url", a.url());
        doc.put("canonicalUrl", a.canonicalUrl());
        doc.put("feedGuid", a.feedGuid());
        doc.put("updatedAt", a.updatedAt() == null ? null : a.updatedAt().toString());
        doc.put("leadImageUrl", a.leadImageUrl());
        doc.put("partial", a.partial());
        doc.put("title", a.title());
        doc.put("text", a.text());
        // Thai, Lao, Khmer, Burmese and Chinese words, split by dictionary: the standard analyzer cannot.
        doc.put("segmented", Segmenter.segment(a.title() + "\n" + a.text()));
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
            tags.add(Map.of("topic", tag.topic(), "score", tag.score(), "evidence", evidence(tag.evidence())));
        }
        doc.put("topics", topics);
        doc.put("tags", tags);
        doc.put("countries", ids(event.enrichment().countries()));
        doc.put("organisations", ids(event.enrichment().organisations()));
        doc.put("entities", entities(event.enrichment()));
        doc.put("clusterId", event.enrichment().clusterId() != null ? event.enrichment().clusterId() : event.articleId());
        doc.put("firstInCluster", event.enrichment().clusterId() == null || event.enrichment().firstInCluster());
        doc.put("rulesVersion", event.enrichment().rulesVersion());
        doc.put("enrichedAt", event.enrichment().enrichedAt().toString());
        doc.put("indexedAt", indexedAt.toString());
        return doc;
    }

    private static List<String> ids(List<EntityTag> tags) {
        List<String> ids = new ArrayList<>();
        tags.forEach(t -> ids.add(t.id()));
        return ids;
    }

    /** Evidence of countries and organisations, stored for display and not indexed. */
    private static Map<String, Object> entities(Enrichment e) {
        return Map.of("countries", evidenceOf(e.countries()), "organisations", evidenceOf(e.organisations()));
    }

    private static List<Map<String, Object>> evidenceOf(List<EntityTag> tags) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (EntityTag t : tags) {
            out.add(Map.of("id", t.id(), "evidence", evidence(t.evidence())));
        }
        return out;
    }

    private static List<Map<String, Object>> evidence(List<Evidence> evidence) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence e : evidence) {
            out.add(Map.of("term", e.term(), "field", e.field(), "start", e.start(), "end", e.end()));
        }
        return out;
    }
}
