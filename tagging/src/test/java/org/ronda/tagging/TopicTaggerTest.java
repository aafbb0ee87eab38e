package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.contracts.TopicTag;

/**
 * How the tagger scores and matches, on small rule sets written for each test, so that a change of
 * vocabulary in the bundled rules cannot break these and a change of engine cannot hide behind it.
 */
class TopicTaggerTest {

    @TempDir
    Path dir;

    @Test
    void termInTheTitleCountsMoreThanTheSameTermInTheBody() {
        TopicTagger tagger = RuleFiles.in(dir, 6, "en").language("en", "topic drugs\nterm 4: syabu\n").tagger();

        assertThat(tagger.tag("Police seize syabu", "Three men were held.", "en")).extracting(TopicTag::topic)
                .containsExactly("drugs");
        assertThat(tagger.tag("Three men held", "Police seized syabu.", "en")).isEmpty();
    }

    @Test
    void repeatedTermDecaysSoOnePassingWordDoesNotAddUpToATag() {
        TopicTagger tagger = RuleFiles.in(dir, 8, "en").language("en", "topic drugs\nterm 4: syabu\n").tagger();

        // 4 + 2 + 1 = 7 with decay 0.5 and cap 3; the fourth and fifth occurrences add nothing
        String body = "syabu syabu syabu syabu syabu";
        assertThat(tagger.tag("", body, "en")).isEmpty();
        assertThat(tagger.evaluate("", body)).singleElement().satisfies(o -> assertThat(o.score()).isEqualTo(7.0));
    }

    @Test
    void minTermsAndAnchorAreRequired() {
        TopicTagger tagger = RuleFiles.in(dir, 5, 2, "en")
                .language("en", "topic drugs\nterm 4: syabu\nterm 2: police, raid, seized\n")
                .tagger();

        assertThat(tagger.tag("Syabu", "", "en")).as("one distinct term, 8 points").isEmpty();
        assertThat(tagger.tag("Police raid", "Officers seized goods in the raid by police.", "en"))
                .as("context words only, no anchor").isEmpty();
        assertThat(tagger.tag("Police find syabu", "", "en")).extracting(TopicTag::topic).containsExactly("drugs");
    }

    @Test
    void matchingIgnoresCaseAndRespectsWordBoundaries() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en").language("en", "topic scam\nterm 3: scam, scammer*\n").tagger();

        assertThat(tagger.tag("", "A SCAM was reported", "en")).hasSize(1);
        assertThat(tagger.tag("", "Two Scammers arrested", "en")).singleElement()
                .satisfies(tag -> assertThat(tag.evidence()).singleElement()
                        .satisfies(e -> assertThat(e.term()).isEqualTo("scammers")));
        assertThat(tagger.tag("", "Scampi and scamper are not crimes", "en")).isEmpty();
    }

    @Test
    void leadingWildcardMatchesAffixedForms() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "ms").language("ms", "topic economic-crime\nterm 3: *eludup*\n").tagger();

        assertThat(tagger.tag("", "Rokok diseludup melalui jeti", "ms")).singleElement()
                .satisfies(tag -> assertThat(tag.evidence().get(0).term()).isEqualTo("diseludup"));
        assertThat(tagger.tag("", "Penyeludupan rokok", "ms")).singleElement()
                .satisfies(tag -> assertThat(tag.evidence().get(0).term()).isEqualTo("penyeludupan"));
    }

    @Test
    void multiWordTermsMatchAcrossLineBreaksAndHyphens() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en").language("en", "topic money-laundering\nterm 4: money laundering\n").tagger();

        assertThat(tagger.tag("", "charged with money\nlaundering", "en")).hasSize(1);
        assertThat(tagger.tag("", "anti-money-laundering rules", "en")).hasSize(1);
        assertThat(tagger.tag("", "money  laundering", "en")).hasSize(1);
    }

    @Test
    void thaiTermsMatchWithoutSpaces() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "th").language("th", "topic drugs\nterm 4: ยาบ้า\n").tagger();

        assertThat(tagger.tag("ตำรวจยึดยาบ้า2ล้านเม็ด", "", "th")).singleElement()
                .satisfies(tag -> assertThat(tag.evidence()).singleElement()
                        .satisfies(e -> assertThat(e.start()).isEqualTo(8)));
    }

    @Test
    void englishTermNextToThaiTextStillMatches() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en").language("en", "topic scam\nterm 3: scam\n").tagger();

        assertThat(tagger.tag("", "แก๊งscamถูกจับ", "th")).hasSize(1);
    }

    @Test
    void vietnameseMatchesWhetherTextIsComposedOrDecomposed() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "vi").language("vi", "topic drugs\nterm 4: ma túy\n").tagger();
        String composed = "Bắt giữ đường dây ma túy";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);

        assertThat(tagger.tag("", composed, "vi")).hasSize(1);
        assertThat(tagger.tag("", decomposed, "vi")).hasSize(1);
    }

    @Test
    void everyLanguageAppliesWhateverTheHint() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en", "ms")
                .language("en", "topic drugs\nterm 3: heroin\n")
                .language("ms", "topic drugs\nterm 3: dadah\n")
                .tagger();

        assertThat(tagger.tag("", "Polis rampas dadah", "en")).hasSize(1);
        assertThat(tagger.tag("", "Police seize heroin", "ms")).hasSize(1);
        assertThat(tagger.tag("", "Police seize heroin", null)).hasSize(1);
    }

    @Test
    void sameTermListedByTwoLanguagesCountsOnce() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en", "ms")
                .language("en", "topic scam\nterm 3: scam\n")
                .language("ms", "topic scam\nterm 3: scam\n")
                .tagger();

        assertThat(tagger.tag("", "scam", "ms")).singleElement()
                .satisfies(tag -> assertThat(tag.score()).isEqualTo(3.0));
    }

    @Test
    void longestMatchWinsInsideATopic() {
        TopicTagger tagger = RuleFiles.in(dir, 1, "en")
                .language("en", "topic drugs\nterm 1: drug\nterm 4: drug trafficking\n")
                .tagger();

        assertThat(tagger.tag("", "drug trafficking", "en")).singleElement().satisfies(tag -> {
            assertThat(tag.score()).isEqualTo(4.0);
            assertThat(tag.evidence()).extracting(e -> e.term()).containsExactly("drug trafficking");
        });
    }

    @Test
    void maskCancelsFalseFriends() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en")
                .language("en", "topic maritime-piracy\nterm 4: piracy\nmask: film piracy\n")
                .tagger();

        assertThat(tagger.tag("", "Film piracy costs studios millions", "en")).isEmpty();
        assertThat(tagger.tag("", "Piracy in the strait is rising", "en")).hasSize(1);
    }

    @Test
    void negativeTermLowersTheScore() {
        TopicTagger tagger = RuleFiles.in(dir, 4, "en")
                .language("en", "topic arms-smuggling\nterm 3: weapons\nterm -3: procurement\n")
                .tagger();

        assertThat(tagger.tag("Weapons", "", "en")).hasSize(1);
        assertThat(tagger.tag("Weapons procurement", "", "en")).isEmpty();
    }

    @Test
    void coOccurrenceNeedsBothSidesWithinTheWindow() {
        TopicTagger tagger = RuleFiles.in(dir, 4, "en")
                .language("en", "topic drugs\nnear 4 within 3: seized | heroin, syabu\n")
                .tagger();

        assertThat(tagger.tag("", "Police seized 3kg of heroin", "en")).singleElement()
                .satisfies(tag -> assertThat(tag.evidence()).extracting(e -> e.term()).containsExactly("seized", "heroin"));
        assertThat(tagger.tag("", "Police seized a car, a phone, two watches and some heroin", "en")).isEmpty();
        assertThat(tagger.tag("", "Police seized a car", "en")).isEmpty();
    }

    @Test
    void tagsAreSortedByScoreDescending() {
        TopicTagger tagger = RuleFiles.in(dir, 3, "en")
                .language("en", "topic scam\nterm 3: scam\ntopic money-laundering\nterm 3: laundering\n")
                .tagger();

        assertThat(tagger.tag("Laundering", "scam", "en")).extracting(TopicTag::topic)
                .containsExactly("money-laundering", "scam");
    }

    @Test
    void emptyAndNullFieldsGiveNoTags() {
        TopicTagger tagger = new TopicTagger(RuleSet.loadDefault());

        assertThat(tagger.tag(null, null, null)).isEmpty();
        assertThat(tagger.tag("", "", "en")).isEmpty();
        assertThat(tagger.rulesVersion()).isEqualTo(RuleSet.loadDefault().version());
    }

    @Test
    void oneTaggerServesManyThreads() throws Exception {
        TopicTagger tagger = new TopicTagger(RuleSet.loadDefault());
        List<Fixture> fixtures = Fixture.positives();
        List<List<TopicTag>> expected = fixtures.stream().map(f -> tagger.tag(f.title(), f.text(), f.language())).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<TopicTag>>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> fixtures.stream().map(f -> tagger.tag(f.title(), f.text(), f.language())).toList()));
            }
            for (Future<List<List<TopicTag>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
