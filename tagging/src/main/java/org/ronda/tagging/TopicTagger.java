package org.ronda.tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.ronda.contracts.Taxonomy;
import org.ronda.contracts.TopicTag;
import org.ronda.tagging.RuleIndex.Hit;

/**
 * Tags articles with taxonomy topics using a {@link RuleSet}. All rules are compiled at
 * construction into one automaton, so tagging scans each field once whatever the number of terms.
 * Immutable and thread-safe: share one instance.
 *
 * <p>Rules of every language apply to every article. The language hint is accepted but does not
 * restrict the rules, because detected languages are unreliable on short text and regional news
 * mixes languages (English terms in Malay and Filipino copy, Malay terms in English copy).
 */
public final class TopicTagger {

    private final RuleSet rules;
    private final RuleIndex index;
    private final TopicScorer scorer;

    public TopicTagger(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.index = new RuleIndex(rules);
        this.scorer = new TopicScorer(index, rules.settings());
    }

    /**
     * The topics this article is about, highest score first (ties in taxonomy order).
     *
     * @param title        headline, may be null or empty
     * @param text         body, may be null or empty
     * @param languageHint BCP 47 language, may be null; not used to filter rules (see class doc)
     * @return tags, each with its evidence; offsets are UTF-16 offsets into {@code title} or
     *     {@code text} exactly as passed in; empty when no topic reaches its threshold
     */
    public List<TopicTag> tag(String title, String text, String languageHint) {
        List<TopicTag> tags = new ArrayList<>();
        for (TopicScorer.Outcome outcome : evaluate(title, text)) {
            outcome.tag().ifPresent(tags::add);
        }
        tags.sort(Comparator.comparingDouble(TopicTag::score).reversed()
                .thenComparingInt(tag -> Taxonomy.TOPIC_IDS.indexOf(tag.topic())));
        return List.copyOf(tags);
    }

    /** The version of the rules this tagger runs, to record next to its tags. */
    public String rulesVersion() {
        return rules.version();
    }

    /** Scores of every topic that had any hit, tagged or not: for tests and rule tuning. */
    List<TopicScorer.Outcome> evaluate(String title, String text) {
        FoldedText[] fields = {TextFolder.fold(title), TextFolder.fold(text)};
        List<List<Hit>> hitsByTopic = new ArrayList<>(Collections.nCopies(Taxonomy.TOPIC_IDS.size(), (List<Hit>) null));
        index.collect(fields[TopicScorer.TITLE], TopicScorer.TITLE, hitsByTopic);
        index.collect(fields[TopicScorer.TEXT], TopicScorer.TEXT, hitsByTopic);
        List<TopicScorer.Outcome> outcomes = new ArrayList<>();
        for (int topic = 0; topic < hitsByTopic.size(); topic++) {
            List<Hit> hits = hitsByTopic.get(topic);
            if (hits != null) {
                outcomes.add(scorer.score(topic, hits, fields));
            }
        }
        return outcomes;
    }
}
