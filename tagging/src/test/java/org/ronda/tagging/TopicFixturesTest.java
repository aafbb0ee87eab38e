package org.ronda.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronda.contracts.Taxonomy;
import org.ronda.contracts.TopicTag;

/**
 * Every topic on hand-written articles (see {@link Fixture}): positives in English and other
 * languages must carry exactly their topics, hard negatives from the taxonomy's "does not cover"
 * column and passing mentions must carry none. Real rules (the bundled ones), no fakes.
 */
class TopicFixturesTest {

    private static final TopicTagger TAGGER = new TopicTagger(RuleSet.loadDefault());

    static List<Fixture> positives() {
        return Fixture.positives();
    }

    static List<Fixture> negatives() {
        return Fixture.negatives();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positives")
    void articleAboutTheCrimeCarriesExactlyItsTopics(Fixture fixture) {
        List<TopicTag> tags = TAGGER.tag(fixture.title(), fixture.text(), fixture.language());

        assertThat(tags).as(explain(fixture)).extracting(TopicTag::topic)
                .containsExactlyInAnyOrderElementsOf(fixture.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void hardNegativeCarriesNoTopic(Fixture fixture) {
        List<TopicTag> tags = TAGGER.tag(fixture.title(), fixture.text(), fixture.language());

        assertThat(tags).as(explain(fixture)).isEmpty();
    }

    @Test
    void everyTopicHasAnEnglishAndANonEnglishPositiveAndANegative() {
        Map<String, Set<String>> languages = positives().stream()
                .collect(Collectors.groupingBy(Fixture::topic, Collectors.mapping(Fixture::language, Collectors.toSet())));
        Set<String> negativeTopics = negatives().stream().map(Fixture::topic).collect(Collectors.toSet());

        for (String topic : Taxonomy.TOPIC_IDS) {
            assertThat(languages.get(topic)).as("positive fixture languages of " + topic)
                    .isNotNull()
                    .contains("en")
                    .anyMatch(language -> !"en".equals(language));
            assertThat(negativeTopics).as("negative fixtures").contains(topic);
        }
    }

    private static String explain(Fixture fixture) {
        return fixture.name() + " scored " + TAGGER.evaluate(fixture.title(), fixture.text()).stream()
                .map(o -> o.topic() + "=" + o.score() + (o.tagged() ? " (tagged)" : "") + " "
                        + o.evidence().stream().map(e -> e.term()).toList())
                .toList();
    }
}
