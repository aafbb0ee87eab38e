package org.ronda.alerts.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EventCodec;

/** Pure logic: signature, headers and payload. The expected HMAC is computed here, independently. */
class WebhookSignerTest {

    private static final String SECRET = "whsec_3f9a1c";

    @Test
    void signsTimestampDotBodyWithHmacSha256() throws Exception {
        byte[] body = "{\"event\":\"alert.created\",\"alertId\":\"sub_x/c-1\"}".getBytes(StandardCharsets.UTF_8);

        String header = WebhookSigner.signature(SECRET, 1_772_600_767L, body);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                ("1772600767." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertThat(header).isEqualTo("t=1772600767,v1=" + expected);
    }

    @Test
    void headersNameTheAlertTheDeliveryAndTheEvent() {
        Alert alert = WebhookFixtures.alert("sub_0123456789abcdef01234567", 7);
        byte[] body = WebhookPayload.json(alert);
        Instant now = Instant.parse("2026-03-04T05:06:09Z");

        Map<String, String> headers = WebhookSigner.headers(alert, SECRET, now, body);

        assertThat(headers)
                .containsEntry("Content-Type", "application/json")
                .containsEntry("Ronda-Event", "alert.created")
                .containsEntry("Ronda-Alert-Id", "sub_0123456789abcdef01234567/c-7")
                .containsEntry("Ronda-Delivery-Id", "sub_0123456789abcdef01234567/c-7#1")
                .containsEntry("Ronda-Signature", WebhookSigner.signature(SECRET, now.getEpochSecond(), body));
    }

    @Test
    void anUpdateIsAlertUpdated() {
        Alert a = WebhookFixtures.alert("sub_0123456789abcdef01234567", 1);
        Alert update = new Alert(a.schemaVersion(), a.alertId(), 2, Alert.Kind.UPDATED, a.subscriptionId(), a.clusterId(),
                2, 2, a.article(), a.enrichedAt(), a.alertedAt());

        assertThat(WebhookSigner.event(update)).isEqualTo("alert.updated");
    }

    @Test
    void payloadCarriesStoryAndArticleWithEvidence() throws Exception {
        Alert alert = WebhookFixtures.alert("sub_0123456789abcdef01234567", 3);

        JsonNode json = EventCodec.mapper().readTree(WebhookPayload.json(alert));

        assertThat(json.get("event").asText()).isEqualTo("alert.created");
        assertThat(json.get("alertId").asText()).isEqualTo(alert.alertId());
        assertThat(json.get("revision").asInt()).isEqualTo(1);
        assertThat(json.get("subscriptionId").asText()).isEqualTo(alert.subscriptionId());
        assertThat(json.at("/story/clusterId").asText()).isEqualTo("c-3");
        assertThat(json.at("/story/articles").asInt()).isEqualTo(1);
        assertThat(json.at("/story/outlets").asInt()).isEqualTo(1);
        assertThat(json.at("/article/outlet").asText()).isEqualTo("Khmer Times");
        assertThat(json.at("/article/outletCountry").asText()).isEqualTo("KH");
        assertThat(json.at("/article/publishedAt").asText()).isEqualTo("2026-03-04T04:00:00Z");
        assertThat(json.at("/article/topics/0/topic").asText()).isEqualTo("scam");
        assertThat(json.at("/article/topics/0/evidence/0/term").asText()).isEqualTo("scam compound");
        assertThat(json.at("/article/countries/0").asText()).isEqualTo("KH");
        assertThat(json.at("/article/snippet").asText()).startsWith("Police in Preah Sihanouk");
        assertThat(json.get("alertedAt").asText()).isEqualTo("2026-03-04T05:06:08Z");
    }
}
