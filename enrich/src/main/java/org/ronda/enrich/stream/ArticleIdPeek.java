package org.ronda.enrich.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;
import org.ronda.contracts.EventCodec;

/**
 * The top-level {@code articleId} of an event's JSON, read without decoding the rest. Enriched events
 * write it third, before the article and its enrichment, so this reads a few dozen bytes of a
 * record of several kilobytes.
 */
final class ArticleIdPeek {

    private static final String FIELD = "articleId";

    private ArticleIdPeek() {
    }

    /** The article id, or empty when the JSON has no top-level string {@code articleId} or is not JSON. */
    static Optional<String> of(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try (JsonParser parser = EventCodec.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (FIELD.equals(name)) {
                    return value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
