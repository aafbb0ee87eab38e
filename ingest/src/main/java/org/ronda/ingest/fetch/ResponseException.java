package org.ronda.ingest.fetch;

import java.io.IOException;

/**
 * A response the fetcher will not accept, with the {@link FetchException} reason code to report:
 * {@code bad-response}, {@code too-large}, {@code unsupported-encoding} or {@code bad-encoding}. All of
 * them are permanent: asking again gets the same answer.
 */
final class ResponseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    ResponseException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    ResponseException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
