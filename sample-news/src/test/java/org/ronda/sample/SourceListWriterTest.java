package org.ronda.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The source list format that ingest reads. Real: everything. */
class SourceListWriterTest {

    private static final Outlet THAI = new Outlet("khao-thai-online", "ข่าวไทยออนไลน์", "TH", "th", FeedFormat.RSS,
            PageStyle.TABLOID, ZoneId.of("Asia/Bangkok"));

    @Test
    void writesHeaderThenOneTabSeparatedLinePerOutlet() {
        String list = SourceListWriter.render(List.of(THAI), outlet -> List.of("http://127.0.0.1:1/a/feed.xml"));

        assertThat(list).isEqualTo("# id\toutlet\tcountry\tlanguage\tkind\tfeeds\n"
                + "khao-thai-online\tข่าวไทยออนไลน์\tTH\tth\tmedia\thttp://127.0.0.1:1/a/feed.xml\n");
    }

    @Test
    void separatesSeveralFeedsOfOneOutletBySpaces() {
        String list = SourceListWriter.render(List.of(THAI),
                outlet -> List.of("http://127.0.0.1:1/a/feed.xml", "http://127.0.0.1:1/a/crime/feed.xml"));

        assertThat(list.lines().skip(1).findFirst().orElseThrow())
                .endsWith("\tmedia\thttp://127.0.0.1:1/a/feed.xml http://127.0.0.1:1/a/crime/feed.xml");
    }

    @Test
    void refusesFieldsThatWouldBreakTheFormat() {
        Outlet tabbed = new Outlet("tabbed", "Tab\tbed", "MY", "en", FeedFormat.RSS, PageStyle.BLOG,
                ZoneId.of("Asia/Kuala_Lumpur"));

        assertThatThrownBy(() -> SourceListWriter.render(List.of(tabbed), outlet -> List.of("http://x/feed.xml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outlet 'tabbed'");
        assertThatThrownBy(() -> SourceListWriter.render(List.of(THAI), outlet -> List.of("http://x/a feed.xml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whitespace");
    }

    @Test
    void writesUtf8AndCreatesTheFolder(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("nested/sources.tsv");

        SourceListWriter.write(file, List.of(THAI), outlet -> List.of("http://127.0.0.1:1/a/feed.xml"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("ข่าวไทยออนไลน์");
        try (var siblings = Files.list(file.getParent())) {
            assertThat(siblings).containsExactly(file);
        }
    }
}
