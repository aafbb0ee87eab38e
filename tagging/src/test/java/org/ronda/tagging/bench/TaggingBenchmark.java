package org.ronda.tagging.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.bench.DevSet.Article;

/**
 * Quality and speed of the default rules on the dev set.
 *
 * <p>Quality: tags every dev-set article ({@link DevSet}) and reports precision, recall and F1 per
 * topic and per language, micro-F1 and the share of negatives that got any tag ({@link Evaluation}).
 *
 * <p>Speed: single thread, articles of about 3,000 characters built by concatenating dev-set texts
 * of one language, tagged round-robin after a warm-up; reports articles per second.
 *
 * <p>Usage: {@code TaggingBenchmark [report-file]} (default {@code target/bench/tagging.txt}).
 * System properties: {@code bench.warmup.seconds} (default 3), {@code bench.seconds} (default 5),
 * {@code bench.chars} (default 3000), {@code bench.devset.dir} (read the dev set from a folder
 * instead of the classpath), {@code bench.rules.dir} (rules from a folder, as
 * {@link RuleSet#load(Path)}, instead of the bundled ones).
 */
public final class TaggingBenchmark {

    private TaggingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "target/bench/tagging.txt");
        double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup.seconds", "3"));
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
        int chars = Integer.getInteger("bench.chars", 3000);

        String devsetDir = System.getProperty("bench.devset.dir");
        List<Article> devset = devsetDir == null ? DevSet.load() : DevSet.load(Path.of(devsetDir));
        if (devset.isEmpty()) {
            throw new IllegalStateException("no dev-set articles found (classpath " + DevSet.RESOURCE_DIR + " or bench.devset.dir)");
        }
        String rulesDir = System.getProperty("bench.rules.dir");
        long loadStart = System.nanoTime();
        RuleSet rules = rulesDir == null ? RuleSet.loadDefault() : RuleSet.load(Path.of(rulesDir));
        TopicTagger tagger = new TopicTagger(rules);
        double loadMillis = (System.nanoTime() - loadStart) / 1e6;

        Evaluation evaluation = Evaluation.run(tagger, devset);

        List<Article> docs = threeKilobyteArticles(devset, chars);
        Throughput throughput = measure(tagger, docs, warmupSeconds, seconds);

        StringBuilder report = new StringBuilder();
        report.append("Ronda tagging benchmark, ").append(Instant.now()).append('\n');
        report.append(String.format(Locale.ROOT, "rules loaded and compiled in %.0f ms; java %s on %s %s, %d processors%n%n", loadMillis,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors()));
        report.append(evaluation.report());
        report.append('\n').append(throughput.report());
        List<String> missed = new ArrayList<>(evaluation.missedTargets());
        if (throughput.articlesPerSecond() < Evaluation.TARGET_ARTICLES_PER_SECOND) {
            missed.add(String.format(Locale.ROOT, "throughput %.0f articles/s < %.0f", throughput.articlesPerSecond(),
                    Evaluation.TARGET_ARTICLES_PER_SECOND));
        }
        report.append("\nTARGETS: ").append(missed.isEmpty() ? "all met" : "missed: " + String.join("; ", missed)).append('\n');

        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(output, report, StandardCharsets.UTF_8);
        System.out.print(report);
        System.out.println("\nwritten to " + output.toAbsolutePath());
    }

    /** Articles of at least {@code chars} characters: dev-set texts of one language, concatenated. */
    static List<Article> threeKilobyteArticles(List<Article> devset, int chars) {
        Map<String, List<Article>> byLanguage = new LinkedHashMap<>();
        for (Article a : devset) {
            byLanguage.computeIfAbsent(a.lang(), l -> new ArrayList<>()).add(a);
        }
        List<Article> docs = new ArrayList<>();
        for (List<Article> same : byLanguage.values()) {
            for (int start = 0; start < same.size(); start++) {
                Article first = same.get(start);
                StringBuilder text = new StringBuilder(chars + 2000);
                for (int i = start; text.length() < chars; i++) {
                    if (text.length() > 0) {
                        text.append("\n\n");
                    }
                    text.append(same.get(i % same.size()).text());
                }
                docs.add(new Article(first.id() + "+", first.lang(), first.title(), text.toString(), List.of(), first.file(), 0));
            }
        }
        return docs;
    }

    record Throughput(int docs, double avgChars, double warmupSeconds, long articles, double seconds, long tags) {

        double articlesPerSecond() {
            return articles / seconds;
        }

        String report() {
            double perSecond = articlesPerSecond();
            return String.format(Locale.ROOT,
                    "THROUGHPUT (one thread)%n"
                            + "  %d distinct articles of %.0f chars on average (dev-set texts of one language concatenated),%n"
                            + "  tagged round-robin for %.1f s after %.1f s of warm-up: %d articles, %d tags%n"
                            + "  %-31s %8.0f   >= %.0f   %s%n"
                            + "  %-31s %8.1f%n"
                            + "  %-31s %8.1f%n",
                    docs, avgChars, seconds, warmupSeconds, articles, tags,
                    "articles/s/core", perSecond, TARGET, perSecond >= TARGET ? "OK" : "MISSED",
                    "microseconds per article", 1e6 / perSecond,
                    "MB of text per second", perSecond * avgChars / 1e6);
        }

        private static final double TARGET = Evaluation.TARGET_ARTICLES_PER_SECOND;
    }

    static Throughput measure(TopicTagger tagger, List<Article> docs, double warmupSeconds, double seconds) {
        double avgChars = docs.stream().mapToInt(d -> d.title().length() + d.text().length()).average().orElse(0);
        run(tagger, docs, (long) (warmupSeconds * 1e9));
        long[] result = run(tagger, docs, (long) (seconds * 1e9));
        return new Throughput(docs.size(), avgChars, warmupSeconds, result[0], result[1] / 1e9, result[2]);
    }

    /** Tags round-robin until {@code nanos} have passed; returns {articles, elapsed nanos, tags}. */
    private static long[] run(TopicTagger tagger, List<Article> docs, long nanos) {
        long start = System.nanoTime();
        long deadline = start + nanos;
        long articles = 0;
        long tags = 0;
        long now;
        int i = 0;
        do {
            // check the clock every 64 articles only
            for (int k = 0; k < 64; k++) {
                Article doc = docs.get(i);
                tags += tagger.tag(doc.title(), doc.text(), doc.lang()).size();
                articles++;
                if (++i == docs.size()) {
                    i = 0;
                }
            }
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {articles, now - start, tags};
    }
}
