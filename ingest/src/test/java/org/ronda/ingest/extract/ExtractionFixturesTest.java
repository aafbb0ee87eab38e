package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pure logic: extraction from the fixture pages written in the shapes of the region's sites
 * (src/test/resources/extraction, see its README), scored on 4-token shingles against the body
 * text a reader would copy, and checked against the metadata a reader would state.
 */
class ExtractionFixturesTest {

    private static final double PAGE_F1 = 0.9;
    private static List<ExtractionFixture> fixtures;
    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(ExtractionBenchmark.FIXTURE_CLOCK, ZoneOffset.UTC));
    private final ShingleScorer scorer = new ShingleScorer();

    @BeforeAll
    static void load() {
        fixtures = ExtractionFixture.loadAll(ExtractionFixture.defaultDirectory());
    }

    @Test
    void theSetHasAtLeastFortyPagesInAtLeastSixLanguagesSomeGzipped() throws Exception {
        Map<String, Integer> languages = new TreeMap<>();
        fixtures.forEach(f -> languages.merge(f.language(), 1, Integer::sum));
        long gzipped;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(ExtractionFixture.defaultDirectory())) {
            gzipped = files.filter(p -> p.toString().endsWith(".html.gz")).count();
        }

        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(40);
        assertThat(languages.keySet()).as("languages %s", languages).hasSizeGreaterThanOrEqualTo(6)
                .contains("en", "ms", "id", "vi", "th", "tl");
        assertThat(gzipped).isGreaterThanOrEqualTo(3);
    }

    @TestFactory
    Stream<DynamicTest> everyPageYieldsItsBodyAndItsMetadata() {
        return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(fixture.name(), () -> {
            ExtractedArticle extracted = fixture.extractWith(extractor);
            ShingleScorer.Score score = scorer.score(extracted.text(), fixture.expected());

            assertThat(score.f1()).as("F1 of %s (P %.3f, R %.3f); extracted:%n%s", fixture.name(), score.precision(),
                    score.recall(), extracted.text()).isGreaterThanOrEqualTo(PAGE_F1);
            assertThat(fixture.metadataMismatches(extracted)).as("metadata of %s", fixture.name()).isEmpty();
            assertThat(extracted.text()).as("headline is not body text").doesNotStartWith(extracted.title());
        }));
    }

    @Test
    void overallF1IsAtLeastTheTarget() throws Exception {
        ShingleScorer.Score micro = new ShingleScorer.Score(0, 0, 0);
        double macro = 0;
        for (ExtractionFixture fixture : fixtures) {
            ShingleScorer.Score score = scorer.score(fixture.extractWith(extractor).text(), fixture.expected());
            micro = micro.plus(score);
            macro += score.f1();
        }
        macro /= fixtures.size();

        assertThat(micro.f1()).as("micro F1").isGreaterThanOrEqualTo(ExtractionBenchmark.F1_TARGET);
        assertThat(macro).as("macro F1").isGreaterThanOrEqualTo(ExtractionBenchmark.F1_TARGET);
    }

    @Test
    void paddingAPageWithBoilerplateDoesNotChangeWhatIsExtracted() throws Exception {
        for (ExtractionFixture fixture : fixtures.subList(0, 8)) {
            String page = new String(fixture.page(), java.nio.charset.StandardCharsets.UTF_8);
            String padded = PagePadding.pad(page, ExtractionBenchmark.PADDED_PAGE_BYTES, fixture.name());

            assertThat(padded.length()).isGreaterThan(page.length());
            assertThat(extractor.extract(padded, fixture.url()).text()).as(fixture.name())
                    .isEqualTo(extractor.extract(page, fixture.url()).text());
        }
    }
}
