package org.ronda.enrich.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.enrich.cluster.StoryClusterer;
import org.ronda.enrich.tag.ArticleEnricher;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;
import org.ronda.sample.synthetic.SyntheticCorpus;
import org.ronda.tagging.RuleSet;
import org.ronda.tagging.TopicTagger;
import org.ronda.tagging.language.LanguageDetector;
import org.ronda.tagging.organisation.OrganisationTagger;
import org.ronda.tagging.place.CountryTagger;

/**
 * CPU time per article of the enricher's work on one raw record, without Kafka: JSON decode,
 * {@link ArticleEnricher#enrich} (language, topics, countries, organisations, story cluster) and
 * JSON encode, on the same synthetic articles the pipeline benchmark generates ({@link SyntheticCorpus},
 * seed 7, text = paragraphs separated by blank lines as ingest extracts them).
 *
 * <p>What it prints: process CPU (every thread, so work a library hands to other threads counts)
 * and the loop thread's CPU per article over a measured pass of N articles, after a warm-up pass
 * on a separate enricher; then the same stages timed one by one with the process CPU clock; and a
 * SHA-256 of every enriched event written (with a fixed clock), so two builds can be compared for
 * identical output as well as for speed. Arguments: {@code [output-file] [N] [warm-up N]}.
 */
public final class EnrichCpuBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");

    private EnrichCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/enrich-cpu.txt");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        StringBuilder report = new StringBuilder();
        List<String> records = rawRecords(n);
        List<String> warmRecords = records.subList(0, Math.min(warmUp, records.size()));
        LanguageDetector.preload();
        RuleSet rules = RuleSet.loadDefault();
        TopicTagger tagger = new TopicTagger(rules);
        CountryTagger countries = CountryTagger.loadDefault();
        OrganisationTagger organisations = OrganisationTagger.loadDefault();
        LanguageDetector languages = new LanguageDetector();

        // Warm-up on an enricher of its own, so the measured pass clusters from an empty window.
        run(enricher(tagger, languages, countries, organisations), warmRecords, null);
        breakdown(tagger, languages, countries, organisations, warmRecords, null);

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        System.gc();
        long process0 = os.getProcessCpuTime();
        long thread0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        run(enricher(tagger, languages, countries, organisations), records, digest);
        long wall = System.nanoTime() - wall0;
        long thread = threads.getCurrentThreadCpuTime() - thread0;
        long process = os.getProcessCpuTime() - process0;
        String sha = HexFormat.of().formatHex(digest.digest());

        line(report, "enrich CPU per article: %d synthetic articles (seed 7, avg %.0f bytes of raw JSON), warm-up %d, %d processors, load average %.2f",
                n, records.stream().mapToInt(String::length).average().orElse(0), warmRecords.size(),
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        line(report, "  decode + enrich + encode: process CPU %.3f ms/article, loop thread CPU %.3f ms/article, wall %.3f ms/article",
                process / 1e6 / n, thread / 1e6 / n, wall / 1e6 / n);
        breakdown(tagger, languages, countries, organisations, records, report);
        line(report, "  output SHA-256 (enriched events, fixed clock): %s", sha);
        System.out.print(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
    }

    private static ArticleEnricher enricher(TopicTagger tagger, LanguageDetector languages, CountryTagger countries,
            OrganisationTagger organisations) {
        return new ArticleEnricher(tagger, languages, countries, organisations, new StoryClusterer(Duration.ofHours(72), 0.5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void run(ArticleEnricher enricher, List<String> records, MessageDigest digest) {
        for (String record : records) {
            String json = EventCodec.encode(enricher.enrich(EventCodec.decodeRaw(record)));
            if (digest != null) {
                digest.update(json.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Process CPU of each stage, one at a time over all records, in the order the enricher runs them.
     * Process rather than thread CPU, because Lingua hands part of each detection to the common
     * fork-join pool; garbage collection and compilation fall on the stage that was running.
     */
    private static long[] breakdown(TopicTagger tagger, LanguageDetector languages, CountryTagger countries,
            OrganisationTagger organisations, List<String> records, StringBuilder report) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String[] names = {"JSON decode", "language", "topics", "countries", "organisations", "story cluster", "JSON encode"};
        long[] nanos = new long[names.length];
        StoryClusterer clusterer = new StoryClusterer(Duration.ofHours(72), 0.5);
        for (String record : records) {
            long t0 = os.getProcessCpuTime();
            RawArticle raw = EventCodec.decodeRaw(record);
            long t1 = os.getProcessCpuTime();
            String hint = raw.language() != null ? raw.language() : raw.source().language();
            String language = languages.detect(raw.title(), raw.text(), hint).language();
            long t2 = os.getProcessCpuTime();
            var topics = tagger.tag(raw.title(), raw.text(), language);
            long t3 = os.getProcessCpuTime();
            var places = countries.tag(raw.title(), raw.text());
            long t4 = os.getProcessCpuTime();
            var bodies = organisations.tag(raw.title(), raw.text());
            long t5 = os.getProcessCpuTime();
            var cluster = clusterer.assign(raw.articleId(), raw.title(), raw.text(), raw.fetchedAt());
            long t6 = os.getProcessCpuTime();
            String json = EventCodec.encode(List.of(raw, topics, places, bodies, cluster.clusterId()));
            long t7 = os.getProcessCpuTime();
            long[] t = {t0, t1, t2, t3, t4, t5, t6, t7};
            for (int i = 0; i < names.length; i++) {
                nanos[i] += t[i + 1] - t[i];
            }
            if (json.isEmpty()) {
                throw new IllegalStateException("empty encoding");
            }
        }
        if (report != null) {
            long total = 0;
            for (long v : nanos) {
                total += v;
            }
            line(report, "  stages one by one (process CPU; total %.3f ms/article):", total / 1e6 / records.size());
            for (int i = 0; i < names.length; i++) {
                line(report, "    %-14s %7.3f ms/article  %5.1f%%", names[i], nanos[i] / 1e6 / records.size(), 100.0 * nanos[i] / total);
            }
        }
        return nanos;
    }

    /** The raw records ingest would publish for the first {@code n} synthetic archive articles. */
    static List<String> rawRecords(int n) {
        SampleCorpus sample = SampleCorpus.load();
        SyntheticCorpus synthetic = SyntheticCorpus.generate(sample, n, 0, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), 7);
        List<String> records = new ArrayList<>(n);
        int i = 0;
        for (SampleArticle a : synthetic.archive()) {
            Outlet outlet = sample.outletOf(a);
            String url = "http://127.0.0.1:8090/" + outlet.id() + "/" + a.section() + "/" + a.slug();
            Instant fetched = NOW.plusMillis(10L * i);
            RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION,
                    UUID.nameUUIDFromBytes(("raw-" + i).getBytes(StandardCharsets.UTF_8)).toString(), ArticleIds.of(url),
                    fetched, url, "http://127.0.0.1:8090" + outlet.feedPath(),
                    new SourceRef(outlet.id(), outlet.name(), outlet.country(), outlet.language(), "media"),
                    a.title(), String.join("\n\n", a.paragraphs()), a.author(), a.published().toInstant(), a.lang(), fetched,
                    null, null, null, false, null);
            records.add(EventCodec.encode(raw));
            i++;
        }
        return records;
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
