package org.ronda.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-article alert record (decision 32): golden round trip, expansion, the former format, limits. Pure logic. */
class ArticleAlertsContractTest {

    @Test
    void goldenFileRoundTrips() throws IOException {
        String golden = read("/golden/article-alerts-v1.json");

        ArticleAlerts record = EventCodec.decodeArticleAlerts(golden);

        assertThat(record.decisions()).extracting(ArticleAlerts.Decision::subscriptionId)
                .containsExactly("sub_Qm3hT8xWcV2kL9pR", "sub_Zr7nB4yEaK1uD6sF");
        assertThat(tree(EventCodec.encode(record))).isEqualTo(tree(golden));
    }

    @Test
    void eachDecisionExpandsToTheAlertThatSubscriptionIsTold() throws IOException {
        ArticleAlerts record = EventCodec.decodeArticleAlerts(read("/golden/article-alerts-v1.json"));

        List<Alert> alerts = record.alerts();

        assertThat(alerts).extracting(Alert::deliveryId).containsExactly(
                "sub_Qm3hT8xWcV2kL9pR/c-3f1a9c0de2b84e5fa1c27d9b06e4a513#1",
                "sub_Zr7nB4yEaK1uD6sF/c-3f1a9c0de2b84e5fa1c27d9b06e4a513#3");
        assertThat(alerts).extracting(Alert::kind).containsExactly(Alert.Kind.NEW, Alert.Kind.UPDATED);
        assertThat(alerts.get(1).storyOutlets()).isEqualTo(2);
        assertThat(alerts).allSatisfy(a -> assertThat(a.article()).isSameAs(record.article()));
        assertThat(record.alertFor("sub_Zr7nB4yEaK1uD6sF")).contains(alerts.get(1));
        assertThat(record.alertFor("sub_unknown")).isEmpty();
    }

    @Test
    void anAlertOfTheFormerPerSubscriptionFormatIsARecordWithItsOneDecision() throws IOException {
        String former = read("/golden/alert-v1-per-subscription.json");

        ArticleAlerts record = EventCodec.decodeArticleAlerts(former);

        assertThat(record.decisions()).hasSize(1);
        Alert expanded = record.alerts().get(0);
        assertThat(tree(EventCodec.encode(expanded))).isEqualTo(tree(former));
        ArticleAlerts current = EventCodec.decodeArticleAlerts(read("/golden/article-alerts-v1.json"));
        assertThat(expanded).isEqualTo(current.alertFor("sub_Zr7nB4yEaK1uD6sF").orElseThrow());
    }

    @Test
    void aNarrowedRecordKeepsTheArticleAndOneDecision() throws IOException {
        ArticleAlerts record = EventCodec.decodeArticleAlerts(read("/golden/article-alerts-v1.json"));

        ArticleAlerts one = record.only(record.decisions().get(1));

        assertThat(EventCodec.decodeArticleAlerts(EventCodec.encode(one)).alerts()).containsExactly(record.alerts().get(1));
    }

    @Test
    void manyDecisionsAreSplitIntoRecordsUnderTheLimit() throws IOException {
        ArticleAlerts golden = EventCodec.decodeArticleAlerts(read("/golden/article-alerts-v1.json"));
        List<ArticleAlerts.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 2 * ArticleAlerts.MAX_DECISIONS + 1; i++) {
            decisions.add(new ArticleAlerts.Decision("sub_" + i, 1, 1, 1));
        }

        List<ArticleAlerts> parts = ArticleAlerts.split(golden.clusterId(), golden.article(), golden.enrichedAt(), golden.alertedAt(), decisions);

        assertThat(parts).extracting(p -> p.decisions().size()).containsExactly(ArticleAlerts.MAX_DECISIONS, ArticleAlerts.MAX_DECISIONS, 1);
        assertThat(parts.stream().flatMap(p -> p.decisions().stream()).toList()).isEqualTo(decisions);
        assertThat(EventCodec.encode(parts.get(0)).length()).as("bytes of a full record").isLessThan(200_000);
        assertThat(ArticleAlerts.split(golden.clusterId(), golden.article(), null, golden.alertedAt(), List.of())).isEmpty();
    }

    @Test
    void aRecordWithoutDecisionsOrWithASubscriptionTwiceIsRefused() throws IOException {
        String golden = read("/golden/article-alerts-v1.json");
        String none = tree(golden).deepCopy().toString().replaceFirst("\"decisions\":\\[.*]", "\"decisions\":[]");
        String twice = golden.replace("sub_Zr7nB4yEaK1uD6sF", "sub_Qm3hT8xWcV2kL9pR");

        assertThatThrownBy(() -> EventCodec.decodeArticleAlerts(none))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("decisions must not be empty");
        assertThatThrownBy(() -> EventCodec.decodeArticleAlerts(twice))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("decided twice");
        assertThatThrownBy(() -> EventCodec.decodeArticleAlerts("[1]")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventCodec.decodeArticleAlerts("{\"schemaVersion\": 1, ")).isInstanceOf(InvalidEventException.class);
    }

    private static JsonNode tree(String json) throws IOException {
        return EventCodec.mapper().readTree(json);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ArticleAlertsContractTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
