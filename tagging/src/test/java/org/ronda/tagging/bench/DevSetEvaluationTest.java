package org.ronda.tagging.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Taxonomy;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.bench.DevSet.Article;

/**
 * The dev set ({@code src/test/resources/devset}): its shape, which must always hold, and the
 * quality of the bundled rules on it, against the targets of {@link Evaluation}.
 * The rules were tuned on this set, so its figures overstate quality on unseen articles; it guards
 * against regressions. {@code ./ronda bench tagging} prints the full figures.
 */
class DevSetEvaluationTest {

    private static final int MIN_ARTICLES = 200;
    private static final int MIN_LANGUAGES = 6;
    private static final int MIN_ARTICLES_PER_REQUIRED_LANGUAGE = 30;
    private static final int MIN_NEGATIVES_PER_REQUIRED_LANGUAGE = 8;
    private static final int MIN_POSITIVES_PER_TOPIC = 12;
    private static final int MIN_POSITIVES_PER_TOPIC_AND_REQUIRED_LANGUAGE = 2;
    private static final double MIN_NEGATIVE_SHARE = 0.25;
    private static final int MIN_MULTI_LABEL = 20;
    private static final int MIN_WORDS = 80;
    private static final int MAX_WORDS = 250;

    private static List<Article> articles;

    @BeforeAll
    static void load() {
        articles = DevSet.load();
    }

    @Test
    void devSetHasTheAgreedShape() {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(articles).as("articles").hasSizeGreaterThanOrEqualTo(MIN_ARTICLES);

        Map<String, List<Article>> byLanguage = new TreeMap<>(articles.stream().collect(Collectors.groupingBy(Article::lang)));
        soft.assertThat(byLanguage.keySet()).as("languages").hasSizeGreaterThanOrEqualTo(MIN_LANGUAGES)
                .containsAll(DevSet.REQUIRED_LANGUAGES).isSubsetOf(DevSet.LANGUAGES);
        for (String lang : DevSet.REQUIRED_LANGUAGES) {
            List<Article> of = byLanguage.getOrDefault(lang, List.of());
            soft.assertThat(of).as("articles in %s", lang).hasSizeGreaterThanOrEqualTo(MIN_ARTICLES_PER_REQUIRED_LANGUAGE);
            soft.assertThat(of.stream().filter(Article::negative).count()).as("negatives in %s", lang)
                    .isGreaterThanOrEqualTo(MIN_NEGATIVES_PER_REQUIRED_LANGUAGE);
            for (String topic : Taxonomy.TOPIC_IDS) {
                soft.assertThat(of.stream().filter(a -> a.topics().contains(topic)).count()).as("%s positives in %s", topic, lang)
                        .isGreaterThanOrEqualTo(MIN_POSITIVES_PER_TOPIC_AND_REQUIRED_LANGUAGE);
            }
        }

        for (String topic : Taxonomy.TOPIC_IDS) {
            long positives = articles.stream().filter(a -> a.topics().contains(topic) && DevSet.REQUIRED_LANGUAGES.contains(a.lang()))
                    .count();
            soft.assertThat(positives).as("%s positives in the required languages", topic).isGreaterThanOrEqualTo(MIN_POSITIVES_PER_TOPIC);
        }

        long negatives = articles.stream().filter(Article::negative).count();
        soft.assertThat((double) negatives / Math.max(1, articles.size())).as("share of hard negatives (%d of %d)", negatives, articles.size())
                .isGreaterThanOrEqualTo(MIN_NEGATIVE_SHARE);
        soft.assertThat(articles.stream().filter(a -> a.topics().size() >= 2).count()).as("articles with 2-3 labels")
                .isGreaterThanOrEqualTo(MIN_MULTI_LABEL);
        soft.assertThat(articles.stream().anyMatch(a -> a.topics().size() == 3)).as("an article with 3 labels").isTrue();

        Set<String> ids = new HashSet<>();
        Set<String> texts = new HashSet<>();
        for (Article a : articles) {
            String where = "devset/" + a.file() + ".jsonl line " + a.line() + " (" + a.id() + ")";
            soft.assertThat(ids.add(a.id())).as("%s: unique id", where).isTrue();
            soft.assertThat(a.id()).as("%s: id", where).matches(Pattern.quote(a.file()) + "-\\d{3}");
            soft.assertThat(a.lang()).as("%s: lang matches the file", where).isEqualTo(a.file());
            soft.assertThat(a.topics()).as("%s: topics", where).allMatch(Taxonomy::isTopic, "known topic id").doesNotHaveDuplicates()
                    .hasSizeLessThanOrEqualTo(3);
            soft.assertThat(a.title()).as("%s: title", where).isNotBlank().hasSizeLessThanOrEqualTo(200).doesNotContain("\n");
            soft.assertThat(DevSet.words(a.text())).as("%s: words in the body", where).isBetween(MIN_WORDS, MAX_WORDS);
            soft.assertThat(texts.add(a.text())).as("%s: unique text", where).isTrue();
        }
        soft.assertAll();
    }

    @Test
    void wordEstimateCountsScriptsWithoutSpaces() {
        assertThat(DevSet.words("Police seized 12 kg of syabu, officers said.")).isEqualTo(8);
        assertThat(DevSet.words("ตำรวจจับยาบ้า")).isEqualTo(3); // 13 Thai characters / 4
        assertThat(DevSet.words("警方破获洗钱集团")).isEqualTo(5); // 8 Han characters / 1.5
    }

    /** The bundled rules against the targets on the dev set; the message is the full report. */
    @Test
    void bundledRulesMeetTheQualityTargets() {
        Evaluation evaluation = Evaluation.run(new TopicTagger(RuleSet.loadDefault()), articles);
        assertThat(evaluation.missedTargets()).as(() -> "dev-set quality targets\n" + evaluation.report()).isEmpty();
    }
}
