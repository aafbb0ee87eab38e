package org.ronda.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The source list shipped in the jar ({@code sources/asean-sources.tsv}) is parsed and validated
 * only: these machines have no internet and nothing here fetches its addresses.
 */
class AseanSourceListTest {

    private static final Set<String> ASEAN = Set.of("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN", "TL");

    private static SourceListReader.Result result;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = AseanSourceListTest.class.getResourceAsStream("/sources/asean-sources.tsv")) {
            assertThat(in).as("sources/asean-sources.tsv on the classpath").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            result = new SourceListReader().parse(lines, "asean-sources.tsv");
        }
    }

    @Test
    void parsesWithoutAProblem() {
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void coversEveryAseanMemberWithAtLeastFortyMediaOutlets() {
        List<Source> media = result.sources().stream().filter(s -> !s.official()).toList();

        assertThat(media).hasSizeGreaterThanOrEqualTo(40);
        assertThat(media.stream().map(Source::country).collect(Collectors.toSet())).isEqualTo(ASEAN);
        assertThat(result.sources()).allSatisfy(s -> assertThat(ASEAN).contains(s.country()));
    }

    @Test
    void hasAtLeastFiveOfficialSources() {
        assertThat(result.sources().stream().filter(Source::official).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void mixesEnglishWithTheRegionsOwnLanguages() {
        Set<String> languages = result.sources().stream().flatMap(s -> s.languages().stream()).collect(Collectors.toSet());

        assertThat(languages).contains("en", "ms", "id", "th", "vi", "km", "lo", "my", "fil", "tet", "zh", "ta");
    }

    @Test
    void everyAddressIsHttpsOnARealHost() {
        List<URI> addresses = result.sources().stream()
                .flatMap(s -> Stream.of(s.feeds().stream(), s.sitemaps().stream(), s.homepageUrl().stream()).flatMap(a -> a))
                .toList();

        assertThat(addresses).allSatisfy(uri -> {
            assertThat(uri.getScheme()).isEqualTo("https");
            assertThat(uri.getHost()).contains(".").doesNotStartWith("127.").isNotEqualTo("localhost");
        });
    }

    @Test
    void everySourceWithoutAFeedHasAHomepageToDiscoverOneFrom() {
        assertThat(result.sources()).filteredOn(s -> s.feeds().isEmpty() && s.sitemaps().isEmpty())
                .allSatisfy(s -> assertThat(s.homepageUrl()).isPresent());
    }
}
