package org.ronda.alerts.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ronda.alerts.TestArticles.article;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ronda.alerts.IsolatedAlerts;
import org.ronda.alerts.rest.SubscriptionApiITSupport;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.KafkaClientProperties;

/**
 * From enriched articles to alerts on the real broker and Elasticsearch: one alert per
 * subscription and story, later copies update it ("now in 2 outlets"), articles older than the
 * subscription and re-sent articles alert nothing, the Atom feed reads in Rome and the live stream
 * pushes the alerts. Real: Kafka, Elasticsearch, HTTP. Faked: nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = IsolatedAlerts.class, restrictToAnnotatedClass = true)
class AlertFlowIT {

    @ConfigProperty(name = "ronda.kafka.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "ronda.alerts.topics.enriched-articles")
    String enrichedTopic;

    @ConfigProperty(name = "ronda.alerts.topics.alerts")
    String alertsTopic;

    @TestHTTPResource("/")
    URL base;

    @Test
    void alertsOncePerStoryUpdatesOnCopiesAndServesFeedAndStream() throws Exception {
        EnrichedArticle old = article("Old scam raid in Bangkok", "Police raided a scam call centre in Bangkok last year.")
                .topic("scam").country("TH").cluster("c-old", true).enrichedAt(Instant.now().minusSeconds(3600)).build();
        String key = SubscriptionApiITSupport.newKey();
        String scamTh = SubscriptionApiITSupport.create(key, "{\"name\":\"Thai scams\",\"topics\":[\"scam\"],\"countries\":[\"TH\"]}");
        String meth = SubscriptionApiITSupport.create(key, "{\"query\":\"methamphetamine\"}");
        String other = SubscriptionApiITSupport.create(SubscriptionApiITSupport.newKey(), "{\"topics\":[\"drugs\"]}");
        Map<String, Object> sub = given().auth().oauth2(key).get("/api/subscriptions/" + scamTh).then().extract().jsonPath().getMap("$");
        String streamUrl = ((String) sub.get("streamUrl")).replaceFirst("^http://[^/]+/", base.toString());
        String feedUrl = ((String) sub.get("feedUrl")).replaceFirst("^http://[^/]+/", "/");

        List<String> events = new CopyOnWriteArrayList<>();
        Thread reader = streamInto(streamUrl, events);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.stream().anyMatch(l -> l.startsWith(":")));

        Instant now = Instant.now();
        EnrichedArticle first = article("Police raid scam compound near Mae Sot", "Thai police freed 120 workers from a scam compound.")
                .outlet("Bangkok Wire", "TH").topic("scam").country("TH").cluster("c-maesot", true).enrichedAt(now).build();
        EnrichedArticle copy = article("Scam compound raided near Mae Sot", "Thai police freed 120 workers from a scam compound.")
                .outlet("Khmer Ledger", "KH").topic("scam").country("TH").cluster("c-maesot", false).enrichedAt(now).build();
        EnrichedArticle drugs = article("Customs seize methamphetamine", "Officers seized methamphetamine tablets in Bokeo.")
                .outlet("Vientiane Daily", "LA").topic("drugs").country("LA").cluster("c-bokeo", true).enrichedAt(now).build();
        send(List.of(old, first, copy, drugs));

        List<ArticleAlerts> records = readRecords(4);
        // One record per alerting article, whatever the number of subscriptions it alerts.
        assertThat(records).extracting(r -> r.article().articleId())
                .containsExactlyInAnyOrder(first.articleId(), copy.articleId(), drugs.articleId());
        assertThat(records).filteredOn(r -> r.article().articleId().equals(drugs.articleId())).singleElement()
                .satisfies(r -> assertThat(r.decisions()).extracting(ArticleAlerts.Decision::subscriptionId).containsExactlyInAnyOrder(meth, other));
        List<Alert> alerts = expand(records);
        assertThat(alerts).extracting(a -> a.subscriptionId() + " " + a.kind() + " " + a.revision() + " " + a.storyOutlets())
                .containsExactlyInAnyOrder(scamTh + " NEW 1 1", scamTh + " UPDATED 2 2", meth + " NEW 1 1", other + " NEW 1 1");
        Alert updated = alerts.stream().filter(a -> a.kind() == Alert.Kind.UPDATED).findFirst().orElseThrow();
        assertThat(updated.alertId()).isEqualTo(scamTh + "/c-maesot");
        assertThat(updated.article().title()).isEqualTo("Scam compound raided near Mae Sot");
        assertThat(updated.article().topics()).extracting(t -> t.topic()).containsExactly("scam");
        assertThat(updated.article().snippet()).contains("freed 120 workers");
        assertThat(updated.enrichedAt()).isEqualTo(now);

        // The same articles again (a re-enrichment, a replay) and nothing new is alerted.
        send(List.of(first, copy, drugs));
        EnrichedArticle marker = article("Methamphetamine lab found in Shan State", "Police found a methamphetamine lab.")
                .topic("drugs").country("MM").cluster("c-shan", true).enrichedAt(Instant.now()).build();
        send(List.of(marker));
        List<Alert> after = expand(readRecords(6));
        assertThat(after).hasSize(6);
        List<String> before = alerts.stream().map(Alert::deliveryId).toList();
        assertThat(after).filteredOn(a -> !before.contains(a.deliveryId()))
                .extracting(a -> a.article().articleId()).containsExactly(marker.articleId(), marker.articleId());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String atom = given().get(feedUrl).then().statusCode(200).contentType(containsAtom()).extract().asString();
            SyndFeed feed = new SyndFeedInput().build(new StringReader(atom));
            assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(feed.getEntries()).hasSize(1);
            SyndEntry entry = feed.getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo("Scam compound raided near Mae Sot (now in 2 outlets)");
            assertThat(entry.getUri()).isEqualTo("urn:ronda:alert:" + scamTh + "/c-maesot");
            assertThat(entry.getLink()).isEqualTo(copy.article().url());
            assertThat(entry.getDescription().getValue()).contains("scam (scam)").contains("2 articles in 2 outlets");
        });
        given().get(feedUrl.replaceFirst("key=[^&]+", "key=wrong")).then().statusCode(404);
        given().auth().oauth2(key).get("/api/subscriptions/" + scamTh + "/alerts").then().statusCode(200)
                .contentType(ContentType.JSON).body("[0].revision", org.hamcrest.Matchers.equalTo(2));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events).contains("event:alert.created", "event:alert.updated");
            assertThat(events).contains("id:" + scamTh + "/c-maesot#1", "id:" + scamTh + "/c-maesot#2");
        });
        assertThat(events.stream().filter(l -> l.startsWith("event:")).count()).isEqualTo(2);
        reader.interrupt();
    }

    private static String containsAtom() {
        return "application/atom+xml;charset=UTF-8";
    }

    private void send(List<EnrichedArticle> articles) throws Exception {
        try (KafkaProducer<String, String> p = new KafkaProducer<>(KafkaClientProperties.producer(bootstrap, "it-alert-flow"))) {
            for (EnrichedArticle a : articles) {
                p.send(new ProducerRecord<>(enrichedTopic, a.articleId(), EventCodec.encode(a))).get();
            }
        }
    }

    /** The records of the alerts topic, read until they hold at least {@code alerts} alerts and a little longer. */
    private List<ArticleAlerts> readRecords(int alerts) {
        var props = KafkaClientProperties.consumer(bootstrap, "it-read-" + UUID.randomUUID(), "it-read", 500);
        List<ArticleAlerts> records = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
            c.subscribe(List.of(alertsTopic));
            await().atMost(Duration.ofSeconds(40)).until(() -> {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    records.add(EventCodec.decodeArticleAlerts(r.value()));
                }
                return expand(records).size() >= alerts;
            });
            // Anything extra would show up within a few polls.
            for (int i = 0; i < 5; i++) {
                c.poll(Duration.ofMillis(300)).forEach(r -> records.add(EventCodec.decodeArticleAlerts(r.value())));
            }
        }
        return records;
    }

    private static List<Alert> expand(List<ArticleAlerts> records) {
        return records.stream().flatMap(r -> r.alerts().stream()).toList();
    }

    private static Thread streamInto(String url, List<String> lines) {
        Thread t = new Thread(() -> {
            try {
                HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line.replace(": ", ":"));
                    }
                }
            } catch (Exception e) {
                lines.add("error " + e);
            }
        }, "it-sse-reader");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
