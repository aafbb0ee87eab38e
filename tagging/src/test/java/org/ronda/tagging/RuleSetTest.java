package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronda.contracts.Taxonomy;

/** Loading and validating rule files: the bundled set, and malformed files written to a temporary folder. */
class RuleSetTest {

    @TempDir
    Path dir;

    @Test
    void defaultRulesHaveAVersionAndCoverEveryTopicInEveryLanguage() {
        RuleSet rules = RuleSet.loadDefault();

        assertThat(rules.version()).matches("topics-\\d{4}\\.\\d+\\.\\d+");
        assertThat(rules.languages()).containsExactly("en", "ms", "id", "vi", "th", "tl", "zh", "km", "my");
        for (String language : rules.languages()) {
            assertThat(rules.topics(language)).as("topics with rules in " + language)
                    .containsExactlyInAnyOrderElementsOf(Taxonomy.TOPIC_IDS);
        }
    }

    @Test
    void loadsAFolderWithTheSameFormat() {
        RuleSet rules = RuleFiles.in(dir, 3, "en")
                .language("en", "topic drugs\nterm 3: syabu\n")
                .load();

        assertThat(rules.version()).isEqualTo("test-1");
        assertThat(rules.topics("en")).containsExactly("drugs");
        assertThat(rules.topics("xx")).isEmpty();
    }

    static Stream<Arguments> malformedLanguageFiles() {
        return Stream.of(
                arguments("topic drugs\nterm 3: syabu\nfrobnicate 3: heroin\n", 4, "unknown directive 'frobnicate'"),
                arguments("topic drugs\nterm three: syabu\n", 3, "weight must be a number, got 'three'"),
                arguments("topic drugs\nterm 0: syabu\n", 3, "weight must be non-zero"),
                arguments("topic narcotics\nterm 3: syabu\n", 2, "unknown topic id 'narcotics'"),
                arguments("term 3: syabu\n", 2, "term before any 'topic <id>' line"),
                arguments("topic drugs\nterm 3 syabu\n", 3, "missing ':'"),
                arguments("topic drugs\nterm 3: syabu,, heroin\n", 3, "empty term"),
                arguments("topic drugs\nterm 3: sy*abu\n", 3, "'*' is allowed only at the start or end"),
                arguments("topic drugs\nterm 3: ยาบ้า*\n", 3, "wildcard must touch a letter of a space-delimited script"),
                arguments("topic drugs\nterm 3: syabu\nterm 2: heroin, Syabu\n", 4, "already listed for topic drugs at line 3"),
                arguments("topic drugs\nnear 3 within 5: seized, haul\n", 3, "exactly two term lists separated by '|'"),
                arguments("topic drugs\nnear 3 within 500: seized | syabu\n", 3, "window must be within 1..50"),
                arguments("topic drugs\nmask 2: panadol\n", 3, "mask takes no weight"),
                arguments("lang en\n", 2, "lang declared twice"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("malformedLanguageFiles")
    void malformedLanguageFileNamesFileLineAndReason(String body, int line, String reason) {
        RuleFiles files = RuleFiles.in(dir, 3, "en").language("en", body);

        assertThatThrownBy(files::load)
                .isInstanceOfSatisfying(RuleFileException.class, e -> {
                    assertThat(e.file()).endsWith("en.rules");
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reason);
                })
                .hasMessageStartingWith(dir.resolve("en.rules") + ", line " + line + ": ");
    }

    @Test
    void languageFileMustDeclareItsLanguageFirst() {
        RuleFiles files = RuleFiles.in(dir, 3, "en").write("en.rules", "# English\n\ntopic drugs\nterm 3: syabu\n");

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("en.rules, line 3: the first directive must be 'lang en'");
    }

    @Test
    void langLineMustMatchTheFileName() {
        RuleFiles files = RuleFiles.in(dir, 3, "en").write("en.rules", "lang ms\n");

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("en.rules, line 1: lang ms does not match the file name (en)");
    }

    @Test
    void settingsFileRejectsAMissingTopic() {
        RuleFiles files = RuleFiles.in(dir, 3, "en").language("en", "")
                .write("topics.rules", "languages en\ntopic drugs threshold 5 min-terms 2\n");

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("topics.rules: topic scam has no");
    }

    @Test
    void settingsFileRejectsABadThresholdLine() {
        RuleFiles files = RuleFiles.in(dir, 3, "en").language("en", "")
                .write("topics.rules", "languages en\n\ntopic drugs threshold five min-terms 2\n");

        assertThatThrownBy(files::load)
                .isInstanceOfSatisfying(RuleFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("threshold must be a number, got 'five'");
    }

    @Test
    void missingLanguageFileIsNamed() {
        RuleFiles files = RuleFiles.in(dir, 3, "en", "th").language("en", "");

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessage(dir.resolve("th.rules") + ": file not found");
    }

    @Test
    void ruleFileOfAnUnlistedLanguageIsAnErrorNotIgnored() {
        RuleFiles files = RuleFiles.in(dir, 3, "en").language("en", "").language("km", "");

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("topics.rules, line 1: rule file km.rules exists but language km is not listed");
    }

    @Test
    void versionMustBeAPlainToken() {
        RuleFiles files = RuleFiles.in(dir, 3, "en").language("en", "").write("VERSION", "\ntopics 2026\n");

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("VERSION, line 2: version 'topics 2026' must match");
    }

    @Test
    void invalidUtf8IsRejectedWithItsLine() throws Exception {
        RuleFiles files = RuleFiles.in(dir, 3, "en");
        java.nio.file.Files.write(dir.resolve("en.rules"),
                new byte[] {'l', 'a', 'n', 'g', ' ', 'e', 'n', '\n', 't', 'o', 'p', 'i', 'c', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

        assertThatThrownBy(files::load)
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("en.rules")
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void commentsAndBlankLinesAreIgnored() {
        RuleSet rules = RuleFiles.in(dir, 3, "en")
                .language("en", "# a comment\n\ntopic drugs   # the drugs topic\nterm 3: c#  # a term with a hash\n")
                .load();

        assertThat(rules.topics("en")).containsExactly("drugs");
    }
}
