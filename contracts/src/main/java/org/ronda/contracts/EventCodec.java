package org.ronda.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON encoding of the events. Unknown fields are ignored so that a reader of schema version N
 * accepts events that a newer writer extended with optional fields; removing or retyping a field
 * needs a new schema version.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private EventCodec() {
    }

    /** The JSON text of an event. */
    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event records always serialise: " + e.getOriginalMessage(), e);
        }
    }

    /** Decodes a raw-article event; throws {@link InvalidEventException} with the reason when it is not one. */
    public static RawArticle decodeRaw(String json) {
        return decode(json, RawArticle.class);
    }

    /** Decodes an enriched-article event; throws {@link InvalidEventException} with the reason when it is not one. */
    public static EnrichedArticle decodeEnriched(String json) {
        return decode(json, EnrichedArticle.class);
    }

    /** Decodes a dead-letter record; throws {@link InvalidEventException} with the reason when it is not one. */
    public static DeadLetter decodeDeadLetter(String json) {
        return decode(json, DeadLetter.class);
    }

    /** Decodes a subscription record; throws {@link InvalidEventException} with the reason when it is not one. */
    public static Subscription decodeSubscription(String json) {
        return decode(json, Subscription.class);
    }

    /** Decodes an alert event; throws {@link InvalidEventException} with the reason when it is not one. */
    public static Alert decodeAlert(String json) {
        return decode(json, Alert.class);
    }

    /**
     * Decodes a record of the alerts topic: an {@link ArticleAlerts}, or an {@link Alert} of the
     * per-subscription format written before decision 32 (it has an {@code alertId}), which becomes
     * a record with its one decision. Throws {@link InvalidEventException} with the reason when it is
     * neither.
     */
    public static ArticleAlerts decodeArticleAlerts(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty ArticleAlerts event");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not an ArticleAlerts: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException("not an ArticleAlerts: not a JSON object");
        }
        if (tree.has("alertId")) {
            return ArticleAlerts.of(convert(tree, Alert.class));
        }
        return convert(tree, ArticleAlerts.class);
    }

    /** The shared mapper, for callers that embed events in other JSON (for example Elasticsearch documents). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static <T> T convert(JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new InvalidEventException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static <T> T decode(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidEventException("empty " + type.getSimpleName() + " event");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidEventException invalid) {
                throw invalid;
            }
            throw new InvalidEventException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
