package org.ronda.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.TopicDeletion;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;
import org.ronda.sample.synthetic.ReleaseClock;
import org.ronda.sample.synthetic.SyntheticCorpus;
import org.ronda.sample.synthetic.SyntheticNewsServer;

/**
 * The end-to-end benchmark of issue 7 ({@code ./ronda bench pipeline [N]}). Generates N articles
 * from the bundled sample and serves them on 127.0.0.1, runs the packaged ingest, enrich, index and
 * alerts services as processes on fresh topics and a fresh alias, and measures, in one run:
 *
 * <ol>
 *   <li>throughput: all N in paged feeds, one poll, from the first request to the generator until
 *       the last document is searchable (Elasticsearch {@code _count}, no refresh forced);
 *   <li>latency at half that rate: live feeds release items at R/2; per item, feed fetch (and
 *       appearance) to searchable (an {@code ids} query every 100 ms) and to the first webhook alert;
 *   <li>the stream alone: a fresh enrich and index pair on fresh groups re-reads every raw event
 *       from Kafka into a fresh alias;
 *   <li>baselines: the same final documents through a plain {@code _bulk} loader, the same raw
 *       records through Kafka's ProducerPerformance and ConsumerPerformance, jsoup and the ingest
 *       extractor alone on the same pages;
 *   <li>peak resident memory of every process, Kafka and Elasticsearch included.
 * </ol>
 *
 * Arguments: {@code OUTPUT_FILE [N]}. Settings (system properties): {@code bench.kafka},
 * {@code bench.elastic}, {@code bench.kafka-lib} (the Kafka jars, for the perf tools),
 * {@code bench.kafka-pid}, {@code bench.es-pid}, {@code bench.results-md} (the versioned results
 * file to append to), {@code bench.commit}, {@code bench.kafka-version},
 * {@code bench.latency-seconds} (60), {@code bench.keep} (keep topics and indices), {@code ronda.repo}.
 */
public final class PipelineBenchmark {

    private static final double STREAM_VS_BULK_TARGET = 0.60;
    private static final double INGEST_PAGES_PER_CORE_TARGET = 200;
    private static final double INGEST_VS_PARSE_TARGET = 0.70;
    private static final double P99_SEARCHABLE_TARGET_MS = 2000;
    private static final double P99_ALERT_TARGET_MS = 3000;
    /** Items released in the first seconds after the live ingest is ready are warm-up, not measured. */
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int PARSE_SAMPLE_PAGES = 2000;

    private final String kafka = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private final String elasticUrl = System.getProperty("bench.elastic", "http://127.0.0.1:19200");
    private final Path repo = Path.of(System.getProperty("ronda.repo", ".")).toAbsolutePath().normalize();
    private final String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Elastic elastic = new Elastic(elasticUrl, http);
    private final StringBuilder report = new StringBuilder();
    private final Map<String, BenchProcess> processes = new LinkedHashMap<>();
    private final List<String> verdicts = new ArrayList<>();
    private final Path work;
    private final Path out;
    private final int n;
    private KafkaConsumer<byte[], byte[]> offsets;
    /** Ingest's pages per CPU second in phase 1. */
    private double ingestFigure;

    private PipelineBenchmark(Path out, int n) {
        this.out = out;
        this.n = n;
        this.work = out.toAbsolutePath().getParent().resolve("pipeline-" + run);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: PipelineBenchmark OUTPUT_FILE [N]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        PipelineBenchmark bench = new PipelineBenchmark(Path.of(args[0]), n);
        try {
            bench.run();
        } finally {
            bench.stopAll();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        String startLoad = ProcStats.loadAverage();
        line("Ronda pipeline benchmark (issue 7), run %s", run);
        line("date %s, commit %s", OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                System.getProperty("bench.commit", "unknown"));
        line("machine: %s", machine());
        line("load average at start: %s", startLoad);
        line("N = %d articles", n);

        // Generator
        SampleCorpus sample = SampleCorpus.load();
        int liveSize = Math.max(2_000, Math.min(n, 30_000));
        SyntheticCorpus synthetic = SyntheticCorpus.generate(sample, n, liveSize, OffsetDateTime.now(ZoneOffset.UTC), 7);
        try (SyntheticNewsServer server = SyntheticNewsServer.start(synthetic, 0);
                WebhookReceiver webhooks = new WebhookReceiver()) {
            Path archiveSources = work.resolve("sources-archive.tsv");
            Path liveSources = work.resolve("sources-live.tsv");
            server.writeArchiveSources(archiveSources);
            server.writeLiveSources(liveSources);
            int feeds = synthetic.corpus().outlets().stream().mapToInt(o -> server.archiveFeedUrls(o).size()).sum();
            line("generator: %d outlets, %d archive feeds of up to %d items, %d live items held back, at %s",
                    synthetic.corpus().outlets().size(), feeds, SyntheticNewsServer.ARCHIVE_PAGE_SIZE, liveSize, server.baseUrl());

            Properties p = new Properties();
            p.put("bootstrap.servers", kafka);
            p.put("allow.auto.create.topics", "false");
            p.put("key.deserializer", ByteArrayDeserializer.class.getName());
            p.put("value.deserializer", ByteArrayDeserializer.class.getName());
            offsets = new KafkaConsumer<>(p);

            Map<String, String> common = settings(archiveSources);
            BenchProcess ingest = service("ingest", "ingest", "512m", common, Map.of("ronda.ingest.scheduler-enabled", "false"));
            BenchProcess enrich = service("enrich", "enrich", "768m", common, Map.of());
            BenchProcess index = service("index", "index", "512m", common, Map.of());
            BenchProcess alerts = service("alerts", "alerts", "512m", common, Map.of());
            for (BenchProcess s : List.of(ingest, enrich, index, alerts)) {
                s.start();
            }
            for (BenchProcess s : List.of(ingest, enrich, index, alerts)) {
                s.awaitReady(http, Duration.ofMinutes(3));
            }
            progress("services ready");

            double sustained = throughputPhase(server, ingest, enrich, index);
            latencyPhase(server, synthetic, sample, ingest, liveSources, common, webhooks, sustained);
            for (BenchProcess s : List.of(enrich, index, alerts)) {
                s.close();
            }
            StreamResult stream = streamPhase(common);
            baselines(server, synthetic, stream);
        }
        memory();
        line("");
        line("targets:");
        verdicts.forEach(v -> line("  %s", v));
        line("load average at end: %s", ProcStats.loadAverage());
        write();
        if (!Boolean.getBoolean("bench.keep")) {
            cleanUp();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // phase 1

    private double throughputPhase(SyntheticNewsServer server, BenchProcess ingest, BenchProcess enrich, BenchProcess index)
            throws Exception {
        line("");
        line("phase 1, throughput: all %d articles in the archive feeds, one POST /ingest/poll", n);
        String alias = alias();
        Map<String, Double> cpu0 = cpuNow(ingest, enrich, index);
        double ingestCpu0 = ingest.cpuSeconds();
        long start = System.nanoTime();
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> post(ingest.url("/ingest/poll"), Duration.ofHours(2)));
        long expected = n;
        long pollDone = 0;
        long rawDone = 0;
        long enrichedDone = 0;
        long lastSearchable = 0;
        long lastProgress = System.nanoTime();
        long lastCount = -1;
        double ingestCpu = -1;
        JsonNode pollReport = null;
        List<long[]> samples = new ArrayList<>();
        while (true) {
            long now = System.nanoTime();
            if (pollReport == null && poll.isDone()) {
                pollReport = poll.join();
                pollDone = now;
                ingestCpu = ingest.cpuSeconds() - ingestCpu0;
                expected = pollReport.path("itemOutcomes").path("PUBLISHED").asLong();
                progress("poll done: " + pollReport.path("itemOutcomes"));
            }
            long raw = endOffsets(topic("articles.raw"));
            long enriched = endOffsets(topic("articles.enriched"));
            long count = Math.max(0, elastic.count(alias));
            samples.add(new long[] {now, raw, enriched, count});
            if (rawDone == 0 && raw >= expected && pollReport != null) {
                rawDone = now;
            }
            if (enrichedDone == 0 && enriched >= expected && pollReport != null) {
                enrichedDone = now;
            }
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            if (pollReport != null && count >= expected) {
                lastSearchable = now;
                break;
            }
            if (now - lastProgress > Duration.ofMinutes(3).toNanos()) {
                line("  STOPPED WAITING: no new searchable document for 3 minutes, %d of %d searchable", count, expected);
                lastSearchable = now;
                break;
            }
            if (samples.size() % 40 == 0) {
                progress(String.format("raw %d, enriched %d, searchable %d", raw, enriched, count));
            }
            Thread.sleep(250);
        }
        Map<String, Double> cpu = cpuSince(cpu0, ingest, enrich, index);
        long firstFetch = server.firstRequestNanos();
        long docs = Math.max(0, elastic.count(alias));
        double seconds = (lastSearchable - firstFetch) / 1e9;
        double rate = docs / seconds;
        line("  poll: %s, feed errors %d", pollReport.path("itemOutcomes"), pollReport.path("feedErrors").size());
        line("  first fetch -> last searchable: %d documents in %.1f s = %.1f docs/s (count polled every 250 ms)", docs, seconds, rate);
        line("  steady rate (10%% -> 90%% of documents searchable): %.1f docs/s", steady(samples, 3, docs));
        line("  ingest: all %d published %.1f s after the first fetch = %.1f pages/s; %.1f CPU s -> %.1f pages per CPU second",
                expected, (pollDone - firstFetch) / 1e9, expected / ((pollDone - firstFetch) / 1e9), ingestCpu, expected / ingestCpu);
        double ingestPerCore = expected / ingestCpu;
        line("  raw topic end offsets reached %d at %.1f s; enriched topic end offsets (transaction markers included) at %s",
                expected, (rawDone - firstFetch) / 1e9, enrichedDone == 0 ? "never" : String.format("%.1f s", (enrichedDone - firstFetch) / 1e9));
        line("  steady rates (10%% -> 90%%): raw events %.1f/s, enriched events %.1f/s, searchable %.1f/s",
                steady(samples, 1, expected), steady(samples, 2, expected), steady(samples, 3, docs));
        line("  CPU seconds in phase 1: %s; generator (in the runner) answered %d requests", format(cpu), server.requestCount());
        JsonNode agg = elastic.call("POST", "/" + alias + "/_search", "{\"size\":0,\"aggs\":{\"clusters\":{\"cardinality\":{\"field\":\"clusterId\"}},"
                + "\"untagged\":{\"missing\":{\"field\":\"topics\"}},\"langs\":{\"terms\":{\"field\":\"language\",\"size\":20}}}}");
        StringBuilder langs = new StringBuilder();
        agg.path("aggregations").path("langs").path("buckets").forEach(b -> langs.append(b.path("key").asText()).append(' ')
                .append(b.path("doc_count").asLong() * 100 / Math.max(1, docs)).append("% "));
        line("  documents: %d story clusters (~%d), %d%% without topic (sample: 54%%), languages %s",
                docs, agg.path("aggregations").path("clusters").path("value").asLong(),
                agg.path("aggregations").path("untagged").path("doc_count").asLong() * 100 / Math.max(1, docs), langs.toString().trim());
        ingestFigure = ingestPerCore;
        return rate;
    }

    /** Rate of column {@code col} between 10% and 90% of {@code total}. */
    private static double steady(List<long[]> samples, int col, long total) {
        long t10 = 0;
        long t90 = 0;
        long c10 = 0;
        long c90 = 0;
        for (long[] s : samples) {
            if (t10 == 0 && s[col] >= total / 10) {
                t10 = s[0];
                c10 = s[col];
            }
            if (t90 == 0 && s[col] >= total * 9 / 10) {
                t90 = s[0];
                c90 = s[col];
            }
        }
        return t90 > t10 ? (c90 - c10) / ((t90 - t10) / 1e9) : Double.NaN;
    }

    // ---------------------------------------------------------------------------------------------
    // phase 2

    private void latencyPhase(SyntheticNewsServer server, SyntheticCorpus synthetic, SampleCorpus sample, BenchProcess ingest,
            Path liveSources, Map<String, String> common, WebhookReceiver webhooks, double sustained) throws Exception {
        double seconds = Double.parseDouble(System.getProperty("bench.latency-seconds", "60"));
        double rate = sustained / 2;
        int limit = (int) Math.min(synthetic.live().size(), Math.ceil(rate * seconds));
        line("");
        line("phase 2, latency: live feeds release %d items at %.1f/s (half of %.1f docs/s) for %.0f s; POST /ingest/poll every 1 s",
                limit, rate, sustained, limit / rate);
        subscribe(sample, webhooks);
        ingest.close();
        // Polled by the runner through POST /ingest/poll once a second rather than by ingest's own
        // scheduler (which polls since decision 34's fix): a driven poll makes the interval exact.
        BenchProcess live = service("ingest-live", "ingest", "512m", common, Map.of(
                "ronda.ingest.sources-file", liveSources.toString(),
                "ronda.ingest.scheduler-enabled", "false"));
        ReleaseClock release = server.release();
        live.start();
        live.awaitReady(http, Duration.ofMinutes(3));
        // One poll of the still empty live feeds first: it reads the seen ids back from Kafka (all of
        // phase 1's) and warms the fetch path, so that neither holds back the first released items
        // (0.8 s at N = 50,000). Driven polls ignore the schedule, so the empty feeds' soft failures
        // do not delay later polls.
        long warm = System.nanoTime();
        post(live.url("/ingest/poll"), Duration.ofMinutes(2));
        line("  first poll of the empty live feeds (reads the seen ids back): %.1f s", (System.nanoTime() - warm) / 1e9);
        release.start(rate, limit);
        long measuredFrom = System.nanoTime() + WARM_UP.toNanos();
        progress("live ingest ready, releasing");
        java.util.concurrent.atomic.AtomicBoolean polling = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Double> pollSeconds = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread driver = new Thread(() -> {
            while (polling.get()) {
                long t = System.nanoTime();
                try {
                    post(live.url("/ingest/poll"), Duration.ofMinutes(2));
                } catch (RuntimeException e) {
                    System.err.println("live poll failed: " + e.getMessage());
                }
                long took = System.nanoTime() - t;
                pollSeconds.add(took / 1e9);
                long rest = Duration.ofSeconds(1).toNanos() - took;
                if (rest > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(rest);
                }
            }
        }, "live-poll-driver");
        driver.setDaemon(true);
        driver.start();
        String[] ids = new String[limit];
        for (int j = 0; j < limit; j++) {
            ids[j] = ArticleIds.of(server.articleUrl(synthetic.live().get(j)));
        }
        long[] searchableAt = new long[limit];
        long releaseEnd = release.appearedAt(limit - 1);
        long drainEnd = releaseEnd + Duration.ofSeconds(30).toNanos();
        String alias = alias();
        while (true) {
            long now = System.nanoTime();
            int released = release.released(now);
            List<String> pending = new ArrayList<>();
            Map<String, Integer> byId = new HashMap<>();
            for (int j = 0; j < released; j++) {
                if (searchableAt[j] == 0) {
                    pending.add(ids[j]);
                    byId.put(ids[j], j);
                }
            }
            for (int from = 0; from < pending.size(); from += 2000) {
                List<String> chunk = pending.subList(from, Math.min(pending.size(), from + 2000));
                var found = elastic.searchable(alias, chunk);
                long seen = System.nanoTime();
                found.forEach(id -> searchableAt[byId.get(id)] = seen);
            }
            boolean all = released == limit && Arrays.stream(searchableAt).allMatch(t -> t != 0);
            if (all || now > drainEnd) {
                break;
            }
            Thread.sleep(100);
        }
        polling.set(false);
        driver.join(Duration.ofMinutes(2).toMillis());
        // Alerts trail searchability a little; wait until none has come for 5 s (at most 30 s).
        long quietSince = System.nanoTime();
        long lastReceived = webhooks.received();
        long alertDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos() && System.nanoTime() < alertDeadline) {
            Thread.sleep(250);
            if (webhooks.received() != lastReceived) {
                lastReceived = webhooks.received();
                quietSince = System.nanoTime();
            }
        }
        List<Double> fetchToSearch = new ArrayList<>();
        List<Double> appearToSearch = new ArrayList<>();
        List<Double> fetchToAlert = new ArrayList<>();
        List<Double> appearToAlert = new ArrayList<>();
        List<Double> appearToFetch = new ArrayList<>();
        int measured = 0;
        int neverSearchable = 0;
        int neverServed = 0;
        for (int j = 0; j < limit; j++) {
            long appeared = release.appearedAt(j);
            if (appeared < measuredFrom) {
                continue;
            }
            measured++;
            long served = release.firstServedAt(j);
            if (served == 0) {
                neverServed++;
            } else {
                appearToFetch.add((served - appeared) / 1e6);
            }
            if (searchableAt[j] == 0) {
                neverSearchable++;
                fetchToSearch.add(Double.POSITIVE_INFINITY);
                appearToSearch.add(Double.POSITIVE_INFINITY);
            } else {
                appearToSearch.add((searchableAt[j] - appeared) / 1e6);
                if (served != 0) {
                    fetchToSearch.add((searchableAt[j] - served) / 1e6);
                }
            }
            Long alerted = webhooks.firstAlertNanos().get(ids[j]);
            if (alerted != null) {
                appearToAlert.add((alerted - appeared) / 1e6);
                if (served != 0) {
                    fetchToAlert.add((alerted - served) / 1e6);
                }
            }
        }
        line("  measured %d items (those released after %d s of warm-up); %d never in a served feed, %d not searchable within 30 s of the release's end",
                measured, WARM_UP.toSeconds(), neverServed, neverSearchable);
        line("  live polls: %d, each %s s (p50 / max)", pollSeconds.size(),
                pollSeconds.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f / %.2f", percentile(pollSeconds, 0.5), percentile(pollSeconds, 1.0)));
        line("  webhook: %d alerts received (%d unreadable), first alerts for %d of the measured items",
                webhooks.received(), webhooks.unreadable(), appearToAlert.size());
        line("  latency, ms            p50      p95      p99      max     (searchable: ids query every 100 ms, time of its answer)");
        line("  appear -> feed fetch %s", percentiles(appearToFetch));
        line("  fetch -> searchable  %s", percentiles(fetchToSearch));
        line("  appear -> searchable %s", percentiles(appearToSearch));
        line("  fetch -> alert       %s", percentiles(fetchToAlert));
        line("  appear -> alert      %s", percentiles(appearToAlert));
        double p99s = percentile(fetchToSearch, 0.99);
        double p99a = percentile(fetchToAlert, 0.99);
        verdict(p99s <= P99_SEARCHABLE_TARGET_MS, "p99 feed fetch -> searchable at R/2: %.0f ms (target <= %.0f ms)", p99s, P99_SEARCHABLE_TARGET_MS);
        verdict(!fetchToAlert.isEmpty() && p99a <= P99_ALERT_TARGET_MS, "p99 feed fetch -> alert delivered at R/2: %s (target <= %.0f ms, over %d alerted items)",
                fetchToAlert.isEmpty() ? "no alert received" : String.format("%.0f ms", p99a), P99_ALERT_TARGET_MS, fetchToAlert.size());
        live.close();
    }

    private void subscribe(SampleCorpus sample, WebhookReceiver webhooks) throws IOException, InterruptedException {
        BenchProcess alerts = processes.get("alerts");
        String key = EventCodec.mapper().readTree(postBody(alerts.url("/api/keys"), null, null)).path("apiKey").asText();
        TreeSet<String> topics = new TreeSet<>();
        sample.articles().forEach(a -> topics.addAll(a.topics()));
        List<ObjectNode> subscriptions = new ArrayList<>();
        ObjectNode crime = EventCodec.mapper().createObjectNode().put("name", "bench: every crime topic");
        ArrayNode t = crime.putArray("topics");
        topics.forEach(t::add);
        subscriptions.add(crime);
        ObjectNode languages = EventCodec.mapper().createObjectNode().put("name", "bench: regional languages");
        languages.putArray("languages").add("th").add("vi").add("id").add("ms");
        subscriptions.add(languages);
        ObjectNode countries = EventCodec.mapper().createObjectNode().put("name", "bench: Cambodia and Myanmar");
        countries.putArray("countries").add("KH").add("MM");
        subscriptions.add(countries);
        for (ObjectNode s : subscriptions) {
            s.putObject("webhook").put("url", webhooks.url());
            postBody(alerts.url("/api/subscriptions"), s.toString(), key);
        }
        line("  %d webhook subscriptions (every crime topic; th/vi/id/ms; KH/MM) to a receiver in the runner", subscriptions.size());
        // The matcher learns subscriptions from a compacted topic; give it a moment.
        Thread.sleep(3000);
    }

    // ---------------------------------------------------------------------------------------------
    // phase 3

    /** The stream phase's steady rate, the documents it made searchable and the CPU seconds of each process meanwhile. */
    private record StreamResult(double rate, long documents, Map<String, Double> cpu) {
    }

    private StreamResult streamPhase(Map<String, String> common) throws Exception {
        BenchProcess ingest = processes.get("ingest-live");
        if (ingest != null) {
            ingest.close();
        }
        long raw = endOffsets(topic("articles.raw"));
        long expected = Math.max(0, elastic.count(alias()));
        line("");
        line("phase 3, stream alone: fresh enrich + index (new groups, topic, alias) over the %d raw events already in Kafka", raw);
        String streamAlias = run + "-stream-articles";
        Map<String, String> extra = Map.of(
                "ronda.enrich.topics.enriched-articles", run + ".articles.enriched-stream",
                "ronda.enrich.group-id", run + "-stream-enrich",
                "ronda.enrich.instance-id", run + "-stream",
                "ronda.index.topics.enriched-articles", run + ".articles.enriched-stream",
                "ronda.index.group-id", run + "-stream-index",
                "ronda.index.alias", streamAlias);
        BenchProcess enrich = service("enrich-stream", "enrich", "768m", common, extra);
        BenchProcess index = service("index-stream", "index", "512m", common, extra);
        long started = System.nanoTime();
        enrich.start();
        index.start();
        enrich.awaitReady(http, Duration.ofMinutes(3));
        index.awaitReady(http, Duration.ofMinutes(3));
        long ready = System.nanoTime();
        Map<String, Double> cpu0 = cpuNow(enrich, index);
        long first = 0;
        long firstCount = 0;
        long last;
        long lastCount = -1;
        long lastProgress = System.nanoTime();
        List<long[]> samples = new ArrayList<>();
        while (true) {
            long now = System.nanoTime();
            long count = Math.max(0, elastic.count(streamAlias));
            samples.add(new long[] {now, count});
            if (first == 0 && count > 0) {
                first = now;
                firstCount = count;
            }
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            }
            if (count >= expected) {
                last = now;
                break;
            }
            if (now - lastProgress > Duration.ofMinutes(3).toNanos()) {
                line("  STOPPED WAITING: no new searchable document for 3 minutes, %d of %d", count, expected);
                last = now;
                break;
            }
            Thread.sleep(250);
        }
        Map<String, Double> cpu = cpuSince(cpu0, enrich, index);
        double rate = (lastCount - firstCount) / ((last - first) / 1e9);
        line("  started -> both ready %.1f s; ready -> first searchable %.1f s; first -> last searchable: %d documents in %.1f s = %.1f docs/s",
                (ready - started) / 1e9, (first - ready) / 1e9, lastCount - firstCount, (last - first) / 1e9, rate);
        line("  ready -> all %d searchable: %.1f docs/s; CPU seconds: %s", lastCount, lastCount / ((last - ready) / 1e9), format(cpu));
        enrich.close();
        index.close();
        return new StreamResult(rate, lastCount, cpu);
    }

    // ---------------------------------------------------------------------------------------------
    // baselines

    private void baselines(SyntheticNewsServer server, SyntheticCorpus synthetic, StreamResult streamed) throws Exception {
        double stream = streamed.rate();
        line("");
        line("baselines on the same data (the pipeline's services are stopped):");
        // (a) _bulk
        Path lines = work.resolve("documents.ndjson");
        long docs = elastic.exportBulkLines(alias(), lines);
        String scratch = run + "-bulk-baseline";
        elastic.createLike(scratch, alias());
        Map<String, Double> bulkCpu0 = engineCpu();
        Baselines.BulkResult bulk = Baselines.bulkLoad(elastic, scratch, lines, docs, 1000, 2);
        Double bulkEsCpu = delta(engineCpu(), bulkCpu0).get("elasticsearch");
        line("  _bulk loader: %d final documents (%.1f KB of bulk lines each) in %.1f s = %.1f docs/s (%d docs a request, %d in flight, until all searchable)",
                bulk.docs(), Files.size(lines) / 1024.0 / docs, bulk.seconds(), bulk.docsPerSecond(), bulk.docsPerRequest(), bulk.inFlight());
        verdict(stream / bulk.docsPerSecond() >= STREAM_VS_BULK_TARGET, "stream raw events -> searchable / raw _bulk: %.1f / %.1f = %.2f (target >= %.2f)",
                stream, bulk.docsPerSecond(), stream / bulk.docsPerSecond(), STREAM_VS_BULK_TARGET);
        cpuBudget(streamed, bulk, bulkEsCpu);
        // (b) Kafka
        String kafkaLib = System.getProperty("bench.kafka-lib");
        if (kafkaLib != null && Files.isDirectory(Path.of(kafkaLib))) {
            Path payloads = work.resolve("raw-payloads.txt");
            long[] dumped = Baselines.dumpValues(kafka, topic("articles.raw"), payloads);
            String perfTopic = run + ".perf";
            Baselines.KafkaResult produced = Baselines.producerPerf(Path.of(kafkaLib), kafka, perfTopic, dumped[0], payloads,
                    work.resolve("producer-perf.log"));
            Baselines.KafkaResult consumed = Baselines.consumerPerf(Path.of(kafkaLib), kafka, perfTopic, dumped[0],
                    work.resolve("consumer-perf.log"));
            line("  Kafka ProducerPerformance: %d raw records (avg %d bytes, the raw topic's own values), acks=all, idempotent, lz4, linger 20 ms: %.0f records/s (%.1f MB/s)",
                    dumped[0], dumped[1] / Math.max(1, dumped[0]), produced.recordsPerSecond(), produced.mbPerSecond());
            line("  Kafka ConsumerPerformance: %.0f records/s (%.1f MB/s)", consumed.recordsPerSecond(), consumed.mbPerSecond());
            line("  stream / Kafka produce: %.3f; stream / Kafka consume: %.3f", stream / produced.recordsPerSecond(),
                    stream / consumed.recordsPerSecond());
        } else {
            line("  Kafka perf tools: not run (bench.kafka-lib not set to the Kafka jars)");
        }
        // (c) jsoup
        List<SampleArticle> archive = synthetic.archive();
        int step = Math.max(1, archive.size() / PARSE_SAMPLE_PAGES);
        List<String[]> pages = new ArrayList<>();
        for (int i = 0; i < archive.size() && pages.size() < PARSE_SAMPLE_PAGES; i += step) {
            String url = server.articleUrl(archive.get(i));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            pages.add(new String[] {url, r.body()});
        }
        long bytes = pages.stream().mapToLong(pg -> pg[1].getBytes(StandardCharsets.UTF_8).length).sum();
        Baselines.ParseResult parse = Baselines.parseOnly(pages);
        Baselines.ParseResult extract = Baselines.extraction(pages);
        line("  jsoup parse alone, one thread, %d of the same pages (avg %.1f KB): %.0f pages/s wall, %.0f pages per CPU second",
                pages.size(), bytes / 1024.0 / pages.size(), parse.perSecond(), parse.perCpuSecond());
        line("  ArticleExtractor (parse + extraction), one thread: %.0f pages/s wall, %.0f pages per CPU second",
                extract.perSecond(), extract.perCpuSecond());
        verdict(ingestFigure >= INGEST_PAGES_PER_CORE_TARGET, "ingest (fetch, extract, publish): %.0f pages per CPU second (target >= %.0f per core)",
                ingestFigure, INGEST_PAGES_PER_CORE_TARGET);
        verdict(ingestFigure / parse.perCpuSecond() >= INGEST_VS_PARSE_TARGET, "ingest / jsoup parse alone, per core: %.0f / %.0f = %.2f (target >= %.2f)",
                ingestFigure, parse.perCpuSecond(), ingestFigure / parse.perCpuSecond(), INGEST_VS_PARSE_TARGET);
    }

    // ---------------------------------------------------------------------------------------------
    // memory, report

    private void memory() {
        line("");
        line("peak resident memory (VmHWM):");
        for (BenchProcess p : processes.values()) {
            line("  %-14s -Xmx%-5s %s", p.label(), p.heap(), mib(p.peakRssKib()));
        }
        for (String engine : List.of("kafka", "es")) {
            String pid = System.getProperty("bench." + engine + "-pid");
            String name = engine.equals("es") ? "elasticsearch" : "kafka";
            if (pid == null || pid.isBlank()) {
                line("  %-14s        unknown (no pid given)", name);
            } else {
                line("  %-14s        %s (peak since the engine started, pid %s, not only this run)", name,
                        mib(ProcStats.peakRssKib(Long.parseLong(pid.trim()))), pid.trim());
            }
        }
        line("  %-14s -Xmx%-5s %s (runner: generator, webhook receiver, measurements, baselines)", "runner",
                Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m", mib(ProcStats.peakRssKib(ProcessHandle.current().pid())));
    }

    private void write() throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println("ronda: results written to " + out);
        String md = System.getProperty("bench.results-md");
        if (md != null) {
            Path file = Path.of(md);
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, "# Pipeline benchmark results\n\n"
                        + "Appended by `./ronda bench pipeline [N]` (issue 7), newest last; see docs/benchmarks.md for how to read them.\n");
            }
            String section = "\n## " + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'"))
                    + ", N = " + n + ", commit " + System.getProperty("bench.commit", "unknown") + "\n\n```\n" + report + "```\n";
            Files.writeString(file, section, StandardOpenOption.APPEND);
            System.out.println("ronda: results appended to " + file);
        }
    }

    private void cleanUp() {
        try {
            elastic.deleteMatching(run + "-*");
        } catch (IOException | InterruptedException e) {
            System.err.println("could not delete the bench indices " + run + "-*: " + e.getMessage());
        }
        try {
            TopicDeletion.deleteRun(kafka, run);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
        }
    }

    private void stopAll() throws InterruptedException {
        for (BenchProcess p : processes.values()) {
            p.close();
        }
        if (offsets != null) {
            offsets.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    private Map<String, String> settings(Path sources) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("ronda.kafka.bootstrap-servers", kafka);
        s.put("quarkus.elasticsearch.hosts", URI.create(elasticUrl).getAuthority());
        s.put("ronda.ingest.sources-file", sources.toString());
        // Every outlet lives on 127.0.0.1: allowed past the SSRF guard, no politeness delay, and as many
        // requests in flight to it as fetch threads.
        s.put("ronda.ingest.fetch.allow-private-addresses", "127.0.0.1/32");
        s.put("ronda.ingest.fetch.min-interval-per-host", "0s");
        s.put("ronda.ingest.fetch.max-concurrent-per-host", "8");
        s.put("ronda.ingest.fetch-threads", "8");
        s.put("ronda.ingest.topics.raw-articles", topic("articles.raw"));
        s.put("ronda.ingest.topics.seen-articles", topic("ingest.seen"));
        s.put("ronda.ingest.topics.dead-letter", topic("ingest.dead-letter"));
        s.put("ronda.enrich.topics.raw-articles", topic("articles.raw"));
        s.put("ronda.enrich.topics.enriched-articles", topic("articles.enriched"));
        s.put("ronda.enrich.topics.dead-letter", topic("enrich.dead-letter"));
        s.put("ronda.enrich.group-id", run + "-enrich");
        s.put("ronda.enrich.instance-id", run);
        s.put("ronda.index.topics.enriched-articles", topic("articles.enriched"));
        s.put("ronda.index.topics.dead-letter", topic("index.dead-letter"));
        s.put("ronda.index.group-id", run + "-index");
        s.put("ronda.index.alias", alias());
        s.put("ronda.alerts.topics.enriched-articles", topic("articles.enriched"));
        s.put("ronda.alerts.topics.subscriptions", topic("alerts.subscriptions"));
        s.put("ronda.alerts.topics.stories", topic("alerts.stories"));
        s.put("ronda.alerts.topics.alerts", topic("alerts"));
        s.put("ronda.alerts.topics.dead-letter", topic("alerts.dead-letter"));
        s.put("ronda.alerts.topics.email-state", topic("alerts.email-state"));
        s.put("ronda.alerts.instance-id", run);
        s.put("ronda.alerts.match-group-id", run + "-alerts-match");
        s.put("ronda.alerts.recorder-group-id", run + "-alerts-record");
        s.put("ronda.alerts.webhook.group-id", run + "-alerts-webhook");
        s.put("ronda.alerts.email.group-id", run + "-alerts-email");
        s.put("ronda.alerts.alert-index", run + "-alerts");
        s.put("ronda.alerts.webhook.allow-private-addresses", "127.0.0.1/32");
        return s;
    }

    private BenchProcess service(String label, String module, String heap, Map<String, String> common, Map<String, String> extra)
            throws IOException {
        Map<String, String> s = new LinkedHashMap<>(common);
        s.putAll(extra);
        if (module.equals("alerts")) {
            s.put("ronda.alerts.public-url", "http://127.0.0.1");
        }
        BenchProcess p = new BenchProcess(repo, label, module, heap, freePort(), s, work.resolve("logs"));
        processes.put(label, p);
        return p;
    }

    private String topic(String name) {
        return run + "." + name;
    }

    private String alias() {
        return run + "-articles";
    }

    private long endOffsets(String topic) {
        List<PartitionInfo> parts = offsets.partitionsFor(topic, Duration.ofSeconds(5));
        if (parts == null || parts.isEmpty()) {
            return 0;
        }
        List<TopicPartition> tps = parts.stream().map(pi -> new TopicPartition(topic, pi.partition())).toList();
        return offsets.endOffsets(tps, Duration.ofSeconds(5)).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Double> cpuNow(BenchProcess... ps) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (BenchProcess p : ps) {
            m.put(p.label(), p.cpuSeconds());
        }
        engineCpu().forEach(m::put);
        m.put("runner", ProcStats.cpuSeconds(ProcessHandle.current().pid()).orElse(0));
        return m;
    }

    private Map<String, Double> cpuSince(Map<String, Double> before, BenchProcess... ps) {
        return delta(cpuNow(ps), before);
    }

    /**
     * Where the stream's CPU goes per document, against the plain loader's: on one box every
     * process shares the same cores, so the stream cannot pass cores / (CPU per document) even with
     * perfect overlap. The engines' share alone bounds what any enrich and index could reach.
     */
    private void cpuBudget(StreamResult streamed, Baselines.BulkResult bulk, Double bulkEsCpu) {
        if (streamed.documents() <= 0) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder parts = new StringBuilder();
        double total = 0;
        double engines = 0;
        for (Map.Entry<String, Double> e : streamed.cpu().entrySet()) {
            if (e.getKey().equals("runner")) {
                continue;
            }
            double ms = e.getValue() * 1000 / streamed.documents();
            total += ms;
            if (e.getKey().equals("kafka") || e.getKey().equals("elasticsearch")) {
                engines += ms;
            }
            parts.append(parts.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.3f", ms));
        }
        line("  CPU ms per document, stream phase: %s = %.3f; on %d cores at most %.0f docs/s = %.2f of _bulk", parts, total, cores,
                cores * 1000 / total, cores * 1000 / total / bulk.docsPerSecond());
        line("  the engines' share alone (kafka + elasticsearch, %.3f ms): at most %.0f docs/s = %.2f of _bulk, for any enrich and index",
                engines, cores * 1000 / engines, cores * 1000 / engines / bulk.docsPerSecond());
        if (bulkEsCpu != null && bulk.docs() > 0) {
            line("  _bulk loader: elasticsearch %.3f CPU ms per document (%.1f CPU s for %d)", bulkEsCpu * 1000 / bulk.docs(), bulkEsCpu, bulk.docs());
        }
    }

    private static Map<String, Double> delta(Map<String, Double> now, Map<String, Double> before) {
        Map<String, Double> d = new LinkedHashMap<>();
        now.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0.0)));
        return d;
    }

    private Map<String, Double> engineCpu() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String engine : List.of("kafka", "es")) {
            String pid = System.getProperty("bench." + engine + "-pid");
            if (pid != null && !pid.isBlank()) {
                ProcStats.cpuSeconds(Long.parseLong(pid.trim())).ifPresent(c -> m.put(engine.equals("es") ? "elasticsearch" : "kafka", c));
            }
        }
        return m;
    }

    private static String format(Map<String, Double> cpu) {
        StringBuilder b = new StringBuilder();
        cpu.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%.1f", v)));
        return b.toString();
    }

    private static String mib(OptionalLong kib) {
        return kib.isPresent() ? String.format(Locale.ROOT, "%,d MiB", kib.getAsLong() / 1024) : "unknown";
    }

    private static String percentiles(List<Double> ms) {
        if (ms.isEmpty()) {
            return "      (none)";
        }
        return String.format(Locale.ROOT, "%8s %8s %8s %8s   (%d items)", fmt(percentile(ms, 0.50)), fmt(percentile(ms, 0.95)),
                fmt(percentile(ms, 0.99)), fmt(percentile(ms, 1.0)), ms.size());
    }

    private static String fmt(double v) {
        return Double.isInfinite(v) ? "never" : String.format(Locale.ROOT, "%.0f", v);
    }

    /** Nearest-rank percentile; an item that never arrived counts as infinitely late. */
    private static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void verdict(boolean pass, String format, Object... args) {
        String v = (pass ? "PASS " : "MISS ") + String.format(Locale.ROOT, format, args);
        verdicts.add(v);
        line("  -> %s", v);
    }

    private String machine() {
        String cpu = "unknown CPU";
        String mem = "unknown RAM";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").orElse(mem);
        } catch (IOException e) {
            // keep the unknowns
        }
        String es = "unknown";
        try {
            JsonNode nodes = elastic.get("/_nodes/_local?filter_path=nodes.*.version").path("nodes");
            es = nodes.elements().next().path("version").asText();
        } catch (Exception e) {
            // keep unknown
        }
        return String.format("%d cores (%s), %s RAM, Java %s (%s), Kafka %s, Elasticsearch %s",
                Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("bench.kafka-version", "unknown"), es);
    }

    private JsonNode post(URI uri, Duration timeout) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IOException("POST " + uri + " answered " + r.statusCode() + ": " + r.body());
            }
            return EventCodec.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String postBody(URI uri, String json, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        b.header("Content-Type", "application/json");
        b.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException("POST " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static void progress(String text) {
        System.out.println("  .. " + OffsetDateTime.now(ZoneOffset.UTC).toLocalTime().withNano(0) + " " + text);
    }
}
