package org.ronda.index.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.TopicTag;

/** Pure logic: the document matches the strict mapping of the bundled template. No engine. */
class ArticleDocumentsTest {

    @Test
    void everyDocumentFieldIsMappedAndEveryMappedFieldIsFilled() throws Exception {
        RawArticle raw = new RawArticle(1, "e1", "0123456789abcdef0123456789abcdef", Instant.EPOCH, "http://x.example/a",
                "http://x.example/feed", new SourceRef("s", "Outlet", "MY", "ms", "media"), "Tajuk", "Teks", "Penulis",
                Instant.parse("2026-10-01T00:00:00Z"), "ms", Instant.EPOCH, "http://x.example/a",
                Instant.parse("2026-10-01T02:00:00Z"), "http://x.example/a.jpg", false, "guid-1");
        EnrichedArticle event = new EnrichedArticle(1, "e2", raw.articleId(), Instant.EPOCH, raw, new Enrichment("v1", "ms",
                List.of(new TopicTag("scam", 2.5, List.of(new Evidence("penipuan", "text", 0, 8)))), Instant.EPOCH,
                List.of(new EntityTag("SG", List.of(new Evidence("singapura", "text", 10, 19)))),
                List.of(new EntityTag("pdrm", List.of(new Evidence("pdrm", "title", 0, 4)))), "c-1", true));

        Map<String, Object> doc = ArticleDocuments.toDocument(event, Instant.parse("2026-11-28T00:00:00.123456789Z"));

        JsonNode properties = EventCodec.mapper().readTree(IndexSetup.templateFor("ronda-articles"))
                .at("/template/mappings/properties");
        Set<String> mapped = new HashSet<>();
        properties.fieldNames().forEachRemaining(mapped::add);
        assertThat(doc.keySet()).isEqualTo(mapped);
        assertThat(doc.values()).doesNotContainNull();
        assertThat(doc.get("topics")).isEqualTo(List.of("scam"));
        assertThat(doc.get("indexedAt")).isEqualTo("2026-11-28T00:00:00.123456789Z");
    }

    @Test
    void templatePatternFollowsTheAlias() throws Exception {
        JsonNode template = EventCodec.mapper().readTree(IndexSetup.templateFor("it-x-articles"));

        assertThat(template.get("index_patterns").get(0).asText()).isEqualTo("it-x-articles-*");
        assertThat(template.at("/template/mappings/dynamic").asText()).isEqualTo("strict");
    }
}
