package org.ronda.search.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.TopicTag;
import org.ronda.index.elastic.ArticleDocuments;
import org.ronda.index.elastic.IndexSetup;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;
import org.ronda.query.QueryParser;
import org.ronda.search.query.QueryTranslator;

/**
 * Latency of the search API against the same query sent straight to Elasticsearch, and the
 * throughput and heap cost of a full CSV export.
 *
 * <p>Fills the alias {@code bench-search-articles} (made with {@link IndexSetup#install}) with
 * {@code bench.docs} documents built by {@link ArticleDocuments} from synthetic enriched articles:
 * the sample corpus's texts, outlets and topics, varied per copy, spread over a year, a quarter of
 * them in story clusters of two. Generation is skipped when the alias already holds that many.
 * Then runs each researcher query {@code bench.repeat} times through the API and straight to
 * Elasticsearch (the same query, sort, collapse, highlight and aggregations, without the point in
 * time), and reports p50/p99 of both and the p99 ratio (target: API at most 2x Elasticsearch).
 *
 * <p>The search service must be running against the bench alias, e.g.
 * {@code java -Dronda.search.alias=bench-search-articles -jar search/target/quarkus-app/quarkus-run.jar}
 * ({@code ./ronda bench search} does this).
 *
 * <p>Usage: {@code SearchBenchmark [report-file] [api-url]} (defaults {@code target/bench/search.txt},
 * {@code http://127.0.0.1:8084}). System properties: {@code bench.docs} (100000),
 * {@code bench.repeat} (30), {@code bench.elastic} ({@code http://127.0.0.1:19200}),
 * {@code bench.alias} ({@code bench-search-articles}).
 */
public final class SearchBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NEWEST = Instant.parse("2025-12-31T12:00:00Z");
    private static final int DAYS = 365;
    private static final int BULK_DOCS = 2_000;
    private static final List<String> ROW_FIELDS = List.of("articleId", "title", "url", "outlet", "outletCountry",
            "publishedAt", "language", "topics", "tags", "clusterId");
    private static final List<String> FACETS = List.of("topics", "countries", "outletCountry", "language", "outlet",
            "sourceKind", "organisations");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;
    private final String elastic;
    private final String alias;

    private SearchBenchmark(String api, String elastic, String alias) {
        this.api = api;
        this.elastic = elastic;
        this.alias = alias;
    }

    /** One researcher query, as API parameters and the same filters for Elasticsearch. */
    private record Case(String name, String q, String topic, String country, String lang, String from, String to,
            String interval) {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args.length > 0 ? args[0] : "target/bench/search.txt");
        String api = args.length > 1 ? args[1] : "http://127.0.0.1:8084";
        int docs = Integer.getInteger("bench.docs", 100_000);
        int repeat = Integer.getInteger("bench.repeat", 30);
        String elastic = System.getProperty("bench.elastic", "http://127.0.0.1:19200");
        String alias = System.getProperty("bench.alias", "bench-search-articles");
        new SearchBenchmark(api, elastic, alias).run(output, docs, repeat);
    }

    private void run(Path output, int docs, int repeat) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("Ronda search benchmark, ").append(Instant.now()).append('\n')
                .append("alias ").append(alias).append(", ").append(docs).append(" documents, ").append(repeat)
                .append(" runs per query after 3 warm-up runs; API ").append(api).append(", Elasticsearch ").append(elastic)
                .append("\n\n");
        long generated = ensureDocuments(docs);
        report.append(generated < 0 ? "documents already present, generation skipped\n\n"
                : String.format(Locale.ROOT, "generated in %.1f s%n%n", generated / 1000.0));

        String to = NEWEST.toString().substring(0, 10);
        String from90 = NEWEST.minus(90, ChronoUnit.DAYS).toString().substring(0, 10);
        List<Case> cases = List.of(
                new Case("words", "police arrested", null, null, null, null, null, "day"),
                new Case("phrase", "\"human trafficking\"", null, null, null, null, null, "day"),
                new Case("boolean+prefix", "(scam OR fraud) traffick*", null, null, null, null, null, "day"),
                new Case("filters", "", "scam", null, "en", from90, to, "day"),
                new Case("facets (all)", "", null, null, null, null, null, "month"),
                new Case("histogram", "police", null, null, null, null, null, "week"));
        report.append(String.format(Locale.ROOT, "%-16s %9s %9s %9s %9s %7s %9s%n", "query", "api p50", "api p99",
                "es p50", "es p99", "p99 x", "hits"));
        boolean withinTarget = true;
        for (Case c : cases) {
            String url = api + "/api/search?" + params(c);
            String body = elasticBody(c);
            for (int i = 0; i < 3; i++) {
                get(url);
                postElastic("/" + alias + "/_search", body);
            }
            long[] apiNanos = new long[repeat];
            long[] esNanos = new long[repeat];
            long hits = 0;
            for (int i = 0; i < repeat; i++) {
                long t0 = System.nanoTime();
                JsonNode page = JSON.readTree(get(url));
                apiNanos[i] = System.nanoTime() - t0;
                hits = page.get("total").asLong();
                t0 = System.nanoTime();
                postElastic("/" + alias + "/_search", body);
                esNanos[i] = System.nanoTime() - t0;
            }
            double ratio = percentile(apiNanos, 99) / percentile(esNanos, 99);
            withinTarget &= ratio <= 2.0;
            report.append(String.format(Locale.ROOT, "%-16s %7.1fms %7.1fms %7.1fms %7.1fms %7.2f %9d%n", c.name(),
                    percentile(apiNanos, 50) / 1e6, percentile(apiNanos, 99) / 1e6, percentile(esNanos, 50) / 1e6,
                    percentile(esNanos, 99) / 1e6, ratio, hits));
        }
        report.append("target API p99 <= 2x Elasticsearch p99: ").append(withinTarget ? "met" : "NOT met").append("\n\n");
        report.append(export());

        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report.toString());
        System.out.print(report);
        System.out.println("written to " + output);
    }

    /** Milliseconds spent generating, or -1 if the alias already held {@code docs} documents. */
    private long ensureDocuments(int docs) throws Exception {
        long present = count();
        if (present == docs) {
            return -1;
        }
        long t0 = System.currentTimeMillis();
        if (present >= 0) {
            // Another size: start over rather than mix two corpora.
            JsonNode indices = JSON.readTree(send(HttpRequest.newBuilder(URI.create(elastic + "/_alias/" + alias)).GET()));
            for (var names = indices.fieldNames(); names.hasNext();) {
                send(HttpRequest.newBuilder(URI.create(elastic + "/" + names.next())).DELETE());
            }
        }
        try (Rest5Client rest = Rest5Client.builder(URI.create(elastic)).build()) {
            IndexSetup.install(new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper())), alias);
        }
        SampleCorpus corpus = SampleCorpus.load();
        List<SampleArticle> articles = corpus.articles();
        Instant now = Instant.now();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < docs; i++) {
            EnrichedArticle event = synthetic(corpus, articles, i, docs, now);
            bulk.append("{\"index\":{\"_index\":\"").append(alias).append("\",\"_id\":\"").append(event.articleId()).append("\"}}\n")
                    .append(JSON.writeValueAsString(ArticleDocuments.toDocument(event, now))).append('\n');
            if ((i + 1) % BULK_DOCS == 0 || i + 1 == docs) {
                JsonNode response = JSON.readTree(postElastic("/_bulk", bulk.toString()));
                if (response.get("errors").asBoolean()) {
                    throw new IllegalStateException("bulk errors, first: " + response.at("/items/0"));
                }
                bulk.setLength(0);
                System.out.printf("indexed %d of %d%n", i + 1, docs);
            }
        }
        postElastic("/" + alias + "/_refresh", "");
        return System.currentTimeMillis() - t0;
    }

    /**
     * Article {@code i}: the text of a sample article, its paragraphs rotated and one paragraph of
     * another article added, so copies differ; its outlet, language and topics; published on a day
     * of the year before {@link #NEWEST}.
     */
    private static EnrichedArticle synthetic(SampleCorpus corpus, List<SampleArticle> articles, int i, int docs, Instant now) {
        SampleArticle base = articles.get(i % articles.size());
        SampleArticle other = articles.get((i * 7 + 3) % articles.size());
        Outlet outlet = corpus.outletOf(base);
        int round = i / articles.size();
        List<String> paragraphs = new ArrayList<>(base.paragraphs());
        if (!paragraphs.isEmpty()) {
            java.util.Collections.rotate(paragraphs, round % paragraphs.size());
        }
        if (!other.paragraphs().isEmpty()) {
            paragraphs.add(other.paragraphs().get(round % other.paragraphs().size()));
        }
        String text = String.join("\n\n", paragraphs);
        String title = round == 0 ? base.title() : base.title() + " (" + (round + 1) + ")";
        String url = "https://" + outlet.id() + ".example/bench/" + i;
        String id = ArticleIds.of(url);
        Instant published = NEWEST.minusSeconds((long) ((double) i / docs * DAYS * 86_400));
        SourceRef source = new SourceRef(outlet.id(), outlet.name(), outlet.country(), outlet.language(), "media");
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "raw-" + id, id, now, url, null, source, title, text,
                base.author(), published, base.lang(), now, null, null, null, false, null);
        List<TopicTag> tags = new ArrayList<>();
        for (String topic : base.topics()) {
            tags.add(new TopicTag(topic, 1.0, List.of(new Evidence(topic, "text", 0, 1))));
        }
        List<EntityTag> countries = List.of(new EntityTag(outlet.country(), List.of(new Evidence(outlet.country(), "text", 0, 1))));
        String cluster = i % 4 == 0 ? "bench-c" + (i / 8) : null;
        Enrichment enrichment = new Enrichment(i % 10 == 0 ? "bench-rules-1" : "bench-rules-2", base.lang(), tags, now,
                countries, List.of(), cluster, cluster == null || i % 8 == 0);
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "enriched-" + id, id, now, raw, enrichment);
    }

    /** Documents in the alias, or -1 if it does not exist. */
    private long count() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(elastic + "/" + alias + "/_count")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 404 ? -1 : JSON.readTree(r.body()).get("count").asLong();
    }

    /** A full CSV export: rows per second, and the service's heap before, at its peak during, and after. */
    private String export() throws Exception {
        long before = heapBytes();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(heapBytes(), Math::max);
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed sample
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        long lines = 0;
        HttpResponse<java.io.InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(api + "/api/search/export?format=csv")).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export answered " + response.statusCode());
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // Titles hold no line breaks, so a line is a row.
            while (in.readLine() != null) {
                lines++;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        long after = heapBytes();
        long rows = lines - 2;
        return String.format(Locale.ROOT, "full CSV export: %d rows in %.1f s, %.0f rows/s%n"
                + "search service heap used: before %.0f MiB, peak during %.0f MiB (sampled every 200 ms), after %.0f MiB%n",
                rows, seconds, rows / seconds, before / 1048576.0, peak.get() / 1048576.0, after / 1048576.0);
    }

    /** Sum of jvm_memory_used_bytes{area="heap",...} over the heap pools, from /q/metrics. */
    private long heapBytes() throws Exception {
        String metrics = get(api + "/q/metrics");
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static String params(Case c) {
        List<String> p = new ArrayList<>();
        add(p, "q", c.q());
        add(p, "topic", c.topic());
        add(p, "country", c.country());
        add(p, "lang", c.lang());
        add(p, "from", c.from());
        add(p, "to", c.to());
        add(p, "interval", c.interval());
        return String.join("&", p);
    }

    private static void add(List<String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** What the service sends for the first page of {@code c}, as one _search body (no point in time). */
    private static String elasticBody(Case c) throws IOException {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        String userQuery = c.q().isEmpty() ? "{\"match_all\":{}}"
                : JsonpUtils.toJsonString(new QueryTranslator().toQuery(new QueryParser().parse(c.q())), mapper);
        List<Map<String, Object>> filters = new ArrayList<>();
        if (c.topic() != null) {
            filters.add(Map.of("terms", Map.of("topics", List.of(c.topic()))));
        }
        if (c.country() != null) {
            filters.add(Map.of("terms", Map.of("countries", List.of(c.country()))));
        }
        if (c.lang() != null) {
            filters.add(Map.of("terms", Map.of("language", List.of(c.lang()))));
        }
        if (c.from() != null) {
            filters.add(Map.of("range", Map.of("publishedAt", Map.of("gte", c.from(), "lte", c.to()))));
        }
        Map<String, Object> histogram = Map.of("date_histogram", Map.of("field", "publishedAt",
                "calendar_interval", c.interval(), "format", "yyyy-MM-dd", "min_doc_count", 0));
        Map<String, Object> aggs = new LinkedHashMap<>();
        FACETS.forEach(f -> aggs.put(f, Map.of("terms", Map.of("field", f, "size", 20))));
        aggs.put("histogram", histogram);
        aggs.put("all", Map.of("global", Map.of(), "aggs", Map.of("filtered",
                Map.of("filter", Map.of("bool", Map.of("filter", filters)), "aggs", Map.of("histogram", histogram)))));
        aggs.put("stories", Map.of("cardinality", Map.of("field", "clusterId")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", Map.of("bool", Map.of("must", List.of(JSON.readTree(userQuery)), "filter", filters)));
        body.put("size", 20);
        body.put("track_total_hits", true);
        body.put("sort", List.of(Map.of("_score", "desc"), Map.of("publishedAt", "desc")));
        body.put("_source", Map.of("includes", ROW_FIELDS));
        body.put("collapse", Map.of("field", "clusterId", "inner_hits", Map.of("name", "copies", "size", 0)));
        body.put("highlight", Map.of("encoder", "html", "pre_tags", List.of("<em>"), "post_tags", List.of("</em>"),
                "fields", Map.of("title", Map.of("number_of_fragments", 0),
                        "text", Map.of("fragment_size", 160, "number_of_fragments", 3))));
        body.put("aggs", aggs);
        return JSON.writeValueAsString(body);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private String get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private String postElastic(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(elastic + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
        return r.body();
    }
}
