package org.ronda.tagging.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.Taxonomy;
import org.ronda.contracts.TopicTag;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.bench.DevSet.Article;

/**
 * Quality of a {@link TopicTagger} on the dev set: precision, recall and F1 per topic and per
 * language, micro-F1, and the share of negatives (articles without a label) that got any tag.
 *
 * <p>The targets apply to the languages TAXONOMY.md requires ({@link DevSet#REQUIRED_LANGUAGES}).
 * Articles in other languages (Khmer, Burmese, Chinese: best-effort rules) are reported beside, for
 * information, and do not count toward the targets.
 */
public final class Evaluation {

    public static final double TARGET_MICRO_F1 = 0.92;
    public static final double TARGET_LANGUAGE_F1 = 0.85;
    public static final double TARGET_NEGATIVES_TAGGED = 0.03;
    public static final double TARGET_ARTICLES_PER_SECOND = 5_000;

    /** True positives, false positives and false negatives of (article, topic) decisions. */
    public static final class Counts {
        private int tp;
        private int fp;
        private int fn;

        void add(boolean expected, boolean tagged) {
            if (expected && tagged) {
                tp++;
            } else if (tagged) {
                fp++;
            } else if (expected) {
                fn++;
            }
        }

        void add(Counts other) {
            tp += other.tp;
            fp += other.fp;
            fn += other.fn;
        }

        public int tp() {
            return tp;
        }

        public int fp() {
            return fp;
        }

        public int fn() {
            return fn;
        }

        /** 1 when nothing was tagged (no false positive possible). */
        public double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        /** 1 when nothing was expected. */
        public double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        /** 1 when there was nothing to find and nothing was tagged. */
        public double f1() {
            return 2 * tp + fp + fn == 0 ? 1 : 2.0 * tp / (2 * tp + fp + fn);
        }
    }

    /** The tagger's decision on one article. */
    public record Outcome(Article article, List<TopicTag> tags) {

        public Set<String> actual() {
            return tags.stream().map(TopicTag::topic).collect(Collectors.toCollection(TreeSet::new));
        }

        public Set<String> missed() {
            Set<String> missed = new TreeSet<>(article.topics());
            missed.removeAll(actual());
            return missed;
        }

        public Set<String> extra() {
            Set<String> extra = actual();
            extra.removeAll(article.topics());
            return extra;
        }

        public boolean exact() {
            return actual().equals(new TreeSet<>(article.topics()));
        }

        public boolean required() {
            return DevSet.REQUIRED_LANGUAGES.contains(article.lang());
        }
    }

    private final String rulesVersion;
    private final List<Outcome> outcomes;
    private final Map<String, Counts> byTopic = new LinkedHashMap<>();
    private final Map<String, Counts> byTopicAll = new LinkedHashMap<>();
    private final Map<String, Counts> byLanguage = new LinkedHashMap<>();
    private final Counts micro = new Counts();
    private final Counts microAll = new Counts();

    private Evaluation(String rulesVersion, List<Outcome> outcomes) {
        this.rulesVersion = rulesVersion;
        this.outcomes = List.copyOf(outcomes);
        Taxonomy.TOPIC_IDS.forEach(topic -> {
            byTopic.put(topic, new Counts());
            byTopicAll.put(topic, new Counts());
        });
        DevSet.LANGUAGES.forEach(lang -> {
            if (outcomes.stream().anyMatch(o -> o.article().lang().equals(lang))) {
                byLanguage.put(lang, new Counts());
            }
        });
        for (Outcome outcome : outcomes) {
            Set<String> actual = outcome.actual();
            for (String topic : Taxonomy.TOPIC_IDS) {
                boolean expected = outcome.article().topics().contains(topic);
                boolean tagged = actual.contains(topic);
                Counts one = new Counts();
                one.add(expected, tagged);
                byTopicAll.get(topic).add(one);
                byLanguage.computeIfAbsent(outcome.article().lang(), l -> new Counts()).add(one);
                microAll.add(one);
                if (outcome.required()) {
                    byTopic.get(topic).add(one);
                    micro.add(one);
                }
            }
        }
    }

    /** Tags every article with {@code tagger}. */
    public static Evaluation run(TopicTagger tagger, List<Article> articles) {
        List<Outcome> outcomes = new ArrayList<>(articles.size());
        for (Article article : articles) {
            outcomes.add(new Outcome(article, tagger.tag(article.title(), article.text(), article.lang())));
        }
        return new Evaluation(tagger.rulesVersion(), outcomes);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    /** Per topic, over the required languages. */
    public Map<String, Counts> byTopic() {
        return byTopic;
    }

    public Map<String, Counts> byLanguage() {
        return byLanguage;
    }

    /** Micro-averaged over every (article, topic) decision of the required languages. */
    public Counts micro() {
        return micro;
    }

    /** Micro-averaged over every article, all languages. */
    public Counts microAll() {
        return microAll;
    }

    /** Share of the negatives of the required languages that got any tag. */
    public double negativesTagged() {
        return share(outcomes.stream().filter(Outcome::required).toList());
    }

    public double negativesTaggedAll() {
        return share(outcomes);
    }

    public double negativesTagged(String lang) {
        return share(outcomes.stream().filter(o -> o.article().lang().equals(lang)).toList());
    }

    private static double share(Collection<Outcome> outcomes) {
        List<Outcome> negatives = outcomes.stream().filter(o -> o.article().negative()).toList();
        if (negatives.isEmpty()) {
            return 0;
        }
        return (double) negatives.stream().filter(o -> !o.tags().isEmpty()).count() / negatives.size();
    }

    /** The quality targets not reached, one line each; empty when all are met. */
    public List<String> missedTargets() {
        List<String> missed = new ArrayList<>();
        if (micro.f1() < TARGET_MICRO_F1) {
            missed.add(String.format(Locale.ROOT, "micro-F1 %.3f < %.2f", micro.f1(), TARGET_MICRO_F1));
        }
        for (String lang : DevSet.REQUIRED_LANGUAGES) {
            Counts counts = byLanguage.get(lang);
            if (counts == null) {
                missed.add("language " + lang + " has no dev-set articles");
            } else if (counts.f1() < TARGET_LANGUAGE_F1) {
                missed.add(String.format(Locale.ROOT, "%s F1 %.3f < %.2f", lang, counts.f1(), TARGET_LANGUAGE_F1));
            }
        }
        if (negativesTagged() > TARGET_NEGATIVES_TAGGED) {
            missed.add(String.format(Locale.ROOT, "negatives tagged %.1f%% > %.0f%%", 100 * negativesTagged(), 100 * TARGET_NEGATIVES_TAGGED));
        }
        return missed;
    }

    /** The quality report: figures beside their targets, tables, then every wrong article. */
    public String report() {
        StringBuilder out = new StringBuilder();
        long articles = outcomes.size();
        long negatives = outcomes.stream().filter(o -> o.article().negative()).count();
        long exact = outcomes.stream().filter(Outcome::exact).count();
        out.append(String.format(Locale.ROOT, "rules %s; dev set %d articles, %d negatives (%.1f%%), %d exactly right (%.1f%%)%n",
                rulesVersion, articles, negatives, 100.0 * negatives / articles, exact, 100.0 * exact / articles));
        out.append("targets apply to ").append(String.join(" ", DevSet.REQUIRED_LANGUAGES))
                .append(" (TAXONOMY.md); other languages are shown for information\n\n");

        out.append("QUALITY                              value   target\n");
        out.append(line("micro-F1 (required languages)", micro.f1(), ">= " + fmt(TARGET_MICRO_F1), micro.f1() >= TARGET_MICRO_F1));
        out.append(String.format(Locale.ROOT, "  %-31s %6.3f   (P %.3f, R %.3f)%n", "micro-F1 (all languages)", microAll.f1(),
                microAll.precision(), microAll.recall()));
        for (String lang : DevSet.REQUIRED_LANGUAGES) {
            Counts c = byLanguage.get(lang);
            double f1 = c == null ? 0 : c.f1();
            out.append(line("F1 " + lang, f1, ">= " + fmt(TARGET_LANGUAGE_F1), f1 >= TARGET_LANGUAGE_F1));
        }
        double neg = negativesTagged();
        out.append(String.format(Locale.ROOT, "  %-31s %5.1f%%   <= %.0f%%   %s%n", "negatives tagged (required)", 100 * neg,
                100 * TARGET_NEGATIVES_TAGGED, neg <= TARGET_NEGATIVES_TAGGED ? "OK" : "MISSED"));
        out.append(String.format(Locale.ROOT, "  %-31s %5.1f%%%n%n", "negatives tagged (all)", 100 * negativesTaggedAll()));

        out.append("PER TOPIC (required languages)\n");
        out.append(String.format(Locale.ROOT, "  %-22s %4s %4s %4s %4s %6s %6s %6s   %s%n", "topic", "pos", "tp", "fp", "fn", "P", "R", "F1",
                "all languages: tp/fp/fn F1"));
        for (String topic : Taxonomy.TOPIC_IDS) {
            Counts c = byTopic.get(topic);
            Counts a = byTopicAll.get(topic);
            out.append(String.format(Locale.ROOT, "  %-22s %4d %4d %4d %4d %6.3f %6.3f %6.3f   %d/%d/%d %.3f%n", topic, c.tp() + c.fn(),
                    c.tp(), c.fp(), c.fn(), c.precision(), c.recall(), c.f1(), a.tp(), a.fp(), a.fn(), a.f1()));
        }
        out.append(String.format(Locale.ROOT, "  %-22s %4d %4d %4d %4d %6.3f %6.3f %6.3f%n%n", "micro", micro.tp() + micro.fn(), micro.tp(),
                micro.fp(), micro.fn(), micro.precision(), micro.recall(), micro.f1()));

        out.append("PER LANGUAGE\n");
        out.append(String.format(Locale.ROOT, "  %-4s %5s %4s %4s %4s %4s %6s %6s %6s %9s%n", "lang", "arts", "neg", "tp", "fp", "fn", "P", "R",
                "F1", "negTagged"));
        for (var entry : byLanguage.entrySet()) {
            String lang = entry.getKey();
            Counts c = entry.getValue();
            List<Outcome> of = outcomes.stream().filter(o -> o.article().lang().equals(lang)).toList();
            long negs = of.stream().filter(o -> o.article().negative()).count();
            out.append(String.format(Locale.ROOT, "  %-4s %5d %4d %4d %4d %4d %6.3f %6.3f %6.3f %8.1f%%%s%n", lang, of.size(), negs, c.tp(),
                    c.fp(), c.fn(), c.precision(), c.recall(), c.f1(), 100 * negativesTagged(lang),
                    DevSet.REQUIRED_LANGUAGES.contains(lang) ? "" : "   (best effort; information only)"));
        }

        List<Outcome> wrong = outcomes.stream().filter(o -> !o.exact()).toList();
        out.append("\nWRONG ARTICLES (").append(wrong.size()).append("): missed = labelled but not tagged, extra = tagged but not labelled\n");
        for (Outcome o : wrong) {
            Article a = o.article();
            out.append("  ").append(a.id()).append(" [").append(a.lang()).append("] ").append(a.title()).append('\n');
            out.append("      expected ").append(a.topics()).append(", got ")
                    .append(o.tags().stream().map(t -> t.topic() + String.format(Locale.ROOT, "=%.1f", t.score())).toList());
            if (!o.missed().isEmpty()) {
                out.append("; missed ").append(o.missed());
            }
            if (!o.extra().isEmpty()) {
                out.append("; extra ").append(o.extra());
            }
            out.append('\n');
            for (TopicTag tag : o.tags()) {
                if (o.extra().contains(tag.topic())) {
                    out.append("      ").append(tag.topic()).append(" evidence: ")
                            .append(tag.evidence().stream().map(Evidence::term).distinct().limit(12)
                                    .collect(Collectors.joining(" | ")))
                            .append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String line(String label, double value, String target, boolean ok) {
        return String.format(Locale.ROOT, "  %-31s %6.3f   %-6s   %s%n", label, value, target, ok ? "OK" : "MISSED");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
