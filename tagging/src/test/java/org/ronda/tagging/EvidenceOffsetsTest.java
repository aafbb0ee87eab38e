package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.TopicTag;

/** Evidence must point at the text that matched: {@code field.substring(start, end)} is the term. */
class EvidenceOffsetsTest {

    private static final TopicTagger TAGGER = new TopicTagger(RuleSet.loadDefault());

    @TempDir
    Path dir;

    static List<Fixture> positives() {
        return Fixture.positives();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void everyEvidenceOfTheBundledRulesPointsAtItsTerm(Fixture fixture) {
        List<TopicTag> tags = TAGGER.tag(fixture.title(), fixture.text(), fixture.language());

        assertThat(tags).isNotEmpty();
        for (TopicTag tag : tags) {
            for (Evidence evidence : tag.evidence()) {
                String field = "title".equals(evidence.field()) ? fixture.title() : fixture.text();
                String matched = field.substring(evidence.start(), evidence.end());
                // The term is the matched text folded: lower case, and hyphens or line breaks
                // between words written as one space.
                assertThat(folded(matched)).as(evidence + " in " + fixture.name()).isEqualTo(evidence.term());
            }
        }
    }

    @Test
    void plainMatchIsTheExactSubstringIgnoringCase() {
        String text = "Police SEIZED heroin worth RM2 million and arrested a Drug Trafficker.";

        for (TopicTag tag : TAGGER.tag("", text, "en")) {
            for (Evidence evidence : tag.evidence()) {
                assertThat(text.substring(evidence.start(), evidence.end())).isEqualToIgnoringCase(evidence.term());
                assertThat(evidence.field()).isEqualTo("text");
            }
        }
        assertThat(TAGGER.tag("", text, "en")).extracting(TopicTag::topic).contains("drugs");
    }

    @Test
    void offsetsCountUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en").language("en", "topic scam\nterm 3: scam\n").tagger();
        String text = "\uD83D\uDEA8\uD83D\uDEA8 New scam alert";

        Evidence evidence = tagger.tag("", text, "en").get(0).evidence().get(0);

        assertThat(evidence.start()).isEqualTo(text.indexOf("scam"));
        assertThat(text.substring(evidence.start(), evidence.end())).isEqualTo("scam");
    }

    @Test
    void offsetsIntoDecomposedTextCoverTheOriginalCharacters() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "vi").language("vi", "topic drugs\nterm 4: ma túy\n").tagger();
        String text = Normalizer.normalize("Công an thu giữ ma túy tại Hà Nội", Normalizer.Form.NFD);

        Evidence evidence = tagger.tag("", text, "vi").get(0).evidence().get(0);
        String matched = text.substring(evidence.start(), evidence.end());

        assertThat(matched.length()).as("NFD is longer than the term").isGreaterThan("ma túy".length());
        assertThat(Normalizer.normalize(matched, Normalizer.Form.NFC)).isEqualTo("ma túy");
        assertThat(evidence.term()).isEqualTo("ma túy");
    }

    @Test
    void titleEvidenceIsMarkedAsTitle() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en").language("en", "topic scam\nterm 3: scam\n").tagger();

        Evidence evidence = tagger.tag("Phone scam warning", "", "en").get(0).evidence().get(0);

        assertThat(evidence).isEqualTo(new Evidence("scam", "title", 6, 10));
    }

    private static String folded(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replaceAll("[\\s\\-\u2010\u2011]+", " ");
    }
}
