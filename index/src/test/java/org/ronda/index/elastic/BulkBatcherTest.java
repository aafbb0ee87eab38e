package org.ronda.index.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pure logic: how one poll's documents are cut into bulk requests. No engine. */
class BulkBatcherTest {

    @Test
    void fewSmallDocumentsGoInOneRequest() {
        List<PendingDocument> docs = docs(3, 100);

        assertThat(new BulkBatcher(500, 5_000_000).split(docs)).containsExactly(docs);
    }

    @Test
    void splitsByCountKeepingOrder() {
        List<PendingDocument> docs = docs(7, 10);

        List<List<PendingDocument>> batches = new BulkBatcher(3, 5_000_000).split(docs);

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(docs);
    }

    @Test
    void splitsByEstimatedBytes() {
        // Each document counts 800 + 200 bytes: three fit in 3,000, the fourth starts a new request.
        List<PendingDocument> docs = docs(5, 800);

        List<List<PendingDocument>> batches = new BulkBatcher(500, 3_000).split(docs);

        assertThat(batches).extracting(List::size).containsExactly(3, 2);
    }

    @Test
    void aDocumentLargerThanTheLimitTravelsAlone() {
        List<PendingDocument> docs = List.of(doc(0, 100), doc(1, 10_000), doc(2, 100));

        List<List<PendingDocument>> batches = new BulkBatcher(500, 1_000).split(docs);

        assertThat(batches).extracting(List::size).containsExactly(1, 1, 1);
        assertThat(batches.get(1)).containsExactly(docs.get(1));
    }

    @Test
    void nothingToSendGivesNoRequest() {
        assertThat(new BulkBatcher(500, 1_000).split(List.of())).isEmpty();
    }

    @Test
    void countsThaiAndEmojiAsTheyAreSent() {
        String thai = "ตำรวจยึดยาบ้า";
        String emoji = "drugs \uD83D\uDC8A";

        assertThat(BulkBatcher.utf8Length(thai)).isEqualTo(thai.getBytes(StandardCharsets.UTF_8).length);
        assertThat(BulkBatcher.utf8Length(emoji)).isEqualTo(emoji.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void limitsMustBePositiveAndTheMessageNamesTheSetting() {
        assertThatThrownBy(() -> new BulkBatcher(0, 1)).hasMessageContaining("ronda.index.bulk-max-docs");
        assertThatThrownBy(() -> new BulkBatcher(1, 0)).hasMessageContaining("ronda.index.bulk-max-bytes");
    }

    private static List<PendingDocument> docs(int n, int payloadChars) {
        List<PendingDocument> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(doc(i, payloadChars));
        }
        return out;
    }

    private static PendingDocument doc(int offset, int payloadChars) {
        return new PendingDocument("it.articles.enriched", 0, offset, "article-" + offset, 1L, "x".repeat(payloadChars),
                Map.of("articleId", "article-" + offset));
    }
}
