package org.ronda.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.TopicTag;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicReplay;

/**
 * The alerts service killed with SIGKILL in the middle of a stream and started again: the alerts
 * topic holds exactly one alert per subscription, story and revision, none lost, none repeated, and
 * every one of them reaches the subscribers' webhooks (de-duplicated by Ronda-Delivery-Id, as
 * docs/webhooks.md tells receivers to do; raw repeats after the crash are printed). Real: Kafka,
 * Elasticsearch, the packaged alerts service as a process, an HTTP receiver on 127.0.0.1.
 * Faked: nothing.
 */
class AlertsCrashRecoveryIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");
    private static final String ELASTIC = System.getProperty("it.elastic.hosts", "127.0.0.1:19200");
    private static final int ARTICLES = 3000;
    private static final int PER_STORY = 4;

    @Test
    void aKilledAlertServiceNeitherLosesNorRepeatsAlerts() throws Exception {
        String run = "alerts-crash-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        AtomicLong posts = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            received.computeIfAbsent(exchange.getRequestHeaders().getFirst("Ronda-Delivery-Id"), k -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        Map<String, String> settings = new HashMap<>();
        settings.put("ronda.kafka.bootstrap-servers", KAFKA);
        settings.put("quarkus.elasticsearch.hosts", ELASTIC);
        for (String t : List.of("enriched-articles", "subscriptions", "stories", "alerts", "dead-letter", "email-state")) {
            settings.put("ronda.alerts.topics." + t, run + "." + t);
        }
        settings.put("ronda.alerts.match-group-id", run + "-match");
        settings.put("ronda.alerts.recorder-group-id", run + "-record");
        settings.put("ronda.alerts.webhook.group-id", run + "-webhook");
        settings.put("ronda.alerts.email.group-id", run + "-email");
        settings.put("ronda.alerts.alert-index", run + "-alerts");
        settings.put("ronda.alerts.instance-id", run);
        settings.put("ronda.alerts.public-url", "http://127.0.0.1:28185");
        settings.put("ronda.alerts.webhook.allow-private-addresses", "127.0.0.1/32");
        // Small transactions, so that the kill lands between many commits.
        settings.put("ronda.alerts.max-poll-records", "25");
        Path repo = Path.of(System.getProperty("ronda.repo", ".."));
        HttpClient http = HttpClient.newHttpClient();

        try (ServiceProcess alerts = new ServiceProcess(repo, "alerts", 28185, settings, repo.resolve("e2e/target/e2e-logs/" + run))) {
            alerts.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> alerts.ready(http));
            String key = post(http, alerts.url("/api/keys"), null, "{}").get("apiKey").asText();
            String scam = post(http, alerts.url("/api/subscriptions"), key,
                    "{\"topics\":[\"scam\"],\"webhook\":{\"url\":\"" + hook + "\"}}").get("id").asText();
            String drugsTh = post(http, alerts.url("/api/subscriptions"), key,
                    "{\"topics\":[\"drugs\"],\"countries\":[\"TH\"],\"webhook\":{\"url\":\"" + hook + "\"}}").get("id").asText();
            String police = post(http, alerts.url("/api/subscriptions"), key, "{\"query\":\"police\"}").get("id").asText();

            List<EnrichedArticle> articles = articles();
            produce(run + ".enriched-articles", articles);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> CommittedRecords.count(KAFKA, run + ".alerts") > 0);
            alerts.kill();
            long atKill = CommittedRecords.alerts(KAFKA, run + ".alerts");

            Map<String, Integer> expected = expectedAlerts(articles, Map.of(
                    scam, a -> a.enrichment().topics().stream().anyMatch(t -> t.topic().equals("scam")),
                    drugsTh, a -> a.enrichment().topics().stream().anyMatch(t -> t.topic().equals("drugs"))
                            && a.enrichment().countries().stream().anyMatch(c -> c.id().equals("TH")),
                    police, a -> a.article().text().contains("police")));
            assertThat(atKill).as("killed mid-stream").isLessThan(expected.size());

            alerts.start();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> alerts.ready(http));
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> CommittedRecords.alerts(KAFKA, run + ".alerts") >= expected.size());

            Map<String, Integer> seen = new TreeMap<>();
            Map<String, Integer> recordsPerArticle = new TreeMap<>();
            TopicReplay.readToEnd(KAFKA, run + ".alerts", null, r -> {
                ArticleAlerts record = EventCodec.decodeArticleAlerts(r.value());
                recordsPerArticle.merge(record.article().articleId(), 1, Integer::sum);
                record.alerts().forEach(a -> seen.merge(a.deliveryId(), 1, Integer::sum));
            });
            assertThat(seen.keySet()).isEqualTo(expected.keySet());
            assertThat(seen.values()).as("each alert revision exactly once").containsOnly(1);
            assertThat(recordsPerArticle.values()).as("one alert record per article").containsOnly(1);

            List<String> webhookExpected = expected.keySet().stream().filter(id -> !id.startsWith(police)).toList();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(webhookExpected));
            long repeats = posts.get() - received.size();
            System.out.printf("AlertsCrashRecoveryIT: %d alerts, %d committed at the kill, %d webhook deliveries, %d repeated POSTs after the crash%n",
                    expected.size(), atKill, received.size(), repeats);
            assertThat(repeats).as("repeats are bounded by what was in flight at the kill").isLessThanOrEqualTo(1024);
        } finally {
            receiver.stop(0);
        }
    }

    /** Alert delivery ids ({@code sub/cluster#revision}) that the articles make for each subscription. */
    private static Map<String, Integer> expectedAlerts(List<EnrichedArticle> articles,
            Map<String, java.util.function.Predicate<EnrichedArticle>> subscriptions) {
        Map<String, Integer> perStory = new HashMap<>();
        for (EnrichedArticle a : articles) {
            subscriptions.forEach((id, matches) -> {
                if (matches.test(a)) {
                    perStory.merge(id + "/" + a.enrichment().clusterId(), 1, Integer::sum);
                }
            });
        }
        Map<String, Integer> ids = new TreeMap<>();
        perStory.forEach((alertId, n) -> {
            for (int revision = 1; revision <= n; revision++) {
                ids.put(alertId + "#" + revision, 1);
            }
        });
        return ids;
    }

    private static List<EnrichedArticle> articles() {
        List<EnrichedArticle> out = new ArrayList<>();
        Instant now = Instant.now();
        String[] outlets = {"Bangkok Wire", "Khmer Ledger", "Manila Courier", "Jakarta Daily"};
        for (int i = 0; i < ARTICLES; i++) {
            int story = i / PER_STORY;
            String url = "http://127.0.0.1:1/crash/" + i;
            List<TopicTag> topics = switch (story % 3) {
                case 0 -> List.of(topic("scam"));
                case 1 -> List.of(topic("drugs"));
                default -> List.of();
            };
            List<EntityTag> countries = List.of(new EntityTag(story % 2 == 0 ? "TH" : "MY", List.of(new Evidence("x", "text", 0, 1))));
            String text = (i % 5 == 0 ? "The police raided a compound. " : "Officials met today. ") + "Story " + story + ".";
            RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), now, url, "http://127.0.0.1:1/feed",
                    new SourceRef("s" + (i % 4), outlets[i % 4], "TH", "en", "media"), "Story " + story + " copy " + i, text, null,
                    now, "en", now, null, null, null, false, null);
            out.add(new EnrichedArticle(1, UUID.randomUUID().toString(), raw.articleId(), now, raw,
                    new Enrichment("crash-it", "en", topics, now, countries, List.of(), "story-" + story, i % PER_STORY == 0)));
        }
        return out;
    }

    private static TopicTag topic(String id) {
        return new TopicTag(id, 1.0, List.of(new Evidence(id, "text", 0, 1)));
    }

    private static void produce(String topic, List<EnrichedArticle> articles) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(KAFKA, "alerts-crash-it"))) {
            for (EnrichedArticle a : articles) {
                producer.send(new ProducerRecord<>(topic, a.articleId(), EventCodec.encode(a)));
            }
            producer.flush();
        }
    }

    private static JsonNode post(HttpClient http, URI url, String key, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return EventCodec.mapper().readTree(r.body());
    }
}
