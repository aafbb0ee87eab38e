package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Taxonomy;
import org.ronda.contracts.TopicTag;

/**
 * The bundled sample corpus (sample-news/CORPUS-FORMAT.md) tagged with the bundled rules: every
 * article's topics must equal its expected labels. The corpus is read from the source tree
 * (system property {@code ronda.sample.dir}, set by the build) so that edits are seen without
 * rebuilding ronda-sample-news. On failure the message lists each wrong article with its scores
 * and the per-topic precision, recall and F1.
 */
class SampleCorpusTaggingTest {

    private static final String DEFAULT_DIR = "../sample-news/src/main/resources/sample-news";
    private static final int TRUE_POSITIVES = 0;
    private static final int FALSE_POSITIVES = 1;
    private static final int FALSE_NEGATIVES = 2;

    private record Article(String id, String lang, String title, String text, Set<String> expected) {
    }

    @Test
    void everyArticleCarriesExactlyItsExpectedTopics() throws IOException {
        List<Article> articles = corpus();
        assertThat(articles).as("sample articles").isNotEmpty();
        TopicTagger tagger = new TopicTagger(RuleSet.loadDefault());

        Map<String, int[]> counts = new TreeMap<>();
        Taxonomy.TOPIC_IDS.forEach(topic -> counts.put(topic, new int[3]));
        List<String> wrong = new ArrayList<>();
        for (Article article : articles) {
            Set<String> actual = new TreeSet<>();
            for (TopicTag tag : tagger.tag(article.title(), article.text(), article.lang())) {
                actual.add(tag.topic());
            }
            for (String topic : Taxonomy.TOPIC_IDS) {
                boolean expected = article.expected().contains(topic);
                boolean tagged = actual.contains(topic);
                int[] count = counts.get(topic);
                if (expected && tagged) {
                    count[TRUE_POSITIVES]++;
                } else if (tagged) {
                    count[FALSE_POSITIVES]++;
                } else if (expected) {
                    count[FALSE_NEGATIVES]++;
                }
            }
            if (!actual.equals(article.expected())) {
                wrong.add(article.id() + " [" + article.lang() + "] expected " + article.expected() + " got " + actual
                        + "\n      scores " + tagger.evaluate(article.title(), article.text()).stream()
                                .map(o -> o.topic() + "=" + o.score() + (o.tagged() ? "*" : ""))
                                .toList());
            }
        }

        assertThat(wrong).as(() -> articles.size() + " articles, " + wrong.size() + " wrong:\n  "
                + String.join("\n  ", wrong) + "\n" + table(counts)).isEmpty();
    }

    private static String table(Map<String, int[]> counts) {
        StringBuilder out = new StringBuilder(String.format("%-22s %4s %4s %4s %6s %6s %6s%n", "topic", "tp", "fp", "fn", "P", "R", "F1"));
        for (var entry : counts.entrySet()) {
            int tp = entry.getValue()[TRUE_POSITIVES];
            int fp = entry.getValue()[FALSE_POSITIVES];
            int fn = entry.getValue()[FALSE_NEGATIVES];
            double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1 : (double) tp / (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.append(String.format("%-22s %4d %4d %4d %6.2f %6.2f %6.2f%n", entry.getKey(), tp, fp, fn, precision, recall, f1));
        }
        return out.toString();
    }

    private static List<Article> corpus() throws IOException {
        Path dir = Path.of(System.getProperty("ronda.sample.dir", DEFAULT_DIR));
        ObjectMapper json = new ObjectMapper();
        List<Article> articles = new ArrayList<>();
        for (JsonNode outlet : json.readTree(dir.resolve("outlets.json").toFile())) {
            String outletId = outlet.get("id").asText();
            Path file = dir.resolve("articles").resolve(outletId + ".json");
            assertThat(file).as("articles of outlet " + outletId).exists();
            for (JsonNode node : json.readTree(file.toFile())) {
                List<String> paragraphs = new ArrayList<>();
                node.get("paragraphs").forEach(p -> paragraphs.add(p.asText()));
                Set<String> expected = new TreeSet<>();
                node.get("topics").forEach(t -> expected.add(t.asText()));
                articles.add(new Article(outletId + "/" + node.get("slug").asText(), node.get("lang").asText(),
                        node.get("title").asText(), String.join("\n\n", paragraphs), expected));
            }
        }
        return articles;
    }
}
