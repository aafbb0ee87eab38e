package org.ronda.alerts.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ronda.alerts.match.BruteForceMatcher;
import org.ronda.alerts.match.SubscriptionMatcher;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Subscription;

/**
 * {@code ./ronda bench alerts}, first part: articles per second matched against 10,000
 * subscriptions by Lucene's monitor and by the brute-force loop, in the same run on the same
 * articles, with a check that both find the same matches. One thread, no engine.
 *
 * <p>Arguments: output file (rewritten), then optionally the number of subscriptions (default 10,000).
 * System property {@code bench.matching-seconds}: measuring time of each of the two rates
 * (default 5; the whole part then takes well under a minute).
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/alerts-matching.txt");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        BenchCorpus corpus = new BenchCorpus();
        List<EnrichedArticle> articles = corpus.articles();
        List<Subscription> subs = corpus.subscriptions(n, 20261128L);

        long t0 = System.nanoTime();
        SubscriptionMatcher monitor = new SubscriptionMatcher();
        monitor.savedAll(subs);
        double registerSeconds = (System.nanoTime() - t0) / 1e9;
        BruteForceMatcher brute = new BruteForceMatcher();
        subs.forEach(brute::add);

        // Warm both up, and check they agree article by article.
        long matches = 0;
        int disagreements = 0;
        for (EnrichedArticle a : articles) {
            Set<String> m = monitor.match(a);
            Set<String> b = brute.match(a);
            matches += b.size();
            if (!m.equals(b)) {
                disagreements++;
            }
        }
        double seconds = Double.parseDouble(System.getProperty("bench.matching-seconds", "5"));
        double[] monitorRates = rate(articles, seconds, a -> monitor.match(a).size());
        double[] bruteRates = rate(articles, seconds, a -> brute.match(a).size());
        double monitorRate = monitorRates[0];
        double bruteRate = bruteRates[0];

        List<String> lines = new ArrayList<>();
        lines.add("alerts matching benchmark (one thread, in memory)");
        lines.add(String.format("subscriptions: %,d generated from the sample's own words (%,d words); articles: %d sample articles in %d languages",
                n, corpus.vocabulary(), articles.size(), articles.stream().map(a -> a.enrichment().language()).distinct().count()));
        lines.add(String.format("registration of %,d subscriptions in the monitor: %.1f s", n, registerSeconds));
        lines.add(String.format("matches per article: %.1f on average; monitor and brute force disagree on %d of %d articles",
                (double) matches / articles.size(), disagreements, articles.size()));
        lines.add("                                   per second of wall time / per second of this thread's CPU");
        lines.add(String.format("monitor, one article at a time:   %,10.0f / %,10.0f articles/s", monitorRate, monitorRates[1]));
        lines.add(String.format("brute force over every query:     %,10.0f / %,10.0f articles/s", bruteRate, bruteRates[1]));
        lines.add(String.format("(each rate measured over %.0f s after one pass of warm-up)", seconds));
        lines.add(String.format("ratio monitor / brute force: %.1fx; on CPU time %.1fx", monitorRate / bruteRate,
                monitorRates[1] / bruteRates[1]));
        lines.forEach(System.out::println);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        monitor.close();
        if (disagreements > 0) {
            System.exit(1);
        }
    }

    private interface Work {
        int run(EnrichedArticle a);
    }

    /**
     * Articles per second over at least {@code seconds}: per second of wall time, and per second of
     * this thread's CPU time (which other work on a shared machine disturbs much less).
     */
    private static double[] rate(List<EnrichedArticle> articles, double seconds, Work work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long done = 0;
        long sink = 0;
        while (System.nanoTime() - start < seconds * 1e9) {
            for (EnrichedArticle a : articles) {
                sink += work.run(a);
                done++;
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (sink < 0) {
            System.out.println(sink);
        }
        return new double[] {done / elapsed, done / cpu};
    }
}
