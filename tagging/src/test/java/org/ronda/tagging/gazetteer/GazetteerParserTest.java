package org.ronda.tagging.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed gazetteer stops the load with the file, the line and the reason. */
class GazetteerParserTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            MY | name;                                    expected 3 or 4 tab-separated fields
            MY name Malaysia;                             fields must be separated by tabs, not spaces
            MY | name | Malaysia | cased | extra;         expected 3 or 4 tab-separated fields
            XX | name | Nowhere;                          unknown country id 'XX' (ISO 3166-1 alpha-2)
            MY,TH, | hub | Border;                        bad id list 'MY,TH,'
            MY, TH | hub | Border;                        bad id list 'MY, TH'
            MY,MY | hub | Border;                         id 'MY' is listed twice
            MY | capital | Kuala Lumpur;                  unknown kind 'capital' (one of [city, demonym, hub, name] or mask)
            MY | name | Malaysia | loud;                  unknown flag 'loud' (one of [ambiguous, cased])
            MY | name | Malaysia | cased,cased;           flag 'cased' is listed twice
            MY | mask | Malaysia Airlines | ambiguous;    a mask cannot be ambiguous
            MY | name | --;                               has no letter or digit
            """)
    void badLineIsReportedWithFileLineAndReason(String line, String reason) {
        Path file = TestGazetteers.write(dir, "# countries", "TH | name | Thailand", line);

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .isInstanceOfSatisfying(GazetteerException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.getMessage()).startsWith(file + ", line 3: ");
                });
    }

    @Test
    void nameWithSpacesAroundItIsRefused() throws IOException {
        Path file = dir.resolve("spaces.tsv");
        Files.writeString(file, "MY\tname\t Malaysia\n");

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .hasMessageContaining("line 1: name ' Malaysia' has spaces around it");
    }

    @Test
    void emptyFlagsColumnIsRefused() throws IOException {
        Path file = dir.resolve("flags.tsv");
        Files.writeString(file, "MY\tname\tMalaysia\t\n");

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .hasMessageContaining("line 1: empty flags field");
    }

    @Test
    void namesThatFoldAlikeAreOneNameListedTwice() {
        Path file = TestGazetteers.write(dir, "TL | name | Timor-Leste", "", "TL | name | timor  leste");

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .isInstanceOfSatisfying(GazetteerException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).startsWith("name 'timor leste' is already on line 1");
                });
    }

    @Test
    void maskMustProtectACountryThatHasAName() {
        Path file = TestGazetteers.write(dir, "TH | name | Thailand", "CN | mask | China Press");

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .hasMessageContaining("line 2: mask protects country 'CN', which has no name in this file");
    }

    @Test
    void fileThatIsNotUtf8IsRefusedAtTheLineThatIsNot() throws IOException {
        Path file = dir.resolve("latin1.tsv");
        Files.write(file, "TH\tname\tThailand\nVN\tcity\tH\u00E0 N\u00F4i\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .isInstanceOfSatisfying(GazetteerException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).isEqualTo("not valid UTF-8");
                });
    }

    @Test
    void fileWithoutNamesIsRefused() {
        Path file = TestGazetteers.write(dir, "# only a comment", "");

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .isInstanceOfSatisfying(GazetteerException.class, e -> {
                    assertThat(e.line()).isZero();
                    assertThat(e.getMessage()).isEqualTo(file + ": no names: the file is empty or all comments");
                });
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.tsv");

        assertThatThrownBy(() -> Gazetteer.fromFile(file, TestGazetteers.COUNTRIES))
                .hasMessage(file + ": file not found");
        assertThatThrownBy(() -> Gazetteer.fromClasspath("/gazetteer/absent.tsv", TestGazetteers.COUNTRIES))
                .hasMessage("classpath:/gazetteer/absent.tsv: file not found");
    }

    @Test
    void byteOrderMarkAndWindowsLineEndsAreAccepted() throws IOException {
        Path file = dir.resolve("bom.tsv");
        Files.writeString(file, "\uFEFFMY\tname\tMalaysia\r\nTH\tname\tThailand\r\n");

        assertThat(Gazetteer.fromFile(file, TestGazetteers.COUNTRIES).ids()).containsExactly("MY", "TH");
    }
}
