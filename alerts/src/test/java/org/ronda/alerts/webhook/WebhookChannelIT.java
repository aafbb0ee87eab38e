package org.ronda.alerts.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.subscription.SubscriptionStore;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.KafkaClientProperties;

/**
 * The webhook channel inside the alerts service: real Kafka (topics and groups unique to this run),
 * the real subscription store, a JDK HTTP receiver on 127.0.0.1. Proves the wiring from
 * configuration: a subscription saved through the store gets its alert, health reports the channel,
 * and the URL policy bean refuses the metadata address.
 */
@QuarkusTest
@TestProfile(WebhookChannelIT.UniqueTopics.class)
class WebhookChannelIT {

    /** Topic and group names of this run only, so that parallel runs on the shared broker never meet. */
    public static class UniqueTopics implements QuarkusTestProfile {
        static final String RUN = UUID.randomUUID().toString().substring(0, 8);

        @Override
        public Map<String, String> getConfigOverrides() {
            String prefix = "it.webhook-channel." + RUN + ".";
            return Map.ofEntries(
                    Map.entry("ronda.kafka.bootstrap-servers", System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092")),
                    Map.entry("quarkus.elasticsearch.hosts", System.getProperty("it.elastic.hosts", "127.0.0.1:19200")),
                    Map.entry("ronda.alerts.topics.enriched-articles", prefix + "enriched"),
                    Map.entry("ronda.alerts.topics.subscriptions", prefix + "subscriptions"),
                    Map.entry("ronda.alerts.topics.stories", prefix + "stories"),
                    Map.entry("ronda.alerts.topics.alerts", prefix + "alerts"),
                    Map.entry("ronda.alerts.topics.dead-letter", prefix + "dead-letter"),
                    Map.entry("ronda.alerts.topics.email-state", prefix + "email-state"),
                    Map.entry("ronda.alerts.webhook.group-id", "it-webhook-channel-" + RUN),
                    Map.entry("ronda.alerts.webhook.initial-backoff", "100ms"),
                    Map.entry("ronda.alerts.webhook.allow-private-addresses", "127.0.0.1/32"));
        }
    }

    @Inject
    SubscriptionStore store;

    @Inject
    AlertsConfig config;

    @Inject
    WebhookUrlPolicy urlPolicy;

    private HttpServer receiver;
    private final List<String> deliveryIds = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                deliveryIds.add(exchange.getRequestHeaders().getFirst("Ronda-Delivery-Id"));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void deliversAnAlertOfASubscriptionSavedThroughTheStore() throws Exception {
        String id = WebhookFixtures.newSubscriptionId();
        store.save(WebhookFixtures.subscription(id, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "whsec_channel"));
        Alert alert = WebhookFixtures.alert(id, 1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaClientProperties.producer(
                System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092"), "it-webhook-channel"))) {
            producer.send(new ProducerRecord<>(config.topics().alerts(), alert.clusterId(), EventCodec.encode(ArticleAlerts.of(alert)))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> deliveryIds.contains(alert.deliveryId()));

        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("alerts-webhook"));
        given().when().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("alerts-webhook-alive"));
        assertThat(deliveryIds).containsOnlyOnce(alert.deliveryId());
    }

    @Test
    void theUrlPolicyBeanRefusesTheMetadataAddress() {
        assertThatThrownBy(() -> urlPolicy.check("http://169.254.169.254/latest/meta-data/"))
                .isInstanceOfSatisfying(WebhookUrlRefusedException.class, e -> assertThat(e.reason()).isEqualTo("blocked-address"));
        urlPolicy.check("http://127.0.0.1:9/allowed-by-the-test-setting");
    }
}
