package org.ronda.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ronda.contracts.Taxonomy;
import org.ronda.tagging.Rules.LanguageRules;
import org.ronda.tagging.Rules.MaskRule;
import org.ronda.tagging.Rules.NearRule;
import org.ronda.tagging.Rules.TermRule;
import org.ronda.tagging.text.WordChars;

/**
 * Every term of every language compiled into one {@link PhraseAutomaton}, with what each match
 * means: which topic, which rule, which role. Finding the hits of a field is one scan of it.
 * Immutable after construction.
 */
final class RuleIndex {

    /** What a matched term does for its topic. */
    enum Role {
        /** Adds (or removes) its weight. */
        TERM,
        /** Left side of a co-occurrence rule. */
        NEAR_LEFT,
        /** Right side of a co-occurrence rule. */
        NEAR_RIGHT,
        /** Cancels the topic's other hits that it overlaps. */
        MASK
    }

    /**
     * Something that scores: one term of a term rule, or one co-occurrence rule.
     *
     * @param window co-occurrence window in words, 0 for a term
     * @param origin file and line of the rule
     */
    record Feature(int id, int topic, double weight, int window, String origin) {
    }

    /** One meaning of one automaton pattern. */
    record Entry(int topic, Role role, int feature, Term term, boolean leftBoundary, boolean rightBoundary) {
    }

    /** A term found in a field, in folded offsets, already extended over its wildcards. */
    record Hit(Entry entry, int field, int start, int end) {

        boolean overlaps(Hit other) {
            return field == other.field && start < other.end && other.start < end;
        }

        boolean sameSpan(Hit other) {
            return field == other.field && start == other.start && end == other.end;
        }
    }

    private static final Entry[] NO_ENTRIES = new Entry[0];

    private final PhraseAutomaton automaton;
    private final Entry[][] entriesByPattern;
    private final List<Feature> features;
    private final List<List<Feature>> nearFeaturesByTopic;

    RuleIndex(RuleSet rules) {
        Map<String, Integer> patternIds = new HashMap<>();
        List<String> patterns = new ArrayList<>();
        List<List<Entry>> entries = new ArrayList<>();
        List<Feature> featureList = new ArrayList<>();
        nearFeaturesByTopic = new ArrayList<>();
        for (int t = 0; t < Taxonomy.TOPIC_IDS.size(); t++) {
            nearFeaturesByTopic.add(new ArrayList<>());
        }
        for (LanguageRules language : rules.languageRules()) {
            for (TermRule rule : language.terms()) {
                int topic = topicIndex(rule.topic());
                Feature feature = new Feature(featureList.size(), topic, rule.weight(), 0, rule.origin());
                featureList.add(feature);
                add(patternIds, patterns, entries, rule.term(), topic, Role.TERM, feature.id());
            }
            for (NearRule rule : language.nears()) {
                int topic = topicIndex(rule.topic());
                Feature feature = new Feature(featureList.size(), topic, rule.weight(), rule.window(), rule.origin());
                featureList.add(feature);
                nearFeaturesByTopic.get(topic).add(feature);
                for (Term term : rule.left()) {
                    add(patternIds, patterns, entries, term, topic, Role.NEAR_LEFT, feature.id());
                }
                for (Term term : rule.right()) {
                    add(patternIds, patterns, entries, term, topic, Role.NEAR_RIGHT, feature.id());
                }
            }
            for (MaskRule rule : language.masks()) {
                add(patternIds, patterns, entries, rule.term(), topicIndex(rule.topic()), Role.MASK, -1);
            }
        }
        automaton = new PhraseAutomaton(patterns);
        entriesByPattern = new Entry[entries.size()][];
        for (int p = 0; p < entries.size(); p++) {
            entriesByPattern[p] = entries.get(p).toArray(NO_ENTRIES);
        }
        features = List.copyOf(featureList);
    }

    private static void add(Map<String, Integer> patternIds, List<String> patterns, List<List<Entry>> entries,
            Term term, int topic, Role role, int feature) {
        Integer id = patternIds.get(term.core());
        if (id == null) {
            id = patterns.size();
            patternIds.put(term.core(), id);
            patterns.add(term.core());
            entries.add(new ArrayList<>());
        }
        entries.get(id).add(new Entry(topic, role, feature, term, term.needsLeftBoundary(), term.needsRightBoundary()));
    }

    static int topicIndex(String topic) {
        int index = Taxonomy.TOPIC_IDS.indexOf(topic);
        if (index < 0) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        return index;
    }

    Feature feature(int id) {
        return features.get(id);
    }

    List<Feature> nearFeatures(int topic) {
        return nearFeaturesByTopic.get(topic);
    }

    /** Adds the hits of {@code text} (field {@code field}) to {@code hitsByTopic}, creating lists as needed. */
    void collect(FoldedText text, int field, List<List<Hit>> hitsByTopic) {
        char[] chars = text.chars();
        int length = text.length();
        automaton.scan(chars, length, (pattern, end) -> {
            int coreStart = end - automaton.patternLength(pattern);
            for (Entry entry : entriesByPattern[pattern]) {
                int start = coreStart;
                int stop = end;
                if (entry.term().leftWildcard()) {
                    while (start > 0 && WordChars.isSpacedWordChar(chars[start - 1])) {
                        start--;
                    }
                } else if (entry.leftBoundary() && start > 0 && WordChars.isSpacedWordChar(chars[start - 1])) {
                    continue;
                }
                if (entry.term().rightWildcard()) {
                    while (stop < length && WordChars.isSpacedWordChar(chars[stop])) {
                        stop++;
                    }
                } else if (entry.rightBoundary() && stop < length && WordChars.isSpacedWordChar(chars[stop])) {
                    continue;
                }
                List<Hit> hits = hitsByTopic.get(entry.topic());
                if (hits == null) {
                    hits = new ArrayList<>();
                    hitsByTopic.set(entry.topic(), hits);
                }
                hits.add(new Hit(entry, field, start, stop));
            }
        });
    }
}
