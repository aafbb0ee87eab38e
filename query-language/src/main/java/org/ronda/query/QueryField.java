package org.ronda.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields a query may name before a colon, and the document field each one searches. Text
 * fields are analysed (match, phrase, prefix on words); the others are keywords, matched exactly
 * after the normalisation the indexer uses for them (upper-case country codes, lower-case ids).
 */
public enum QueryField {
    TITLE("title", "title", Kind.TEXT),
    TEXT("text", "text", Kind.TEXT),
    OUTLET("outlet", "outlet", Kind.EXACT),
    TOPIC("topic", "topics", Kind.LOWER),
    COUNTRY("country", "countries", Kind.UPPER),
    LANG("lang", "language", Kind.LOWER),
    ORG("org", "organisations", Kind.LOWER);

    enum Kind { TEXT, EXACT, LOWER, UPPER }

    private final String queryName;
    private final String documentField;
    private final Kind kind;

    QueryField(String queryName, String documentField, Kind kind) {
        this.queryName = queryName;
        this.documentField = documentField;
        this.kind = kind;
    }

    /** The name written in queries, e.g. {@code country}. */
    public String queryName() {
        return queryName;
    }

    /** The field in the article document, e.g. {@code countries}. */
    public String documentField() {
        return documentField;
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    /** {@code value} as stored in the keyword field; text fields keep it as written. */
    public String normalise(String value) {
        return switch (kind) {
            case LOWER -> value.toLowerCase(Locale.ROOT);
            case UPPER -> value.toUpperCase(Locale.ROOT);
            default -> value;
        };
    }

    /** The field written as {@code name} in a query (case-insensitive). */
    static Optional<QueryField> named(String name) {
        for (QueryField f : values()) {
            if (f.queryName.equalsIgnoreCase(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The field names for error messages: {@code title, text, outlet, ...}. */
    static String names() {
        return Arrays.stream(values()).map(QueryField::queryName).collect(Collectors.joining(", "));
    }
}
