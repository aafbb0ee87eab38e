package org.ronda.alerts.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronda.alerts.TestArticles.article;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.TopicTag;

/** Story decisions and the alert JSON, in memory. */
class StoryBookTest {

    private static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    private static Alert decide(StoryBook book, String sub, EnrichedArticle a) {
        return book.decide(sub, a, AlertArticles.of(a, null), NOW).map(StoryBook.Outcome::alert).orElse(null);
    }

    @Test
    void firstCopyAlertsLaterCopiesUpdateAndRepeatsAlertNothing() {
        StoryBook book = new StoryBook();
        EnrichedArticle first = article("Raid in Mae Sot", "Police freed workers.").outlet("A", "TH").cluster("c1", true).build();
        EnrichedArticle copy = article("Mae Sot raid", "Police freed workers.").outlet("B", "KH").cluster("c1", false).build();
        EnrichedArticle sameOutlet = article("Mae Sot raid, update", "Police freed more workers.").outlet("B", "KH").cluster("c1", false).build();

        Alert a1 = decide(book, "s1", first);
        assertThat(a1.kind()).isEqualTo(Alert.Kind.NEW);
        assertThat(a1.revision()).isEqualTo(1);
        assertThat(a1.alertId()).isEqualTo("s1/c1");
        assertThat(decide(book, "s2", first).kind()).isEqualTo(Alert.Kind.NEW);
        Alert a2 = decide(book, "s1", copy);
        assertThat(a2.kind()).isEqualTo(Alert.Kind.UPDATED);
        assertThat(a2.revision()).isEqualTo(2);
        assertThat(a2.storyOutlets()).isEqualTo(2);
        assertThat(decide(book, "s1", copy)).as("the same article again").isNull();
        Alert a3 = decide(book, "s1", sameOutlet);
        assertThat(a3.storyArticles()).isEqualTo(3);
        assertThat(a3.storyOutlets()).isEqualTo(2);
    }

    @Test
    void abortForgetsStagedDecisionsAndCommitKeepsThem() {
        StoryBook book = new StoryBook();
        EnrichedArticle first = article("Raid", "Police.").cluster("c1", true).build();
        decide(book, "s1", first);
        book.abort();
        assertThat(decide(book, "s1", first).revision()).as("decided again after the abort").isEqualTo(1);
        book.commit();
        assertThat(decide(book, "s1", first)).isNull();
        assertThat(book.size()).isEqualTo(1);
    }

    @Test
    void restoredRecordsCountAsAlreadyTold() {
        StoryBook book = new StoryBook();
        EnrichedArticle first = article("Raid", "Police.").cluster("c9", true).build();
        book.restore(new StoryRecord("s1/c9", "s1", "c9", 1, 1, List.of(first.articleId()), List.of("The Test Post")));
        assertThat(decide(book, "s1", first)).isNull();
        EnrichedArticle copy = article("Raid again", "Police.").outlet("Other", "MY").cluster("c9", false).build();
        Alert update = decide(book, "s1", copy);
        assertThat(update.revision()).isEqualTo(2);
        assertThat(update.storyOutlets()).isEqualTo(2);
    }

    @Test
    void aRecordMadeOfManyDecisionsCountsEachPairOnceAcrossCommits() {
        StoryBook book = new StoryBook();
        EnrichedArticle first = article("Raid", "Police.").cluster("c1", true).build();
        EnrichedArticle copy = article("Raid, copy", "Police.").outlet("Other", "MY").cluster("c1", false).build();
        for (int i = 0; i < 300; i++) {
            assertThat(decide(book, "s" + i, first).revision()).isEqualTo(1);
        }
        book.commit();
        for (int i = 0; i < 300; i += 2) {
            assertThat(decide(book, "s" + i, copy).revision()).isEqualTo(2);
        }
        book.commit();

        assertThat(book.size()).as("pairs of subscription and story").isEqualTo(300);
        assertThat(decide(book, "s0", first)).isNull();
        assertThat(decide(book, "s2", copy)).isNull();
        assertThat(decide(book, "s1", copy).revision()).isEqualTo(2);
    }

    @Test
    void storyArticleRecordsRestoreTheBookInAnyOrderBesideFormerPerPairRecords() throws Exception {
        StoryBook told = new StoryBook();
        EnrichedArticle first = article("Raid", "Police.").outlet("A", "TH").cluster("c1", true).build();
        EnrichedArticle copy = article("Raid, copy", "Police.").outlet("B", "KH").cluster("c1", false).build();
        List<StoryArticle> written = new ArrayList<>();
        for (EnrichedArticle a : List.of(first, copy)) {
            List<StoryArticle.Decision> counted = new ArrayList<>();
            for (String sub : List.of("s1", "s2")) {
                Alert alert = decide(told, sub, a);
                counted.add(new StoryArticle.Decision(sub, alert.revision(), alert.storyArticles()));
            }
            told.commit();
            written.addAll(StoryArticle.split("c1", a.articleId(), a.article().source().outlet(), counted));
        }
        for (StoryArticle r : written) {
            assertThat(EventCodec.mapper().readTree(r.json())).isEqualTo(EventCodec.mapper().readTree(EventCodec.encode(r)));
        }

        StoryBook restored = new StoryBook();
        restored.restore(EventCodec.mapper().readValue(written.get(1).json(), StoryArticle.class));
        restored.restore(new StoryRecord("s3/c1", "s3", "c1", 1, 1, List.of(first.articleId()), List.of("A")));
        restored.restore(EventCodec.mapper().readValue(written.get(0).json(), StoryArticle.class));

        assertThat(restored.size()).isEqualTo(3);
        assertThat(decide(restored, "s1", first)).isNull();
        assertThat(decide(restored, "s2", copy)).isNull();
        EnrichedArticle third = article("Raid, third copy", "Police.").outlet("C", "MY").cluster("c1", false).build();
        Alert s1 = decide(restored, "s1", third);
        assertThat(s1.revision()).isEqualTo(3);
        assertThat(s1.storyArticles()).isEqualTo(3);
        assertThat(s1.storyOutlets()).isEqualTo(3);
        assertThat(decide(restored, "s3", copy).revision()).as("a pair of the former format").isEqualTo(2);
    }

    @Test
    void manyDecisionsAreSplitIntoStoryArticleRecordsWithDistinctKeys() {
        List<StoryArticle.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < StoryArticle.MAX_DECISIONS + 5; i++) {
            decisions.add(new StoryArticle.Decision("s" + i, 1, 1));
        }

        List<StoryArticle> parts = StoryArticle.split("c1", "a1", "A", decisions);

        assertThat(parts).extracting(p -> p.decisions().size()).containsExactly(StoryArticle.MAX_DECISIONS, 5);
        assertThat(parts.get(0).key()).isNotEqualTo(parts.get(1).key()).startsWith("c1/a1/");
    }

    @Test
    void alertJsonIsWhatTheCodecWritesAndEvidenceIsCapped() throws Exception {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            evidence.add(new Evidence("scam", "text", i * 10, i * 10 + 4));
        }
        EnrichedArticle a = article("Scam \"centre\" raided", "Line one.\nLine two with ünïcödé.").cluster("c1", true).build();
        EnrichedArticle many = new EnrichedArticle(a.schemaVersion(), a.eventId(), a.articleId(), a.emittedAt(), a.article(),
                new org.ronda.contracts.Enrichment("r", "en", List.of(new TopicTag("scam", 0.9, evidence)), a.enrichment().enrichedAt(),
                        List.of(), List.of(), "c1", true));
        Alert.AlertArticle view = AlertArticles.of(many, null);
        assertThat(view.topics().get(0).evidence()).hasSize(AlertArticles.EVIDENCE_PER_TOPIC);
        Alert alert = new StoryBook().decide("s1", many, view, NOW).orElseThrow().alert();
        String fast = new AlertJson(view).encode(alert);
        JsonNode expected = EventCodec.mapper().readTree(EventCodec.encode(alert));
        assertThat(EventCodec.mapper().readTree(fast)).isEqualTo(expected);
        assertThat(EventCodec.decodeAlert(fast)).isEqualTo(alert);
    }
}
