package org.ronda.index.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.segment.Segmenter;

/**
 * Thai and Chinese articles are found by their words through the pre-segmented field, with the
 * bundled template on the real Elasticsearch (no ICU or Thai plugin). Real: Elasticsearch. Faked: nothing.
 */
class SegmentedFieldIT {

    private static final String ELASTIC = "http://" + System.getProperty("it.elastic.hosts", "127.0.0.1:19200");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thaiAndChineseWordsFindTheirArticles() throws Exception {
        String alias = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-seg";
        send("PUT", "/_index_template/" + alias, IndexSetup.templateFor(alias));
        send("PUT", "/" + alias + "-000001", "{\"aliases\":{\"" + alias + "\":{\"is_write_index\":true}}}");
        index(alias, article("th", "ตำรวจจับแก๊งคอลเซ็นเตอร์", "ตำรวจไซเบอร์จับกุมแก๊งคอลเซ็นเตอร์ที่หลอกลวงผู้เสียหายหลายร้อยราย"));
        index(alias, article("zh", "警方破获电信诈骗集团", "警方在柔佛破获一个电信诈骗集团，逮捕二十人。"));
        index(alias, article("en", "Floods close roads", "Heavy rain closed roads in Kelantan."));
        send("POST", "/" + alias + "/_refresh", "");

        assertThat(hits(alias, "แก๊งคอลเซ็นเตอร์")).isEqualTo(1);
        assertThat(hits(alias, "诈骗集团")).isEqualTo(1);
        assertThat(hits(alias, "หลอกลวง")).isEqualTo(1);
        // The standard analyzer alone keeps a Thai run as one token, so a word inside it is not found there.
        JsonNode standard = send("POST", "/" + alias + "/_search",
                "{\"query\":{\"match_phrase\":{\"text\":\"หลอกลวง\"}}}");
        assertThat(standard.at("/hits/total/value").asInt()).isZero();
    }

    private int hits(String alias, String words) throws IOException, InterruptedException {
        String body = EventCodec.mapper().writeValueAsString(java.util.Map.of("query",
                java.util.Map.of("match_phrase", java.util.Map.of("segmented", Segmenter.segment(words)))));
        return send("POST", "/" + alias + "/_search", body).at("/hits/total/value").asInt();
    }

    private void index(String alias, EnrichedArticle e) throws IOException, InterruptedException {
        send("PUT", "/" + alias + "/_doc/" + e.articleId(),
                EventCodec.mapper().writeValueAsString(ArticleDocuments.toDocument(e, Instant.now())));
    }

    private JsonNode send(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ELASTIC + path))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isLessThan(300);
        return EventCodec.mapper().readTree(r.body());
    }

    private static EnrichedArticle article(String lang, String title, String text) {
        String url = "http://127.0.0.1:1/" + lang + "/" + UUID.randomUUID();
        Instant t = Instant.parse("2026-10-01T03:00:00Z");
        RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), t, url, "http://127.0.0.1:1/feed",
                new SourceRef("s-" + lang, "Outlet " + lang, "TH", lang, "media"), title, text, null, t, lang, t,
                null, null, null, false, null);
        return new EnrichedArticle(1, UUID.randomUUID().toString(), raw.articleId(), t, raw,
                new Enrichment("it", lang, List.of(), t, List.of(), List.of(), null, false));
    }
}
