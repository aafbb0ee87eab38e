package org.ronda.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden-file round trips: an incompatible change to an event record fails here. Pure logic, no broker. */
class EventContractTest {

    @Test
    void rawArticleGoldenFileRoundTrips() throws IOException {
        String golden = read("/golden/raw-article-v1.json");

        RawArticle raw = EventCodec.decodeRaw(golden);

        assertThat(raw.source().country()).isEqualTo("MY");
        assertThat(raw.publishedAt()).isEqualTo(Instant.parse("2026-10-05T01:30:00Z"));
        assertThat(tree(EventCodec.encode(raw))).isEqualTo(tree(golden));
    }

    @Test
    void enrichedArticleGoldenFileRoundTrips() throws IOException {
        String golden = read("/golden/enriched-article-v1.json");

        EnrichedArticle enriched = EventCodec.decodeEnriched(golden);

        TopicTag scam = enriched.enrichment().topics().get(0);
        assertThat(scam.topic()).isEqualTo("scam");
        assertThat(scam.evidence()).extracting(Evidence::term).containsExactly("scam", "scam syndicate");
        assertThat(tree(EventCodec.encode(enriched))).isEqualTo(tree(golden));
    }

    @Test
    void deadLetterGoldenFileRoundTrips() throws IOException {
        String golden = read("/golden/dead-letter-v1.json");

        DeadLetter dead = EventCodec.decodeDeadLetter(golden);

        assertThat(dead.sourceOffset()).isEqualTo(1841L);
        assertThat(tree(EventCodec.encode(dead))).isEqualTo(tree(golden));
    }

    @Test
    void evidenceOffsetsInGoldenFilePointAtTheTerm() throws IOException {
        EnrichedArticle enriched = EventCodec.decodeEnriched(read("/golden/enriched-article-v1.json"));
        List<Evidence> all = new java.util.ArrayList<>(enriched.enrichment().topics().get(0).evidence());
        enriched.enrichment().countries().forEach(c -> all.addAll(c.evidence()));
        enriched.enrichment().organisations().forEach(o -> all.addAll(o.evidence()));
        assertThat(all).hasSize(4);
        for (Evidence e : all) {
            String field = e.field().equals("title") ? enriched.article().title() : enriched.article().text();
            assertThat(field.substring(e.start(), e.end())).isEqualToIgnoringCase(e.term());
        }
    }

    @Test
    void anEventWrittenBeforeTheOptionalFieldsExistedStillDecodes() throws IOException {
        RawArticle old = EventCodec.decodeRaw(read("/golden/raw-article-v1-before-extensions.json"));

        assertThat(old.canonicalUrl()).isNull();
        assertThat(old.partial()).isFalse();
        assertThat(old.title()).isEqualTo(EventCodec.decodeRaw(read("/golden/raw-article-v1.json")).title());
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() throws IOException {
        String golden = read("/golden/raw-article-v1.json");
        String extended = golden.replaceFirst("\\{", "{ \"futureField\" : [1, 2],");

        assertThat(EventCodec.decodeRaw(extended)).isEqualTo(EventCodec.decodeRaw(golden));
    }

    @Test
    void aNewerSchemaVersionIsRefusedWithTheReason() throws IOException {
        String newer = read("/golden/raw-article-v1.json").replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\": 2");

        assertThatThrownBy(() -> EventCodec.decodeRaw(newer))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("schemaVersion 2 is not supported");
    }

    @Test
    void brokenJsonIsAnInvalidEventNotACrash() {
        assertThatThrownBy(() -> EventCodec.decodeRaw("{\"schemaVersion\": 1, \"title\": "))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("not a RawArticle");
        assertThatThrownBy(() -> EventCodec.decodeEnriched(""))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aTagWithoutEvidenceOrWithAnUnknownTopicIsRefused() {
        assertThatThrownBy(() -> new TopicTag("scam", 1.0, List.of()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no evidence");
        assertThatThrownBy(() -> new TopicTag("jaywalking", 1.0, List.of(new Evidence("x", "title", 0, 1))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("unknown topic id jaywalking");
    }

    @Test
    void enrichedArticleMustNameTheSameArticle() throws IOException {
        EnrichedArticle enriched = EventCodec.decodeEnriched(read("/golden/enriched-article-v1.json"));

        assertThatThrownBy(() -> new EnrichedArticle(1, "e", "0123456789abcdef0123456789abcdef", Instant.now(),
                        enriched.article(), enriched.enrichment()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("differs");
    }

    private static JsonNode tree(String json) throws IOException {
        return EventCodec.mapper().readTree(json);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
