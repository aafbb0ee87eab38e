package org.ronda.ingest.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status, headers and still-unread body of one HTTP/1.x response. The body is de-framed
 * (Content-Length, chunked or until close) but not yet decoded from gzip or deflate. Closing closes
 * the connection.
 */
final class Http1Response implements Closeable {

    private final int status;
    private final Map<String, List<String>> headers;
    private final InputStream body;
    private final Socket socket;

    /** @param headers header values by lower-case name */
    Http1Response(int status, Map<String, List<String>> headers, InputStream body, Socket socket) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.socket = socket;
    }

    int status() {
        return status;
    }

    /** The first value of a header, when present. */
    Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of a header, split at commas. */
    List<String> headerList(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    InputStream body() {
        return body;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
