package org.ronda.tagging.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.contracts.EventCodec;
import org.ronda.tagging.RuleSet;

/**
 * The command end to end, in process: JSON Lines in, JSON Lines out, with the bundled rules,
 * gazetteers and real language models. Only stdin, stdout and stderr are replaced by buffers.
 */
class TagCommandTest {

    private static final String MALAY_ARTICLE = """
            {"id":"ms-1","title":"Polis rampas syabu RM2 juta di Johor","text":"Polis Diraja Malaysia (PDRM) merampas \
            syabu bernilai RM2 juta dan menahan tiga warga negara Indonesia kerana disyaki mengedar dadah dari \
            Segitiga Emas.","lang":"ms","url":"https://example.my/a"}""";
    private static final String INDONESIAN_DECLARED_ENGLISH = """
            {"id":"id-1","title":"BNN sita 20 kg sabu di Dumai","text":"Badan Narkotika Nasional (BNN) menyita \
            narkoba jenis sabu seberat 20 kilogram dari Malaysia. Tersangka mengaku bahwa barang tersebut akan \
            diedarkan ke Jakarta, kata polisi kepada wartawan.","lang":"en"}""";
    private static final String ENGLISH_WITHOUT_LANG = """
            {"id":"en-1","title":"Scam compound raided in Myawaddy","text":"Thai police said victims from Malaysia \
            and the Philippines were trafficked into the compound and forced to run online scams."}""";

    @TempDir
    Path dir;

    @Test
    void tagsEveryLineAndReportsABadLineWithoutStopping() throws IOException {
        String input = String.join("\n", MALAY_ARTICLE, "{not json", "", "{\"title\":\"no id\"}",
                INDONESIAN_DECLARED_ENGLISH, "[1,2]", "{\"id\":\"x\",\"text\":42}", ENGLISH_WITHOUT_LANG) + "\n";

        Run run = run(input);

        assertThat(run.status()).isEqualTo(TagCommand.SOME_LINES_FAILED);
        assertThat(run.lines()).hasSize(7); // the blank line 3 gives no output
        assertThat(run.lines().get(1).get("line").asInt()).isEqualTo(2);
        assertThat(run.lines().get(1).get("error").asText()).startsWith("not JSON: ");
        assertThat(run.lines().get(2).toString()).isEqualTo(
                "{\"line\":4,\"error\":\"field 'id' is required and must be a non-blank string\"}");
        assertThat(run.lines().get(4).toString()).isEqualTo("{\"line\":6,\"error\":\"not a JSON object\"}");
        assertThat(run.lines().get(5).toString()).isEqualTo(
                "{\"line\":7,\"error\":\"field 'text' must be a string, got number\"}");
        assertThat(run.lines()).extracting(line -> line.path("id").asText(null))
                .containsExactly("ms-1", null, null, "id-1", null, null, "en-1");
    }

    @Test
    void outputLineCarriesLanguageTopicsCountriesAndOrganisationsWithEvidence() throws IOException {
        Run run = run(MALAY_ARTICLE + "\n");

        assertThat(run.status()).isEqualTo(TagCommand.OK);
        JsonNode line = run.lines().get(0);
        assertThat(fieldNames(line)).containsExactly("id", "lang", "topics", "countries", "organisations");
        assertThat(line.get("lang").asText()).isEqualTo("ms");
        assertThat(line.get("topics")).extracting(topic -> topic.get("id").asText()).contains("drugs");
        assertThat(fieldNames(line.get("topics").get(0))).containsExactly("id", "score", "evidence");
        assertThat(line.get("countries")).extracting(country -> country.get("id").asText())
                .containsExactly("MY", "ID", "TH", "LA", "MM");
        assertThat(line.get("organisations")).extracting(organisation -> organisation.get("id").asText())
                .containsExactly("royal-malaysia-police");
        assertEvidencePointsAtTheArticle(line, EventCodec.mapper().readTree(MALAY_ARTICLE));
    }

    @Test
    void declaredLanguageIsAHintNotTheAnswer() throws IOException {
        Run run = run(INDONESIAN_DECLARED_ENGLISH + "\n" + ENGLISH_WITHOUT_LANG + "\n");

        assertThat(run.lines()).extracting(line -> line.get("lang").asText()).containsExactly("id", "en");
        assertThat(run.lines().get(0).get("organisations")).extracting(organisation -> organisation.get("id").asText())
                .containsExactly("bnn");
        assertThat(run.lines().get(1).get("countries")).extracting(country -> country.get("id").asText())
                .containsExactly("MM", "TH", "MY", "PH");
    }

    @Test
    void emptyInputIsSuccessWithNoOutput() {
        Run run = run("");

        assertThat(run.status()).isEqualTo(TagCommand.OK);
        assertThat(run.lines()).isEmpty();
    }

    @Test
    void rulesFolderIsUsedInsteadOfTheBundledRules() throws IOException {
        copyBundledRules(dir);

        Run copied = run(ENGLISH_WITHOUT_LANG + "\n", "--rules", dir.toString());
        assertThat(copied.status()).isEqualTo(TagCommand.OK);
        assertThat(copied.lines()).isEqualTo(run(ENGLISH_WITHOUT_LANG + "\n").lines());

        // Proof that the folder, not the classpath, is read: break it and the command says where.
        Files.writeString(dir.resolve("VERSION"), "not a version\n");
        Run broken = run(ENGLISH_WITHOUT_LANG + "\n", "--rules", dir.toString());
        assertThat(broken.status()).isEqualTo(TagCommand.UNUSABLE);
        assertThat(broken.err()).contains(dir.resolve("VERSION").toString());
    }

    @Test
    void brokenRulesFolderStopsBeforeReadingAnyLine() {
        Run run = run(MALAY_ARTICLE + "\n", "--rules", dir.resolve("absent").toString());

        assertThat(run.status()).isEqualTo(TagCommand.UNUSABLE);
        assertThat(run.lines()).isEmpty();
        assertThat(run.err()).startsWith("cannot load: ").contains("absent").contains("file not found");
    }

    @Test
    void gazetteerFilesReplaceTheBundledOnes() throws IOException {
        Path countries = dir.resolve("countries.tsv");
        Files.writeString(countries, "MM\tcity\tMyawaddy\n");
        Path organisations = dir.resolve("organisations.tsv");
        Files.writeString(organisations, "thai-police\tname\tThai police\n");

        Run run = run(ENGLISH_WITHOUT_LANG + "\n", "--countries", countries.toString(),
                "--organisations", organisations.toString());

        assertThat(run.status()).isEqualTo(TagCommand.OK);
        assertThat(run.lines().get(0).get("countries")).extracting(country -> country.get("id").asText())
                .containsExactly("MM");
        assertThat(run.lines().get(0).get("organisations")).extracting(organisation -> organisation.get("id").asText())
                .containsExactly("thai-police");
    }

    @Test
    void malformedGazetteerStopsWithFileAndLine() throws IOException {
        Path countries = dir.resolve("countries.tsv");
        Files.writeString(countries, "MM\tcity\tMyawaddy\nMM city Yangon\n");

        Run run = run(ENGLISH_WITHOUT_LANG + "\n", "--countries", countries.toString());

        assertThat(run.status()).isEqualTo(TagCommand.UNUSABLE);
        assertThat(run.err()).startsWith("cannot load: " + countries + ", line 2: expected 3 or 4 tab-separated fields");
    }

    @Test
    void unknownArgumentPrintsUsage() {
        Run run = run("", "--rulez", "x");

        assertThat(run.status()).isEqualTo(TagCommand.UNUSABLE);
        assertThat(run.err()).contains("unknown argument --rulez").contains("usage: TagCommand [--rules DIR]");
        assertThat(run("", "--rules").status()).isEqualTo(TagCommand.UNUSABLE);
        assertThat(run("", "--countries").err()).startsWith("--countries needs a path");
    }

    private static Run run(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TagCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                try {
                    lines.add(EventCodec.mapper().readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("output line is not JSON: " + line, e);
                }
            }
        }
        return new Run(status, lines, err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertEvidencePointsAtTheArticle(JsonNode line, JsonNode article) {
        for (String section : List.of("topics", "countries", "organisations")) {
            for (JsonNode tag : line.get(section)) {
                assertThat(tag.get("evidence")).as(section + " " + tag.get("id")).isNotEmpty();
                for (JsonNode evidence : tag.get("evidence")) {
                    String field = article.get(evidence.get("field").asText()).asText();
                    String matched = field.substring(evidence.get("start").asInt(), evidence.get("end").asInt());
                    assertThat(matched).as(evidence.toString()).isEqualToIgnoringCase(evidence.get("term").asText());
                }
            }
        }
    }

    /** Copies the bundled rule files into {@code target}, as a researcher would before editing them. */
    private static void copyBundledRules(Path target) throws IOException {
        List<String> files = new ArrayList<>(List.of("VERSION", "topics.rules"));
        for (String language : RuleSet.loadDefault().languages()) {
            files.add(language + ".rules");
        }
        for (String file : files) {
            try (InputStream in = RuleSet.class.getResourceAsStream("/rules/" + file)) {
                assertThat(in).as(file).isNotNull();
                Files.copy(in, target.resolve(file));
            }
        }
    }

    private record Run(int status, List<JsonNode> lines, String err) {
    }
}
