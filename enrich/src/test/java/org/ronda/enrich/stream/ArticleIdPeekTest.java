package org.ronda.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;

/** Pure logic: the article id read from the head of an event's JSON, never a nested one. */
class ArticleIdPeekTest {

    @Test
    void readsTheTopLevelArticleIdOfAnEncodedEnrichedEvent() {
        String url = "http://127.0.0.1:1/kl-daily/nation/peek";
        Instant t = Instant.parse("2026-10-02T01:00:00Z");
        RawArticle raw = new RawArticle(1, "raw-1", ArticleIds.of(url), t, url, "http://127.0.0.1:1/feed",
                new SourceRef("kl-daily", "KL Daily", "MY", "en", "media"), "Title", "Text.", null, t, "en", t,
                null, null, null, false, null);
        EnrichedArticle enriched = new EnrichedArticle(1, "enriched-1", raw.articleId(), t, raw,
                new Enrichment("rules-1", "en", java.util.List.of(), t, java.util.List.of(), java.util.List.of(), "c-x", true));

        assertThat(ArticleIdPeek.of(EventCodec.encode(enriched))).contains(raw.articleId());
    }

    @Test
    void aNestedArticleIdIsNotTheEventsOwn() {
        assertThat(ArticleIdPeek.of("{\"article\": {\"articleId\": \"inner\"}, \"articleId\": \"outer\"}")).contains("outer");
        assertThat(ArticleIdPeek.of("{\"article\": {\"articleId\": \"inner\"}}")).isEmpty();
    }

    @Test
    void somethingElseGivesNothing() {
        assertThat(ArticleIdPeek.of("{\"schemaVersion\": 1, \"title\": 42")).isEmpty();
        assertThat(ArticleIdPeek.of("not json")).isEmpty();
        assertThat(ArticleIdPeek.of("[\"articleId\"]")).isEmpty();
        assertThat(ArticleIdPeek.of("{\"articleId\": 7}")).isEmpty();
        assertThat(ArticleIdPeek.of(null)).isEmpty();
    }
}
