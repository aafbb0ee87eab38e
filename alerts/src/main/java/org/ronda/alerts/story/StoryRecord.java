package org.ronda.alerts.story;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.ronda.contracts.EventCodec;

/**
 * What one subscription has been told about one story: the value of the compacted topic
 * {@code ronda.alerts.stories}, keyed by {@link #alertId}.
 *
 * @param alertId        {@code subscriptionId/clusterId}
 * @param subscriptionId the subscription
 * @param clusterId      the story
 * @param revision       the last revision alerted
 * @param articles       articles of the story counted so far
 * @param articleIds     articles of the story already counted, oldest first
 * @param outlets        distinct outlets among them
 */
public record StoryRecord(String alertId, String subscriptionId, String clusterId, int revision, int articles, List<String> articleIds, List<String> outlets) {

    public StoryRecord {
        articleIds = List.copyOf(articleIds);
        outlets = List.copyOf(outlets);
    }

    /**
     * The JSON {@link EventCodec#encode} writes for this record (a test compares them), written with
     * the streaming generator: the match loop writes one per alert, thousands a second.
     */
    public String json() {
        StringWriter out = new StringWriter(128 + 36 * articleIds.size());
        try (JsonGenerator g = EventCodec.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("alertId", alertId);
            g.writeStringField("subscriptionId", subscriptionId);
            g.writeStringField("clusterId", clusterId);
            g.writeNumberField("revision", revision);
            g.writeNumberField("articles", articles);
            g.writeArrayFieldStart("articleIds");
            for (String id : articleIds) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outlets");
            for (String outlet : outlets) {
                g.writeString(outlet);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toString();
    }
}
