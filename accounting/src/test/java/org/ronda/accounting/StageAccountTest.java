package org.ronda.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The arithmetic of one stage's account. Real: everything; no engine. */
class StageAccountTest {

    @Test
    void everyArticleThatEnteredHasExactlyOneOutcome() {
        StageAccount a = StageAccount.of("enrich", "raw", "enriched", "enriched", Set.of("a", "b", "c", "d", "e"),
                Set.of("a", "b", "x-not-entered"), Map.of("c", "invalid-event", "d", "enrich-failed", "y-not-entered", "invalid-event"),
                10);
        assertThat(a.entered()).isEqualTo(5);
        assertThat(a.out()).isEqualTo(2);
        assertThat(a.deadLettered()).isEqualTo(2);
        assertThat(a.deadLetterReasons()).containsExactlyInAnyOrderEntriesOf(Map.of("invalid-event", 1L, "enrich-failed", 1L));
        assertThat(a.unaccounted()).containsExactly("e");
        assertThat(a.entered()).isEqualTo(a.out() + a.deadLettered() + a.unaccountedCount());
        assertThat(a.balanced()).isFalse();
    }

    @Test
    void anArticleDeadLetteredThenReplayedCountsAsOutAndRecovered() {
        StageAccount a = StageAccount.of("index", "enriched", "alias", "indexed", Set.of("a", "b"), Set.of("a", "b"),
                Map.of("b", "mapping-rejected"), 10);
        assertThat(a.out()).isEqualTo(2);
        assertThat(a.deadLettered()).isZero();
        assertThat(a.recovered()).isEqualTo(1);
        assertThat(a.balanced()).isTrue();
    }

    @Test
    void listingIsCappedButTheCountIsNot() {
        StageAccount a = StageAccount.of("enrich", "raw", "enriched", "enriched", Set.of("c", "a", "b"), Set.of(), Map.of(), 2);
        assertThat(a.unaccountedCount()).isEqualTo(3);
        assertThat(a.unaccounted()).containsExactly("a", "b");
    }

    @Test
    void nothingEnteredBalances() {
        StageAccount a = StageAccount.of("enrich", "raw", "enriched", "enriched", Set.of(), Set.of("z"), Map.of("z", "r"), 10);
        assertThat(a.balanced()).isTrue();
        assertThat(a.out()).isZero();
    }
}
