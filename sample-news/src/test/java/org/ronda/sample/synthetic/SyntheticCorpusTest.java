package org.ronda.sample.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;

/** The generator on the real bundled sample; the server on a free port of 127.0.0.1. Faked: nothing. */
class SyntheticCorpusTest {

    private static final SampleCorpus SAMPLE = SampleCorpus.load();
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-28T06:00:00Z");

    @Test
    void keepsTheLanguageAndTopicMixOfTheSampleWithUniqueUrls() {
        SyntheticCorpus synthetic = SyntheticCorpus.generate(SAMPLE, 900, 90, NOW, 1);

        assertThat(synthetic.archive()).hasSize(900);
        assertThat(synthetic.live()).hasSize(90);
        Set<String> paths = new HashSet<>();
        synthetic.corpus().articles().forEach(a -> assertThat(paths.add(synthetic.corpus().pathOf(a))).isTrue());
        // Copies take the language and labels of their original, so the shares move by a point or two.
        Map<String, Long> languages = share(synthetic.archive(), SampleArticle::lang);
        share(SAMPLE.articles(), SampleArticle::lang).forEach((lang, pct) -> assertThat(languages.get(lang)).as(lang).isBetween(pct - 2, pct + 2));
        long untagged = share(synthetic.archive(), a -> a.topics().isEmpty()).get(true);
        assertThat(untagged).isBetween(share(SAMPLE.articles(), a -> a.topics().isEmpty()).get(true) - 3, share(SAMPLE.articles(), a -> a.topics().isEmpty()).get(true) + 3);
    }

    @Test
    void variesTheBodiesButKeepsSomeVerbatimCopiesAcrossOutlets() {
        SyntheticCorpus synthetic = SyntheticCorpus.generate(SAMPLE, 2000, 0, NOW, 1);

        Map<List<String>, Set<String>> outletsByBody = synthetic.archive().stream().collect(Collectors.groupingBy(
                SampleArticle::paragraphs, Collectors.mapping(SampleArticle::outletId, Collectors.toSet())));
        assertThat(outletsByBody.size()).as("distinct bodies").isGreaterThan(1800);
        assertThat(outletsByBody.values().stream().filter(o -> o.size() > 1).count()).as("bodies in several outlets").isGreaterThan(15);
    }

    @Test
    void servesEveryArchiveArticleThroughThePagedFeedsAndReleasesLiveOnesOverTime() throws Exception {
        SyntheticCorpus synthetic = SyntheticCorpus.generate(SAMPLE, 450, 30, NOW, 1);
        try (SyntheticNewsServer server = SyntheticNewsServer.start(synthetic, 0)) {
            HttpClient http = HttpClient.newHttpClient();
            int items = 0;
            for (var outlet : synthetic.corpus().outlets()) {
                for (String feed : server.archiveFeedUrls(outlet)) {
                    items += count(get(http, feed), outlet.feedFormat().name().equals("RSS") ? "<item>" : "<entry");
                }
            }
            assertThat(items).isEqualTo(450);
            SampleArticle first = synthetic.archive().get(0);
            assertThat(get(http, server.articleUrl(first))).contains(first.paragraphs().get(1).substring(0, 20));

            var outlet = SAMPLE.outlet(synthetic.live().get(0).outletId()).orElseThrow();
            assertThat(get(http, server.liveFeedUrl(outlet))).doesNotContain(synthetic.live().get(0).slug());
            server.release().start(1000, 30);
            Thread.sleep(50);
            assertThat(get(http, server.liveFeedUrl(outlet))).contains(synthetic.live().get(0).slug());
            assertThat(server.release().firstServedAt(0)).isGreaterThanOrEqualTo(server.release().appearedAt(0));
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static <K> Map<K, Long> share(List<SampleArticle> articles, Function<SampleArticle, K> key) {
        Map<K, Long> counts = articles.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        long total = articles.size();
        return counts.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Math.round(100.0 * e.getValue() / total)));
    }
}
