package org.ronda.contracts;

import java.util.regex.Pattern;

/** Constructor checks shared by the event records; failures are {@link InvalidEventException}. */
final class Contract {

    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");

    private Contract() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidEventException(field + " is required");
        }
        return value;
    }

    static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field + " is required and must not be blank");
        }
        return value;
    }

    static String articleId(String value) {
        if (value == null || !ARTICLE_ID.matcher(value).matches()) {
            throw new InvalidEventException("articleId must be 32 lowercase hex characters, got " + value);
        }
        return value;
    }

    static void schemaVersion(int actual, int supported, String event) {
        if (actual != supported) {
            throw new InvalidEventException(
                    event + " schemaVersion " + actual + " is not supported (this build reads " + supported + ")");
        }
    }
}
