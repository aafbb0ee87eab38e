package org.ronda.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Taxonomy;

/** The bundled corpus keeps the product's promises; bad data is reported with file and entry. Real: everything. */
class SampleCorpusTest {

    private static SampleCorpus bundled;

    @BeforeAll
    static void loadBundledCorpus() {
        bundled = SampleCorpus.load();
    }

    @Test
    void bundledCorpusHasAtLeastEightOutletsFromFiveCountries() {
        assertThat(bundled.outlets()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(bundled.outlets().stream().map(Outlet::country).distinct()).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void bundledCorpusHasAtLeastEightyArticlesInFourLanguages() {
        assertThat(bundled.articles()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(bundled.articles().stream().map(SampleArticle::lang).distinct()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void everyOutletHasArticlesAndBothFeedFormatsAreUsed() {
        assertThat(bundled.outlets()).allSatisfy(outlet -> assertThat(bundled.articlesOf(outlet)).isNotEmpty());
        assertThat(bundled.outlets().stream().map(Outlet::feedFormat).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(FeedFormat.values());
        assertThat(bundled.outlets().stream().map(Outlet::style).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(PageStyle.values());
    }

    @Test
    void everyTopicOfTheTaxonomyIsLabelledAtLeastOnce() {
        Set<String> labelled = bundled.articles().stream().flatMap(a -> a.topics().stream()).collect(Collectors.toSet());

        assertThat(labelled).containsExactlyInAnyOrderElementsOf(Taxonomy.TOPIC_IDS);
    }

    @Test
    void atLeastThirtyPercentOfArticlesAreUnrelatedToCrime() {
        long withoutTopic = bundled.articles().stream().filter(a -> a.topics().isEmpty()).count();

        assertThat(withoutTopic * 100).isGreaterThanOrEqualTo(30L * bundled.articles().size());
    }

    @Test
    void publicationDatesSpanAtLeastFourWeeks() {
        List<Instant> instants = bundled.articles().stream().map(a -> a.published().toInstant()).toList();
        Instant first = instants.stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = instants.stream().max(Comparator.naturalOrder()).orElseThrow();

        assertThat(Duration.between(first, last)).isGreaterThanOrEqualTo(Duration.ofDays(28));
    }

    @Test
    void taxonomyHasTheElevenTopicIdsOfTheSpecification() {
        assertThat(Taxonomy.TOPIC_IDS).containsExactly("scam", "drugs", "human-trafficking", "migrant-smuggling",
                "money-laundering", "cybercrime", "terrorism", "arms-smuggling", "maritime-piracy",
                "wildlife-trafficking", "economic-crime");
    }

    @Test
    void outletFieldsAreReadAsWritten() {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");

        assertThat(corpus.outlet("test-wire")).contains(new Outlet("test-wire", "Test Wire", "TH", "en",
                FeedFormat.ATOM, PageStyle.WIRE, ZoneId.of("Asia/Bangkok")));
        assertThat(corpus.outlet("no-such-outlet")).isEmpty();
    }

    @Test
    void articlePathCarriesThePublicationDateInTheOutletsTimeZone() {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");
        // Published 2026-10-05T23:30Z, which is already 6 October in Kuala Lumpur (UTC+8).
        SampleArticle lateNight = corpus.articleAt("/test-gazette/crime/2026/10/06/late-night-raid").orElseThrow();

        assertThat(lateNight.slug()).isEqualTo("late-night-raid");
        assertThat(corpus.pathOf(lateNight)).isEqualTo("/test-gazette/crime/2026/10/06/late-night-raid");
        assertThat(corpus.articleAt("/test-gazette/crime/2026/10/05/late-night-raid")).isEmpty();
    }

    @Test
    void articlesOfAnOutletAreNewestFirst() {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");
        Outlet gazette = corpus.outlet("test-gazette").orElseThrow();

        assertThat(corpus.articlesOf(gazette)).extracting(SampleArticle::slug)
                .containsExactly("late-night-raid", "script-in-headline", "budget-day", "rain-warning");
        assertThat(corpus.indexOf(corpus.articlesOf(gazette).get(2))).isEqualTo(2);
    }

    @Test
    void nullAuthorMeansAgencyOrStaffCopy() {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");

        assertThat(corpus.articleAt("/test-wire/world/2026/10/10/port-seizure").orElseThrow().author()).isNull();
    }

    @Test
    void everyDefectIsReportedWithItsFileAndEntry() {
        CorpusException error = catchThrowableOfType(CorpusException.class,
                () -> SampleCorpus.load("/corpus-with-defects"));

        assertThat(error.problems()).extracting(CorpusProblem::file, CorpusProblem::item).containsExactlyInAnyOrder(
                tuple("corpus-with-defects/outlets.json", "outlet 'odd-format'"),
                tuple("corpus-with-defects/articles/good-news.json", "article 'fine-story'"),
                tuple("corpus-with-defects/articles/good-news.json", "article 'made-up-topic'"),
                tuple("corpus-with-defects/articles/good-news.json", "article 'too-short'"),
                tuple("corpus-with-defects/articles/good-news.json", "article 'too-early'"),
                tuple("corpus-with-defects/articles/good-news.json", "article 'no-offset'"),
                tuple("corpus-with-defects/articles/good-news.json", "article 'misspelt-field'"));
        assertThat(error.getMessage())
                .contains("corpus-with-defects/outlets.json, outlet 'odd-format': feedFormat must be rss or atom, got 'rdf'")
                .contains("article 'fine-story': slug is used by an earlier article")
                .contains("article 'made-up-topic': unknown topic 'smuggling'")
                .contains("article 'too-short': must have 3 to 7 paragraphs, has 2")
                .contains("article 'too-early': published must be between 2026-09-15 and 2026-11-20")
                .contains("article 'no-offset': published must be ISO 8601 with an offset")
                .contains("article 'misspelt-field': unknown field 'autor'");
    }

    @Test
    void missingArticlesFileIsReportedByName() {
        assertThatThrownBy(() -> SampleCorpus.load("/corpus-with-missing-articles-file"))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("corpus-with-missing-articles-file/articles/lonely-post.json: not found on the classpath");
    }

    @Test
    void missingCorpusFolderIsReportedByName() {
        assertThatThrownBy(() -> SampleCorpus.load("/no-such-corpus"))
                .isInstanceOf(CorpusException.class)
                .hasMessageContaining("no-such-corpus/outlets.json: not found on the classpath");
    }
}
