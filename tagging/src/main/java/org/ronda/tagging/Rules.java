package org.ronda.tagging;

import java.util.List;
import java.util.Map;

/** The rule kinds of a language file (docs/rules-format.md), as parsed. */
final class Rules {

    private Rules() {
    }

    /** {@code term <weight>: ...}: each occurrence of the term adds (or, negative, removes) weight. */
    record TermRule(String topic, double weight, Term term, String origin) {
    }

    /** {@code near <weight> within <n>: a, ... | b, ...}: an a-term and a b-term at most n words apart. */
    record NearRule(String topic, double weight, int window, List<Term> left, List<Term> right, String origin) {

        NearRule {
            left = List.copyOf(left);
            right = List.copyOf(right);
        }
    }

    /** {@code mask: ...}: text where this topic's terms do not count (false friends). */
    record MaskRule(String topic, Term term, String origin) {
    }

    /** {@code topic <id> threshold <x> min-terms <n>} in topics.rules. */
    record TopicSettings(String topic, double threshold, int minTerms) {
    }

    /** What topics.rules says: the languages to load and how scores are computed. */
    record Settings(
            List<String> languages,
            int languagesLine,
            double titleFactor,
            double repeatDecay,
            int repeatCap,
            double anchorWeight,
            Map<String, TopicSettings> topics) {

        Settings {
            languages = List.copyOf(languages);
            topics = Map.copyOf(topics);
        }
    }

    /** The rules of one language file. */
    record LanguageRules(String language, List<TermRule> terms, List<NearRule> nears, List<MaskRule> masks) {

        LanguageRules {
            terms = List.copyOf(terms);
            nears = List.copyOf(nears);
            masks = List.copyOf(masks);
        }
    }
}
