package org.ronda.search.service;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the next page starts, sent to clients as an opaque URL-safe string: the point in time the
 * search runs against, the fingerprint of its parameters, and either the last row's sort values
 * ({@code search_after}, when every copy is listed) or the offset of the next row (when rows are
 * collapsed per story, because Elasticsearch allows search_after with collapse only when sorting on
 * the collapse field).
 */
record PageCursor(String pit, String fingerprint, List<FieldValue> after, Integer offset) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pit", pit);
        m.put("fp", fingerprint);
        if (after != null) {
            List<Object> values = new ArrayList<>();
            after.forEach(v -> values.add(v._get()));
            m.put("after", values);
        }
        if (offset != null) {
            m.put("offset", offset);
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new IllegalStateException("cursor not serialisable", e);
        }
    }

    /** The cursor in {@code text}; a string that is not one of ours is an invalid {@code cursor} parameter. */
    static PageCursor decode(String text) {
        try {
            Map<String, Object> m = JSON.readValue(Base64.getUrlDecoder().decode(text), new TypeReference<Map<String, Object>>() { });
            List<FieldValue> after = null;
            if (m.get("after") instanceof List<?> values) {
                after = new ArrayList<>();
                for (Object v : values) {
                    after.add(fieldValue(v));
                }
            }
            Integer offset = m.get("offset") instanceof Number n ? n.intValue() : null;
            if (!(m.get("pit") instanceof String pit) || !(m.get("fp") instanceof String fp) || (after == null) == (offset == null)) {
                throw new InvalidParameterException("cursor", "cursor is not one this service issued");
            }
            return new PageCursor(pit, fp, after, offset);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidParameterException("cursor", "cursor is not one this service issued");
        }
    }

    private static FieldValue fieldValue(Object v) {
        if (v == null) {
            return FieldValue.NULL;
        }
        if (v instanceof Integer || v instanceof Long) {
            return FieldValue.of(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return FieldValue.of(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return FieldValue.of(b);
        }
        return FieldValue.of(v.toString());
    }
}
