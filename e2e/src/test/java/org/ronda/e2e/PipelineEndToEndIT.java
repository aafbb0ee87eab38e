package org.ronda.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.GroupRewind;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleNewsServer;
import org.ronda.sample.SourceListWriter;

/**
 * The whole pipeline as a user runs it: the bundled sample feeds served over HTTP on 127.0.0.1, the
 * three packaged services as separate processes, real Kafka and real Elasticsearch. Every sample
 * article must become searchable with its expected topics, and polling again, also after a restart
 * of ingest, must add no document; re-enrichment re-tags every article in place. Faked: nothing (the news sites are the bundled sample).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndIT {

    private static final String RUN = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final String ELASTIC = "http://" + System.getProperty("it.elastic.hosts", "127.0.0.1:19200");
    private static final String ALIAS = RUN + "-articles";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path work;

    static SampleNewsServer sample;
    static ServiceProcess ingest;
    static ServiceProcess enrich;
    static ServiceProcess index;
    static Map<String, String> settings;

    @BeforeAll
    static void startPipeline() throws Exception {
        sample = SampleNewsServer.start(0);
        Path sources = work.resolve("sources.tsv");
        SourceListWriter.write(sources, sample.corpus().outlets(), o -> List.of(sample.feedUrl(o)));
        Path repo = Path.of(System.getProperty("ronda.repo", ".."));
        Path logs = repo.resolve("e2e/target/e2e-logs/" + RUN);
        settings = Map.ofEntries(
                Map.entry("ronda.kafka.bootstrap-servers", KAFKA),
                Map.entry("quarkus.elasticsearch.hosts", ELASTIC.substring("http://".length())),
                Map.entry("ronda.ingest.sources-file", sources.toString()),
                Map.entry("ronda.ingest.scheduler-enabled", "false"),
                // The sample outlets all live on 127.0.0.1, which the SSRF guard refuses unless allowed,
                // and which the per-host throttle would otherwise serve one request a second.
                Map.entry("ronda.ingest.fetch.allow-private-addresses", "127.0.0.1/32"),
                Map.entry("ronda.ingest.fetch.min-interval-per-host", "0s"),
                Map.entry("ronda.ingest.topics.raw-articles", RUN + ".articles.raw"),
                Map.entry("ronda.ingest.topics.seen-articles", RUN + ".ingest.seen"),
                Map.entry("ronda.ingest.topics.dead-letter", RUN + ".ingest.dead-letter"),
                Map.entry("ronda.enrich.topics.raw-articles", RUN + ".articles.raw"),
                Map.entry("ronda.enrich.topics.enriched-articles", RUN + ".articles.enriched"),
                Map.entry("ronda.enrich.topics.dead-letter", RUN + ".enrich.dead-letter"),
                Map.entry("ronda.enrich.group-id", RUN + "-enrich"),
                Map.entry("ronda.enrich.instance-id", RUN),
                Map.entry("ronda.index.topics.enriched-articles", RUN + ".articles.enriched"),
                Map.entry("ronda.index.topics.dead-letter", RUN + ".index.dead-letter"),
                Map.entry("ronda.index.group-id", RUN + "-index"),
                Map.entry("ronda.index.alias", ALIAS));
        ingest = new ServiceProcess(repo, "ingest", 28081, settings, logs);
        enrich = new ServiceProcess(repo, "enrich", 28082, settings, logs);
        index = new ServiceProcess(repo, "index", 28083, settings, logs);
        for (ServiceProcess s : List.of(ingest, enrich, index)) {
            s.start();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> ingest.ready(HTTP) && enrich.ready(HTTP) && index.ready(HTTP));
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        for (ServiceProcess s : new ServiceProcess[] {ingest, enrich, index}) {
            if (s != null) {
                s.close();
            }
        }
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    @Order(1)
    void everySampleArticleBecomesSearchableWithItsExpectedTopics() throws Exception {
        List<SampleArticle> articles = sample.corpus().articles();

        JsonNode report = post(ingest.url("/ingest/poll"));

        assertThat(report.get("feedErrors")).isEmpty();
        assertThat(report.at("/itemOutcomes/PUBLISHED").asInt()).isEqualTo(articles.size());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> count() == articles.size());

        List<String> wrong = new ArrayList<>();
        for (SampleArticle article : articles) {
            JsonNode doc = get(URI.create(ELASTIC + "/" + ALIAS + "/_doc/" + ArticleIds.of(sample.articleUrl(article))));
            assertThat(doc.get("found").asBoolean()).as("indexed: %s", article.slug()).isTrue();
            JsonNode source = doc.get("_source");
            Set<String> topics = new HashSet<>();
            source.get("topics").forEach(t -> topics.add(t.asText()));
            if (!topics.equals(Set.copyOf(article.topics()))) {
                wrong.add(article.outletId() + "/" + article.slug() + " expected " + article.topics() + " got " + topics);
            }
            assertThat(source.get("title").asText()).isEqualTo(article.title());
            assertThat(source.get("text").asText())
                    .as("body of %s", article.slug())
                    .contains(article.paragraphs().get(0).substring(0, Math.min(60, article.paragraphs().get(0).length())))
                    .doesNotContain("No comments yet");
            assertThat(source.get("outletCountry").asText()).isNotBlank();
            assertThat(source.get("language").asText()).as("detected language of %s", article.slug()).isEqualTo(article.lang());
            assertThat(source.get("clusterId").asText()).startsWith("c-");
        }
        assertThat(wrong).as("articles with unexpected topics").isEmpty();
    }

    @Test
    @Order(2)
    void pollingAgainAfterARestartOfIngestAddsNoDocument() throws Exception {
        int articles = sample.corpus().articles().size();
        ingest.close();
        ingest.start();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> ingest.ready(HTTP));

        JsonNode report = post(ingest.url("/ingest/poll"));

        assertThat(report.at("/itemOutcomes/PUBLISHED").asInt()).isZero();
        assertThat(report.at("/itemOutcomes/DUPLICATE").asInt()).isEqualTo(articles);
        // Give the pipeline time to index anything that a wrong republish would have produced.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> count() == articles);
    }

    @Test
    @Order(3)
    void reEnrichmentRetagsEveryPastArticleWithoutAddingOne() throws Exception {
        int articles = sample.corpus().articles().size();
        Instant before = Instant.now();
        enrich.close();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> GroupRewind.toEarliest(KAFKA, RUN + "-enrich", RUN + ".articles.raw") > 0);
        enrich.start();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> countEnrichedSince(before) == articles);
        assertThat(count()).isEqualTo(articles);
    }

    private static long countEnrichedSince(Instant t) throws IOException, InterruptedException {
        post(URI.create(ELASTIC + "/" + ALIAS + "/_refresh"));
        String query = "{\"query\":{\"range\":{\"enrichedAt\":{\"gte\":\"" + t + "\"}}}}";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ELASTIC + "/" + ALIAS + "/_count"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query)).build(),
                HttpResponse.BodyHandlers.ofString());
        return EventCodec.mapper().readTree(r.body()).path("count").asLong(-1);
    }

    private static long count() throws IOException, InterruptedException {
        post(URI.create(ELASTIC + "/" + ALIAS + "/_refresh"));
        return get(URI.create(ELASTIC + "/" + ALIAS + "/_count")).path("count").asLong(-1);
    }

    private static JsonNode get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return EventCodec.mapper().readTree(r.body());
    }

    private static JsonNode post(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IOException("POST " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return EventCodec.mapper().readTree(r.body());
    }
}
