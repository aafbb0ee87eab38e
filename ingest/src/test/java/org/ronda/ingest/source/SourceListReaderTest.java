package org.ronda.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pure logic: the source list format, its optional columns and its per-line errors. Nothing is fetched. */
class SourceListReaderTest {

    private final SourceListReader reader = new SourceListReader();

    @Test
    void readsValidLinesAndReportsBadOnesWithTheirLineNumber() {
        List<String> lines = List.of(
                "# id\toutlet\tcountry\tlanguage\tkind\tfeeds",
                "kl-daily\tKL Daily\tMY\ten\tmedia\thttp://127.0.0.1:8090/kl-daily/feed.xml",
                "",
                "bad-country\tX\tMalaysia\tms\tmedia\thttp://127.0.0.1:8090/x/feed.xml",
                "police\tPolis\tMY\tms\tofficial\thttp://127.0.0.1:8090/a.xml http://127.0.0.1:8090/b.xml",
                "too-few\tfields",
                "kl-daily\tDuplicate\tMY\ten\tmedia\thttp://127.0.0.1:8090/dup.xml",
                "ftp-feed\tF\tTH\tth\tmedia\tftp://127.0.0.1/feed");

        SourceListReader.Result result = reader.parse(lines, "sources.tsv");

        assertThat(result.sources()).extracting(Source::id).containsExactly("kl-daily", "police");
        assertThat(result.sources().get(1).feeds()).hasSize(2);
        assertThat(result.sources().get(1).ref().kind()).isEqualTo("official");
        assertThat(result.problems()).hasSize(4);
        assertThat(result.problems().get(0)).startsWith("sources.tsv:4: country must be an ISO 3166-1 alpha-2 code");
        assertThat(result.problems().get(1)).startsWith("sources.tsv:6: expected 6 to 9 tab-separated fields");
        assertThat(result.problems().get(2)).startsWith("sources.tsv:7: duplicate source id kl-daily");
        assertThat(result.problems().get(3)).startsWith("sources.tsv:8: feed must be an absolute http(s) URL");
        assertThat(result.problems()).allSatisfy(p -> assertThat(p).endsWith("(line skipped)"));
    }

    @Test
    void aSixColumnLineStillMeansWhatItAlwaysMeant() {
        Source source = only("kl-daily\tKL Daily\tMY\ten\tmedia\thttp://127.0.0.1:8090/kl-daily/feed.xml");

        assertThat(source.languages()).containsExactly("en");
        assertThat(source.sitemaps()).isEmpty();
        assertThat(source.homepageUrl()).isEmpty();
        assertThat(source.needsDiscovery()).isFalse();
        assertThat(source.official()).isFalse();
        assertThat(source.line()).isEqualTo(1);
    }

    @Test
    void readsTheOptionalLanguagesSitemapsAndHomepageColumns() {
        Source source = only("warta\tWarta Nusantara\tID\tid\tmedia\thttp://127.0.0.1:8090/warta/rss\tid en jv\t"
                + "http://127.0.0.1:8090/warta/sitemap-news.xml http://127.0.0.1:8090/warta/sitemap_index.xml\thttp://127.0.0.1:8090/warta/");

        assertThat(source.languages()).containsExactly("id", "en", "jv");
        assertThat(source.sitemaps()).containsExactly(
                URI.create("http://127.0.0.1:8090/warta/sitemap-news.xml"), URI.create("http://127.0.0.1:8090/warta/sitemap_index.xml"));
        assertThat(source.homepageUrl()).contains(URI.create("http://127.0.0.1:8090/warta/"));
        assertThat(source.ref().language()).isEqualTo("id");
    }

    @Test
    void theLanguagesColumnAlwaysStartsWithThePrimaryLanguage() {
        assertThat(only("tatoli\tTatoli\tTL\ttet\tmedia\thttp://127.0.0.1:8090/t/feed\tpt en tet").languages())
                .containsExactly("tet", "pt", "en");
    }

    @Test
    void aSourceWithOnlyAHomepageIsReadThroughDiscovery() {
        Source source = only("vientiane\tVientiane News\tLA\tlo\tmedia\t-\t-\t-\thttp://127.0.0.1:8090/vientiane/");

        assertThat(source.feeds()).isEmpty();
        assertThat(source.needsDiscovery()).isTrue();
        assertThat(source.homepage()).isEqualTo(URI.create("http://127.0.0.1:8090/vientiane/"));
    }

    @Test
    void aSourceWithOnlyASitemapNeedsNoDiscovery() {
        Source source = only("kl-herald\tKL Herald\tMY\tms\tmedia\t\t\thttp://127.0.0.1:8090/kl-herald/sitemap-news.xml");

        assertThat(source.needsDiscovery()).isFalse();
        assertThat(source.sitemaps()).hasSize(1);
    }

    @Test
    void emptyCellsAnEditorLeavesAfterTheLastColumnAreIgnored() {
        Source source = only("kl-daily\tKL Daily\tMY\ten\tmedia\thttp://127.0.0.1:8090/kl-daily/feed.xml\ten\t\t\t\t\t");

        assertThat(source.languages()).containsExactly("en");
    }

    @Test
    void reportsEveryKindOfBadOptionalColumn() {
        List<String> lines = List.of(
                "no-address\tA\tMY\tms\tmedia\t-\tms\t-\t-",
                "two-homes\tB\tMY\tms\tmedia\t-\t-\t-\thttp://127.0.0.1:8090/b/ http://127.0.0.1:8090/b2/",
                "bad-lang\tC\tMY\tms\tmedia\thttp://127.0.0.1:8090/c.xml\tMalay",
                "secret\tD\tMY\tms\tmedia\thttp://ops:hunter2@127.0.0.1:8090/d.xml",
                "fragment\tE\tMY\tms\tmedia\thttp://127.0.0.1:8090/e.xml#top",
                "ten-columns\tF\tMY\tms\tmedia\thttp://127.0.0.1:8090/f.xml\tms\t-\t-\textra",
                "no-country\tG\tZZ\tms\tmedia\thttp://127.0.0.1:8090/g.xml",
                "bad-kind\tH\tMY\tms\tblog\thttp://127.0.0.1:8090/h.xml",
                "twice\tI\tMY\tms\tmedia\thttp://127.0.0.1:8090/i.xml http://127.0.0.1:8090/i.xml",
                "bad-sitemap\tJ\tMY\tms\tmedia\t-\t-\tsitemap.xml");

        SourceListReader.Result result = reader.parse(lines, "s.tsv");

        assertThat(result.sources()).isEmpty();
        assertThat(result.problems()).containsExactly(
                "s.tsv:1: no feed, sitemap or homepage: give at least one address (line skipped)",
                "s.tsv:2: homepage must be one URL, got 2 (line skipped)",
                "s.tsv:3: languages must hold BCP 47 tags such as ms or zh-Hant, got 'Malay' (line skipped)",
                "s.tsv:4: feed must not carry a user name or password, got a URL with one for host 127.0.0.1 (line skipped)",
                "s.tsv:5: feed must not have a #fragment, got 'http://127.0.0.1:8090/e.xml#top' (line skipped)",
                "s.tsv:6: expected 6 to 9 tab-separated fields (id outlet country language kind feeds languages sitemaps homepage), got 10 (line skipped)",
                "s.tsv:7: country must be an ISO 3166-1 alpha-2 code such as MY, got 'ZZ' (line skipped)",
                "s.tsv:8: kind must be media or official, got 'blog' (line skipped)",
                "s.tsv:9: feed http://127.0.0.1:8090/i.xml is listed twice (line skipped)",
                "s.tsv:10: sitemap must be an absolute http(s) URL, got 'sitemap.xml' (line skipped)");
        assertThat(String.join("\n", result.problems())).doesNotContain("hunter2");
    }

    @Test
    void aFeedBelongsToOneSourceOnly() {
        SourceListReader.Result result = reader.parse(List.of(
                "first\tFirst\tSG\ten\tmedia\thttp://127.0.0.1:8090/shared.xml",
                "second\tSecond\tSG\ten\tmedia\thttp://127.0.0.1:8090/own.xml http://127.0.0.1:8090/shared.xml"), "s.tsv");

        assertThat(result.sources()).extracting(Source::id).containsExactly("first");
        assertThat(result.problems()).containsExactly(
                "s.tsv:2: http://127.0.0.1:8090/shared.xml is already listed by source first (line skipped)");
    }

    @Test
    void readsAFileWithAByteOrderMarkAndWindowsLineEndingsAndIsolatesBadBytes(@TempDir Path dir) throws Exception {
        byte[] good = "\uFEFF# header\r\nsg-daily\tSG Daily\tSG\ten\tmedia\thttp://127.0.0.1:8090/sg.xml\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "th-daily\tKhao \u00E9\tTH\tth\tmedia\thttp://127.0.0.1:8090/th.xml\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] last = "vn-daily\tVN Daily\tVN\tvi\tmedia\thttp://127.0.0.1:8090/vn.xml\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("sources.tsv");
        Files.write(file, concat(good, bad, last));

        SourceListReader.Result result = reader.read(file);

        assertThat(result.sources()).extracting(Source::id).containsExactly("sg-daily", "vn-daily");
        assertThat(result.sources().get(0).feeds()).containsExactly(URI.create("http://127.0.0.1:8090/sg.xml"));
        assertThat(result.problems()).containsExactly(file + ":3: line is not valid UTF-8 (line skipped)");
    }

    private Source only(String line) {
        SourceListReader.Result result = reader.parse(List.of(line), "s.tsv");
        assertThat(result.problems()).isEmpty();
        assertThat(result.sources()).hasSize(1);
        return result.sources().get(0);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
