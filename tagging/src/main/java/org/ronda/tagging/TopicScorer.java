package org.ronda.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.Taxonomy;
import org.ronda.contracts.TopicTag;
import org.ronda.tagging.RuleIndex.Feature;
import org.ronda.tagging.RuleIndex.Hit;
import org.ronda.tagging.RuleIndex.Role;
import org.ronda.tagging.Rules.Settings;
import org.ronda.tagging.Rules.TopicSettings;

/**
 * Turns the hits of one topic into a tag, or into nothing when the article is not about the topic.
 * The steps, in order (docs/rules-format.md explains them for rule authors): masks cancel the hits
 * they overlap; among term hits the longest wins where one lies inside another; co-occurrence rules
 * pair their two sides; every scoring feature adds its weight per occurrence, times the title
 * factor in the title, decaying with repetition; the topic is tagged when the score reaches its
 * threshold with at least min-terms distinct positive features, one of them an anchor (weight at
 * least anchor-weight), so that context words alone never make a tag.
 */
final class TopicScorer {

    static final int TITLE = 0;
    static final int TEXT = 1;
    private static final String[] FIELD_NAMES = {"title", "text"};

    /** Evidence kept per tag; enough to explain it without bloating the event. */
    static final int MAX_EVIDENCE = 24;

    private final RuleIndex index;
    private final double titleFactor;
    private final double repeatDecay;
    private final int repeatCap;
    private final double anchorWeight;
    private final TopicSettings[] topicSettings;

    TopicScorer(RuleIndex index, Settings settings) {
        this.index = index;
        this.titleFactor = settings.titleFactor();
        this.repeatDecay = settings.repeatDecay();
        this.repeatCap = settings.repeatCap();
        this.anchorWeight = settings.anchorWeight();
        this.topicSettings = new TopicSettings[Taxonomy.TOPIC_IDS.size()];
        for (int t = 0; t < topicSettings.length; t++) {
            topicSettings[t] = settings.topics().get(Taxonomy.TOPIC_IDS.get(t));
        }
    }

    /** One scoring event: a feature seen at a place, supported by one or two hits. */
    private record Occurrence(Feature feature, int field, int position, List<Hit> support) {
    }

    /** The score and evidence of a topic, tagged or not; {@link #tag()} says which. */
    record Outcome(String topic, double score, int distinctFeatures, boolean tagged, List<Evidence> evidence) {

        Optional<TopicTag> tag() {
            return tagged ? Optional.of(new TopicTag(topic, score, evidence)) : Optional.empty();
        }
    }

    Outcome score(int topic, List<Hit> hits, FoldedText[] fields) {
        List<Hit> masks = new ArrayList<>();
        List<Hit> others = new ArrayList<>();
        for (Hit hit : hits) {
            (hit.entry().role() == Role.MASK ? masks : others).add(hit);
        }
        if (!masks.isEmpty()) {
            others.removeIf(hit -> masks.stream().anyMatch(hit::overlaps));
        }

        List<Occurrence> occurrences = new ArrayList<>();
        for (Hit hit : longestTerms(others)) {
            occurrences.add(new Occurrence(index.feature(hit.entry().feature()), hit.field(), hit.start(), List.of(hit)));
        }
        occurrences.addAll(pairs(topic, others, fields));

        Map<Integer, List<Occurrence>> byFeature = new LinkedHashMap<>();
        for (Occurrence occurrence : occurrences) {
            byFeature.computeIfAbsent(occurrence.feature().id(), id -> new ArrayList<>()).add(occurrence);
        }
        double score = 0;
        int distinct = 0;
        boolean anchored = false;
        List<Hit> support = new ArrayList<>();
        Comparator<Occurrence> order = Comparator.comparingInt(Occurrence::field).thenComparingInt(Occurrence::position);
        for (List<Occurrence> list : byFeature.values()) {
            list.sort(order);
            double weight = list.get(0).feature().weight();
            double decay = 1;
            for (int i = 0; i < list.size() && i < repeatCap; i++) {
                score += weight * decay * (list.get(i).field() == TITLE ? titleFactor : 1);
                decay *= repeatDecay;
            }
            if (weight > 0) {
                distinct++;
                anchored |= weight >= anchorWeight;
                for (Occurrence occurrence : list) {
                    support.addAll(occurrence.support());
                }
            }
        }
        TopicSettings settings = topicSettings[topic];
        double rounded = Math.round(score * 100) / 100.0;
        boolean tagged = anchored && distinct >= settings.minTerms() && score >= settings.threshold();
        return new Outcome(Taxonomy.TOPIC_IDS.get(topic), rounded, distinct, tagged, evidence(support, fields));
    }

    /**
     * Term hits without those lying inside a longer hit; on the same span the heavier feature wins,
     * so a term listed by two languages counts once.
     */
    private List<Hit> longestTerms(List<Hit> hits) {
        List<Hit> terms = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.entry().role() == Role.TERM) {
                terms.add(hit);
            }
        }
        terms.sort(Comparator.comparingInt(Hit::field)
                .thenComparingInt(Hit::start)
                .thenComparing(Comparator.comparingInt(Hit::end).reversed())
                .thenComparingDouble((Hit hit) -> -index.feature(hit.entry().feature()).weight())
                .thenComparingInt(hit -> hit.entry().feature()));
        List<Hit> kept = new ArrayList<>();
        int field = -1;
        int coveredTo = -1;
        for (Hit hit : terms) {
            if (hit.field() != field) {
                field = hit.field();
                coveredTo = -1;
            }
            if (hit.end() <= coveredTo) {
                continue;
            }
            kept.add(hit);
            coveredTo = hit.end();
        }
        return kept;
    }

    /**
     * Occurrences of the topic's co-occurrence rules: a left hit and the nearest right hit that does
     * not overlap it (so a phrase never pairs with a word inside itself); one hit pairs at most once
     * per rule.
     */
    private List<Occurrence> pairs(int topic, List<Hit> hits, FoldedText[] fields) {
        List<Feature> nears = index.nearFeatures(topic);
        if (nears.isEmpty()) {
            return List.of();
        }
        List<Occurrence> found = new ArrayList<>();
        for (Feature near : nears) {
            List<Hit> left = new ArrayList<>();
            List<Hit> right = new ArrayList<>();
            for (Hit hit : hits) {
                if (hit.entry().feature() == near.id()) {
                    (hit.entry().role() == Role.NEAR_LEFT ? left : right).add(hit);
                }
            }
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            boolean[] used = new boolean[right.size()];
            for (Hit a : left) {
                int best = -1;
                int bestDistance = Integer.MAX_VALUE;
                for (int j = 0; j < right.size(); j++) {
                    Hit b = right.get(j);
                    if (used[j] || b.field() != a.field() || b.overlaps(a)) {
                        continue;
                    }
                    int distance = distance(a, b, fields[a.field()]);
                    if (distance <= near.window() && distance < bestDistance) {
                        best = j;
                        bestDistance = distance;
                    }
                }
                if (best >= 0) {
                    used[best] = true;
                    Hit b = right.get(best);
                    found.add(new Occurrence(near, a.field(), Math.min(a.start(), b.start()), List.of(a, b)));
                }
            }
        }
        // The same pair matched by rules of two languages (English words used in Malay text) counts once.
        found.sort(Comparator.comparingDouble((Occurrence o) -> -o.feature().weight()).thenComparingInt(o -> o.feature().id()));
        Set<String> seen = new HashSet<>();
        List<Occurrence> unique = new ArrayList<>();
        for (Occurrence occurrence : found) {
            Hit a = occurrence.support().get(0);
            Hit b = occurrence.support().get(1);
            if (seen.add(a.field() + ":" + a.start() + ":" + b.start())) {
                unique.add(occurrence);
            }
        }
        return unique;
    }

    private static int distance(Hit a, Hit b, FoldedText text) {
        Hit first = a.start() < b.start() ? a : b;
        Hit second = first == a ? b : a;
        return text.wordPosition(second.start()) - text.wordPosition(first.end() - 1);
    }

    private static List<Evidence> evidence(List<Hit> support, FoldedText[] fields) {
        support.sort(Comparator.comparingInt(Hit::field).thenComparingInt(Hit::start).thenComparingInt(Hit::end));
        Map<String, Evidence> unique = new LinkedHashMap<>();
        for (Hit hit : support) {
            if (unique.size() == MAX_EVIDENCE) {
                break;
            }
            FoldedText text = fields[hit.field()];
            String key = hit.field() + ":" + hit.start() + ":" + hit.end();
            unique.computeIfAbsent(key, k -> new Evidence(
                    text.slice(hit.start(), hit.end()),
                    FIELD_NAMES[hit.field()],
                    text.originalStart(hit.start()),
                    text.originalEnd(hit.end())));
        }
        return List.copyOf(unique.values());
    }
}
