package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Pure logic: the measure that the fixture test and the benchmark use. */
class ShingleScorerTest {

    private final ShingleScorer scorer = new ShingleScorer();

    @Test
    void identicalTextsScoreOneWhateverTheirCaseAndPunctuation() {
        ShingleScorer.Score score = scorer.score("Police seized 40 kg of meth, officials said.", "police seized 40 KG of meth officials said");

        assertThat(score.f1()).isEqualTo(1.0);
    }

    @Test
    void extraTextLowersPrecisionAndMissingTextLowersRecall() {
        String body = "one two three four five six seven eight";
        ShingleScorer.Score withJunk = scorer.score(body + " related articles more junk here", body);
        ShingleScorer.Score truncated = scorer.score("one two three four five", body);

        assertThat(withJunk.recall()).isEqualTo(1.0);
        assertThat(withJunk.precision()).isLessThan(1.0);
        assertThat(truncated.precision()).isEqualTo(1.0);
        assertThat(truncated.recall()).isCloseTo(2.0 / 5, within(1e-9));
    }

    @Test
    void textsWithoutSpacesAreCutIntoWordsOrCharacters() {
        assertThat(scorer.tokens("ตำรวจยึดยาบ้า")).hasSizeGreaterThan(1);
        assertThat(scorer.tokens("警方捣破诈骗集团")).hasSizeGreaterThan(1);
        assertThat(scorer.score("ตำรวจยึดยาบ้า 2 ล้านเม็ด", "ตำรวจยึดยาบ้า 2 ล้านเม็ด").f1()).isEqualTo(1.0);
        assertThat(scorer.segmentation()).containsAnyOf("ICU4J word breaking", "character 4-grams");
    }

    @Test
    void twoEmptyTextsAgreeAndAnEmptyExtractionScoresZero() {
        assertThat(scorer.score("", "").f1()).isEqualTo(1.0);
        assertThat(scorer.score("", "some expected body text here").f1()).isEqualTo(0.0);
    }
}
