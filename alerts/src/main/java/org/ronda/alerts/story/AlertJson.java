package org.ronda.alerts.story;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EventCodec;

/**
 * The JSON of the alerts of one article, with the article's part encoded once: a broad article
 * makes hundreds of alerts, which differ only in their few subscription and story fields. The
 * result is the same JSON {@link EventCodec#encode} writes (a test compares them).
 */
public final class AlertJson {

    private final Alert.AlertArticle article;
    private final String articleJson;

    /** @param article the article view every alert encoded here carries */
    public AlertJson(Alert.AlertArticle article) {
        this.article = article;
        this.articleJson = EventCodec.encode(article);
    }

    /** The JSON of {@code alert}. */
    public String encode(Alert alert) {
        if (alert.article() != article) {
            return EventCodec.encode(alert);
        }
        StringWriter out = new StringWriter(articleJson.length() + 400);
        try (JsonGenerator g = EventCodec.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", alert.schemaVersion());
            g.writeStringField("alertId", alert.alertId());
            g.writeNumberField("revision", alert.revision());
            g.writeStringField("kind", alert.kind().name());
            g.writeStringField("subscriptionId", alert.subscriptionId());
            g.writeStringField("clusterId", alert.clusterId());
            g.writeNumberField("storyArticles", alert.storyArticles());
            g.writeNumberField("storyOutlets", alert.storyOutlets());
            g.writeFieldName("article");
            g.writeRawValue(articleJson);
            instant(g, "enrichedAt", alert.enrichedAt());
            instant(g, "alertedAt", alert.alertedAt());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toString();
    }

    private static void instant(JsonGenerator g, String field, Instant value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value.toString());
        }
    }
}
