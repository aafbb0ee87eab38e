package org.ronda.enrich.stream;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The size cap on raw article records ({@code ronda.enrich.max-article-bytes}). Checked before the
 * record is parsed, so that an oversized record costs neither a JSON parse nor a tagging pass, and
 * so that its enriched event, which would carry the whole article, is never written.
 */
final class ArticleSizeLimit {

    /** The dead-letter reason of a record over the cap. */
    static final String REASON = "oversized-article";

    private ArticleSizeLimit() {
    }

    /**
     * The dead-letter detail when {@code value} is over {@code maxBytes} UTF-8 bytes, empty when it
     * fits (or is null: a missing value is the decoder's case, not this one).
     */
    static Optional<String> exceeded(String value, int maxBytes) {
        // A char never encodes to more than 3 UTF-8 bytes: short values skip the encoding.
        if (value == null || (long) value.length() * 3 <= maxBytes) {
            return Optional.empty();
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= maxBytes) {
            return Optional.empty();
        }
        return Optional.of(bytes + " bytes, over the limit of " + maxBytes + " (ronda.enrich.max-article-bytes)");
    }
}
