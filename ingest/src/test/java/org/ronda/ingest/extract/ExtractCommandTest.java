package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.contracts.EventCodec;

/** Real files in a temporary folder; nothing faked. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    private static final String PAGE = "<!DOCTYPE html><html lang=\"ms\"><head><meta charset=\"utf-8\"><title>Polis rampas dadah | Metro</title>"
            + "<meta property=\"og:title\" content=\"Polis rampas dadah di Tumpat\">"
            + "<meta property=\"article:published_time\" content=\"2026-10-04T21:40:00+08:00\">"
            + "<link rel=\"canonical\" href=\"https://metro.example/2026/10/04/polis-rampas-dadah/\"></head>"
            + "<body><article><h1>Polis rampas dadah di Tumpat</h1><div class=\"entry-content\">"
            + "<p>TUMPAT: Polis merampas dadah bernilai RM3.2 juta dalam serbuan di sebuah rumah di Kampung Pengkalan Kubor, di sini.</p>"
            + "<p>Kesemua suspek direman tujuh hari bagi membantu siasatan mengikut Seksyen 39B Akta Dadah Berbahaya 1952.</p>"
            + "</div></article></body></html>";

    @Test
    void aGzippedPageIsExtractedAndABrokenFileGivesAnErrorLineAndExitCodeOne() throws Exception {
        Path gz = dir.resolve("page.html.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        Path broken = dir.resolve("broken.html.gz");
        byte[] whole = Files.readAllBytes(gz);
        Files.write(broken, java.util.Arrays.copyOf(whole, whole.length / 2));

        Result result = run(gz.toString(), broken.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines()).hasSize(2);
        JsonNode first = EventCodec.mapper().readTree(result.lines()[0]);
        assertThat(first.path("file").asText()).isEqualTo(gz.toString());
        assertThat(first.path("title").asText()).isEqualTo("Polis rampas dadah di Tumpat");
        assertThat(first.path("text").asText()).startsWith("TUMPAT: Polis merampas dadah").contains("\n\nKesemua suspek");
        assertThat(first.path("published").asText()).isEqualTo("2026-10-04T21:40:00+08:00");
        assertThat(first.path("lang").asText()).isEqualTo("ms");
        assertThat(first.path("canonicalUrl").asText()).isEqualTo("https://metro.example/2026/10/04/polis-rampas-dadah/");
        assertThat(first.path("partial").asBoolean()).isTrue();
        assertThat(first.has("error")).isFalse();
        JsonNode second = EventCodec.mapper().readTree(result.lines()[1]);
        assertThat(second.path("file").asText()).isEqualTo(broken.toString());
        assertThat(second.path("error").asText()).startsWith("cannot read");
    }

    @Test
    void filesThatAreMissingNotHtmlOrWithoutArticleAreReportedAndTheRestExtracted() throws Exception {
        Path good = Files.writeString(dir.resolve("good.html"), PAGE);
        Path json = Files.writeString(dir.resolve("data.html"), "{\"not\": \"a page\"}");
        Path binary = Files.write(dir.resolve("image.html"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path empty = Files.writeString(dir.resolve("empty.html"), "<html><body><p>no headline</p></body></html>");

        Result result = run(good.toString(), dir.resolve("missing.html").toString(), json.toString(), binary.toString(), empty.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.lines()).hasSize(5);
        assertThat(result.lines()[0]).doesNotContain("\"error\"");
        assertThat(result.lines()[1]).contains("\"error\":\"no such file\"");
        assertThat(result.lines()[2]).contains("\"error\":\"not an HTML page\"");
        assertThat(result.lines()[3]).contains("\"error\":\"not an HTML page\"");
        assertThat(result.lines()[4]).contains("\"error\":\"page has no headline");
    }

    @Test
    void allFilesExtractedGiveExitCodeZeroAndNoArgumentsAUsageError() throws Exception {
        Path good = Files.writeString(dir.resolve("good.html"), PAGE);

        assertThat(run(good.toString()).code()).isZero();
        assertThat(run().code()).isEqualTo(2);
    }

    record Result(int code, String[] lines) {
    }

    private static Result run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ExtractCommand.run(args, o, e);
        }
        String text = out.toString(StandardCharsets.UTF_8).strip();
        return new Result(code, text.isEmpty() ? new String[0] : text.split("\n"));
    }
}
