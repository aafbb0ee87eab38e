package org.ronda.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure logic: the source list format and its per-line errors. */
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
        assertThat(result.problems().get(1)).startsWith("sources.tsv:6: expected 6 tab-separated fields");
        assertThat(result.problems().get(2)).startsWith("sources.tsv:7: duplicate source id kl-daily");
        assertThat(result.problems().get(3)).startsWith("sources.tsv:8: feed must be an absolute http(s) URL");
    }
}
