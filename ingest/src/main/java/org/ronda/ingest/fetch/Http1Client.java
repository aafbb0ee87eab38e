package org.ronda.ingest.fetch;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.ronda.net.PinnedSockets;

/**
 * Sends one HTTP/1.1 GET over a fresh connection to an address the guard already vetted, and reads
 * the response head. This is why the fetcher does its own HTTP: {@code java.net.http.HttpClient} and
 * {@code HttpURLConnection} resolve the host name again when they connect, so a DNS answer that
 * changed after the check (DNS rebinding) would decide where the request goes. Here the socket goes
 * to the vetted address, the {@code Host} header and TLS SNI carry the name, and the certificate is
 * verified against the name ({@code HTTPS} endpoint identification), so pinning costs no security.
 *
 * <p>One request per connection ({@code Connection: close}): the throttle spaces requests to a host
 * by a second or more, so keep-alive would save little and cost connection-state bugs. No proxy is
 * used. The head is bounded (line length, line count, total bytes).
 */
final class Http1Client {

    private static final int MAX_HEADER_LINE = 8192;
    private static final int MAX_HEADER_LINES = 200;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_INTERIM_RESPONSES = 10;

    private final SocketConnector connector;
    private final Supplier<SSLSocketFactory> tls;
    private final Duration connectTimeout;
    private final long readTimeoutMillis;
    private final long maxRequestNanos;

    Http1Client(SocketConnector connector, Supplier<SSLSocketFactory> tls, Duration connectTimeout,
            Duration readTimeout, Duration maxRequestDuration) {
        this.connector = connector;
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.readTimeoutMillis = readTimeout.toMillis();
        this.maxRequestNanos = maxRequestDuration.toNanos();
    }

    /**
     * GETs {@code url} from the first of {@code addresses} that accepts a connection.
     *
     * @param url     an absolute http or https URL whose path and query are ASCII
     * @param headers request headers besides Host and Connection, values free of line breaks
     * @throws ConnectException  when no address accepted a connection
     * @throws ResponseException when the response head is not acceptable HTTP/1.x
     * @throws IOException       on any other I/O failure, timeouts included
     */
    Http1Response get(URI url, List<InetAddress> addresses, Map<String, String> headers) throws IOException {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        long deadline = System.nanoTime() + maxRequestNanos;
        Socket socket = connect(addresses, port);
        try {
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, readTimeoutMillis)));
            if (https) {
                socket = startTls(socket, url.getHost(), port);
            }
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(url, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(
                    new DeadlineInputStream(socket, socket.getInputStream(), deadline, readTimeoutMillis), 8192);
            Head head = readHead(in);
            return new Http1Response(head.status, head.headers, frame(head, in), socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private Socket connect(List<InetAddress> addresses, int port) throws IOException {
        return PinnedSockets.firstReachable(addresses, port, address -> connector.connect(address, connectTimeout));
    }

    private Socket startTls(Socket plain, String host, int port) throws IOException {
        return PinnedSockets.startTls(tls.get(), plain, host, port);
    }

    static String requestHead(URI url, Map<String, String> headers) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        requireVisibleAscii("request target", target);
        String host = url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
        requireVisibleAscii("host", host);
        StringBuilder head = new StringBuilder(256)
                .append("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n");
        headers.forEach((name, value) -> {
            requireVisibleAscii("header name", name);
            if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f || c > 0xff)) {
                throw new IllegalArgumentException("header " + name + " has a control character");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("Connection: close\r\n\r\n").toString();
    }

    private static void requireVisibleAscii(String what, String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException(what + " is not visible ASCII: " + s);
        }
    }

    private static Head readHead(InputStream in) throws IOException {
        for (int interim = 0; interim <= MAX_INTERIM_RESPONSES; interim++) {
            String statusLine = HttpLines.readLine(in, MAX_HEADER_LINE);
            if (statusLine == null) {
                throw new EOFException("connection closed before a response");
            }
            int status = parseStatus(statusLine);
            Map<String, List<String>> headers = readHeaders(in);
            if (status >= 200) {
                return new Head(status, headers);
            }
            if (status == 101) {
                throw new ResponseException(FetchException.BAD_RESPONSE, "unasked-for protocol switch");
            }
            // 100 Continue, 103 Early Hints: informational, the real response follows.
        }
        throw new ResponseException(FetchException.BAD_RESPONSE, "too many interim responses");
    }

    private static int parseStatus(String line) throws ResponseException {
        // "HTTP/1.1 200 OK"; the reason phrase is optional and ignored.
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' '
                || !Character.isDigit(line.charAt(7))) {
            throw new ResponseException(FetchException.BAD_RESPONSE, "not an HTTP/1.x status line");
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new ResponseException(FetchException.BAD_RESPONSE, "bad status code");
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100 || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new ResponseException(FetchException.BAD_RESPONSE, "bad status code");
        }
        return status;
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException {
        Map<String, List<String>> headers = new HashMap<>();
        List<String> lastValues = null;
        int total = 0;
        for (int count = 0; ; count++) {
            String line = HttpLines.readLine(in, MAX_HEADER_LINE);
            if (line == null) {
                throw new EOFException("connection closed inside the response head");
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length() + 2;
            if (count >= MAX_HEADER_LINES || total > MAX_HEAD_BYTES) {
                throw new ResponseException(FetchException.BAD_RESPONSE, "response head too large");
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastValues != null) {
                // Obsolete line folding: a continuation of the previous header's value.
                int last = lastValues.size() - 1;
                lastValues.set(last, lastValues.get(last) + " " + line.strip());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                lastValues = null;
                continue;
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            lastValues = headers.computeIfAbsent(name, k -> new ArrayList<>());
            lastValues.add(line.substring(colon + 1).strip());
        }
    }

    /** The body framed as RFC 9112 section 6.3 says: chunked, then Content-Length, then until close. */
    private static InputStream frame(Head head, InputStream in) throws IOException {
        if (head.status == 204 || head.status == 304) {
            return InputStream.nullInputStream();
        }
        List<String> transferCodings = commaList(head.headers.get("transfer-encoding"));
        if (!transferCodings.isEmpty()) {
            for (String coding : transferCodings) {
                if (!coding.equals("chunked") && !coding.equals("identity")) {
                    throw new ResponseException(FetchException.UNSUPPORTED_ENCODING, "transfer coding " + coding);
                }
            }
            return transferCodings.get(transferCodings.size() - 1).equals("chunked") ? new ChunkedInputStream(in) : in;
        }
        List<String> lengths = commaList(head.headers.get("content-length"));
        if (!lengths.isEmpty()) {
            long length = contentLength(lengths);
            return new LengthLimitedInputStream(in, length);
        }
        return in;
    }

    /** The one Content-Length the values agree on; repeated equal values are tolerated, as RFC 9110 allows. */
    static long contentLength(List<String> values) throws ResponseException {
        long length = -1;
        for (String v : values) {
            if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new ResponseException(FetchException.BAD_RESPONSE, "bad Content-Length");
            }
            long parsed = Long.parseLong(v);
            if (length >= 0 && parsed != length) {
                throw new ResponseException(FetchException.BAD_RESPONSE, "conflicting Content-Length values");
            }
            length = parsed;
        }
        return length;
    }

    private static List<String> commaList(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    String p = part.strip().toLowerCase(Locale.ROOT);
                    if (!p.isEmpty()) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    private record Head(int status, Map<String, List<String>> headers) {}
}
