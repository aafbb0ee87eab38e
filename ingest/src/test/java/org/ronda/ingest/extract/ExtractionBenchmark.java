package org.ronda.ingest.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures article extraction on the fixture set: body-text precision, recall and F1 per page and
 * overall (micro: shingles pooled over all pages; macro: mean of the pages' figures), metadata
 * agreement, and pages per second on one core for pages padded to about 100 KB with site
 * boilerplate (menus, scripts, footers), as pages of the region's portals weigh.
 *
 * <p>Then CPU time per page of jsoup's parser alone beside {@link ArticleExtractor} on the pipeline
 * benchmark's generated pages ({@link SyntheticPagesCpu}), and, with {@code --ingest N}, of the whole
 * packaged ingest process over N generated pages on the given Kafka ({@link IngestProcessCpu}).
 *
 * <pre>
 * java -cp ... org.ronda.ingest.extract.ExtractionBenchmark [REPORT_FILE] [--fixtures DIR] [--warmup SECONDS] [--seconds SECONDS]
 *     [--generated-pages N] [--ingest N] [--kafka HOST:PORT] [--ingest-jar JAR]
 * </pre>
 *
 * Prints the report and writes it to {@code REPORT_FILE} (default {@code target/bench/extraction.txt}).
 * Exits 0 when it ran, whether or not the targets were met (the report says), 2 on bad arguments.
 */
public final class ExtractionBenchmark {

    static final double F1_TARGET = 0.95;
    static final double PAGES_PER_SECOND_TARGET = 200;
    static final int PADDED_PAGE_BYTES = 100 * 1024;
    /** The clock of the fixtures: after every page was published. */
    static final Instant FIXTURE_CLOCK = Instant.parse("2026-11-28T00:00:00Z");

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of("target/bench/extraction.txt");
        Path fixtures = null;
        double warmupSeconds = 3;
        double measureSeconds = 6;
        int generatedPages = 2000;
        int ingestPages = 0;
        String kafka = "127.0.0.1:19092";
        Path ingestJar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fixtures" -> fixtures = Path.of(value(args, ++i));
                case "--warmup" -> warmupSeconds = Double.parseDouble(value(args, ++i));
                case "--seconds" -> measureSeconds = Double.parseDouble(value(args, ++i));
                case "--generated-pages" -> generatedPages = Integer.parseInt(value(args, ++i));
                case "--ingest" -> ingestPages = Integer.parseInt(value(args, ++i));
                case "--kafka" -> kafka = value(args, ++i);
                case "--ingest-jar" -> ingestJar = Path.of(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.println("usage: ExtractionBenchmark [REPORT_FILE] [--fixtures DIR] [--warmup SECONDS] [--seconds SECONDS]"
                            + " [--generated-pages N (0: skip)] [--ingest N (whole ingest process over N generated pages; needs Kafka)]"
                            + " [--kafka HOST:PORT] [--ingest-jar JAR]");
                    return;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        System.err.println("unknown option " + args[i]);
                        System.exit(2);
                    }
                    report = Path.of(args[i]);
                }
            }
        }
        String text = run(fixtures == null ? ExtractionFixture.defaultDirectory() : fixtures, warmupSeconds, measureSeconds);
        if (generatedPages > 0) {
            text += "\n" + SyntheticPagesCpu.measure(generatedPages, 3).describe();
        }
        if (ingestPages > 0) {
            text += "\n" + IngestProcessCpu.measure(ingestPages, ingestJar != null ? ingestJar : IngestProcessCpu.defaultJar(), kafka, 18187)
                    .describe();
        }
        System.out.print(text);
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, text, StandardCharsets.UTF_8);
        System.out.println("report written to " + report.toAbsolutePath());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("option " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    static String run(Path directory, double warmupSeconds, double measureSeconds) throws IOException, ExtractionException {
        List<ExtractionFixture> fixtures = ExtractionFixture.loadAll(directory);
        if (fixtures.isEmpty()) {
            throw new IllegalStateException("no fixtures in " + directory);
        }
        ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(FIXTURE_CLOCK, ZoneOffset.UTC));
        ShingleScorer scorer = new ShingleScorer();
        StringBuilder out = new StringBuilder();
        Map<String, Integer> languages = new TreeMap<>();
        fixtures.forEach(f -> languages.merge(f.language(), 1, Integer::sum));
        out.append("Ronda article extraction benchmark\n")
                .append(String.format(Locale.ROOT, "fixtures: %d pages from %s; languages: %s%n", fixtures.size(), directory, languages))
                .append("body text: precision, recall and F1 on 4-token shingles of \\w+ tokens (Unicode, lower-cased); ")
                .append(scorer.segmentation()).append("\n\n")
                .append(String.format(Locale.ROOT, "%-48s %-4s %6s %6s %6s  %s%n", "fixture", "lang", "P", "R", "F1", "metadata"));

        ShingleScorer.Score micro = new ShingleScorer.Score(0, 0, 0);
        double sumP = 0;
        double sumR = 0;
        double sumF1 = 0;
        int metadataExact = 0;
        List<String> notes = new ArrayList<>();
        for (ExtractionFixture fixture : fixtures) {
            ExtractedArticle extracted = fixture.extractWith(extractor);
            ShingleScorer.Score score = scorer.score(extracted.text(), fixture.expected());
            micro = micro.plus(score);
            sumP += score.precision();
            sumR += score.recall();
            sumF1 += score.f1();
            List<String> mismatches = fixture.metadataMismatches(extracted);
            if (mismatches.isEmpty()) {
                metadataExact++;
            } else {
                notes.add(fixture.name() + ": " + String.join("; ", mismatches));
            }
            out.append(String.format(Locale.ROOT, "%-48s %-4s %6.3f %6.3f %6.3f  %s%n", fixture.name(), fixture.language(),
                    score.precision(), score.recall(), score.f1(), mismatches.isEmpty() ? "ok" : mismatches.size() + " differ"));
        }
        int n = fixtures.size();
        double macroF1 = sumF1 / n;
        out.append('\n')
                .append(String.format(Locale.ROOT, "overall micro: P %.3f  R %.3f  F1 %.3f  (%d shingles expected)%n",
                        micro.precision(), micro.recall(), micro.f1(), micro.expected()))
                .append(String.format(Locale.ROOT, "overall macro: P %.3f  R %.3f  F1 %.3f%n", sumP / n, sumR / n, macroF1))
                .append(String.format(Locale.ROOT, "metadata: %d of %d pages with title, author, published, updated, lang, canonical URL, "
                        + "lead image and partial flag all as expected%n", metadataExact, n));
        for (String note : notes) {
            out.append("  ").append(note).append('\n');
        }

        Throughput throughput = throughput(fixtures, extractor, scorer, warmupSeconds, measureSeconds);
        out.append('\n')
                .append(String.format(Locale.ROOT, "throughput: %.0f pages/s per core (one thread; %d pages padded to %.0f KB on average; "
                                + "%.1f s measured after %.1f s warm-up; %d pages extracted)%n",
                        throughput.pagesPerSecond(), fixtures.size(), throughput.averageKilobytes(), measureSeconds, warmupSeconds,
                        throughput.pages()))
                .append(String.format(Locale.ROOT, "padded pages: micro F1 %.3f (padding must not change extraction)%n", throughput.paddedF1()))
                .append(String.format(Locale.ROOT, "targets: F1 >= %.2f: micro %s, macro %s; >= %.0f pages/s per core: %s%n", F1_TARGET,
                        micro.f1() >= F1_TARGET ? "met" : "MISSED", macroF1 >= F1_TARGET ? "met" : "MISSED", PAGES_PER_SECOND_TARGET,
                        throughput.pagesPerSecond() >= PAGES_PER_SECOND_TARGET ? "met" : "MISSED"));
        return out.toString();
    }

    record Throughput(double pagesPerSecond, long pages, double averageKilobytes, double paddedF1) {
    }

    private static Throughput throughput(List<ExtractionFixture> fixtures, ArticleExtractor extractor, ShingleScorer scorer,
            double warmupSeconds, double measureSeconds) throws IOException, ExtractionException {
        List<byte[]> pages = new ArrayList<>();
        long bytes = 0;
        ShingleScorer.Score padded = new ShingleScorer.Score(0, 0, 0);
        for (ExtractionFixture fixture : fixtures) {
            byte[] page = PagePadding.pad(new String(fixture.page(), StandardCharsets.UTF_8), PADDED_PAGE_BYTES, fixture.name())
                    .getBytes(StandardCharsets.UTF_8);
            pages.add(page);
            bytes += page.length;
            ExtractedArticle extracted = extractor.extract(new ByteArrayInputStream(page), null, fixture.url());
            padded = padded.plus(scorer.score(extracted.text(), fixture.expected()));
        }
        List<java.net.URI> urls = fixtures.stream().map(ExtractionFixture::url).toList();
        long sink = 0;
        long deadline = System.nanoTime() + (long) (warmupSeconds * 1e9);
        for (int i = 0; System.nanoTime() < deadline; i++) {
            sink += extractor.extract(new ByteArrayInputStream(pages.get(i % pages.size())), null, urls.get(i % pages.size())).text().length();
        }
        long start = System.nanoTime();
        long end = start + (long) (measureSeconds * 1e9);
        long count = 0;
        long now = start;
        while (now < end) {
            int i = (int) (count % pages.size());
            sink += extractor.extract(new ByteArrayInputStream(pages.get(i)), null, urls.get(i)).text().length();
            count++;
            now = System.nanoTime();
        }
        if (sink == 42) {
            System.out.print("");
        }
        double seconds = (now - start) / 1e9;
        return new Throughput(count / seconds, count, bytes / 1024.0 / pages.size(), padded.f1());
    }
}
