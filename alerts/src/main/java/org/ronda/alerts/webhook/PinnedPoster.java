package org.ronda.alerts.webhook;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.ronda.net.PinnedSockets;

/**
 * Sends one HTTP/1.1 POST over a fresh connection to an address the {@link WebhookUrlPolicy} vetted,
 * and reads only the status line and headers. {@code java.net.http.HttpClient} would resolve the
 * host again when connecting, letting a changed DNS answer choose the destination; here the socket
 * goes to the vetted address while the {@code Host} header, TLS SNI and certificate check use the
 * name. No proxy, no redirects (a 3xx is the receiver's answer, not an instruction), one request per
 * connection. The response body is never read: a receiver's answer is its status.
 */
final class PinnedPoster {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    /** What the receiver answered. */
    record Response(int status, Optional<String> retryAfter) {}

    private final Duration timeout;
    private final Supplier<SSLSocketFactory> tls;

    /** @param timeout for the connection and for each read of the response head */
    PinnedPoster(Duration timeout, Supplier<SSLSocketFactory> tls) {
        this.timeout = timeout;
        this.tls = tls;
    }

    /**
     * POSTs {@code body} to {@code url}, connecting to the first of {@code addresses} that accepts.
     *
     * @throws ConnectException when no address accepted a connection
     * @throws IOException      on a timeout, a broken connection or a response that is not HTTP/1.x
     */
    Response post(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body) throws IOException {
        // Bounds the whole exchange too: a receiver trickling one byte per read timeout must not hold a sender for ever.
        long deadline = System.nanoTime() + timeout.multipliedBy(3).toNanos();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
        Socket socket = connect(addresses, port);
        try (Socket s = https ? startTls(socket, url.getHost(), port) : socket) {
            s.setSoTimeout(millis(timeout));
            OutputStream out = s.getOutputStream();
            out.write(head(url, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readHead(new BufferedInputStream(new DeadlineStream(s.getInputStream(), deadline), 1024));
        } finally {
            socket.close();
        }
    }

    private Socket connect(List<InetAddress> addresses, int port) throws IOException {
        return PinnedSockets.firstReachable(addresses, port, address -> {
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(address, millis(timeout));
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        });
    }

    private Socket startTls(Socket plain, String host, int port) throws IOException {
        // The handshake is bounded by the read timeout too.
        plain.setSoTimeout(millis(timeout));
        return PinnedSockets.startTls(tls.get(), plain, host, port);
    }

    static String head(URI url, Map<String, String> headers, int contentLength) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        String host = url.getPort() >= 0 ? url.getHost() + ":" + url.getPort() : url.getHost();
        requireVisibleAscii("request target", target);
        requireVisibleAscii("host", host);
        StringBuilder head = new StringBuilder(512)
                .append("POST ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("User-Agent: Ronda-Webhooks/1\r\n");
        headers.forEach((name, value) -> {
            requireVisibleAscii("header name", name);
            if (value.chars().anyMatch(c -> c < 0x20 || c >= 0x7f)) {
                throw new IllegalArgumentException("header " + name + " has a character outside printable ASCII");
            }
            head.append(name).append(": ").append(value).append("\r\n");
        });
        return head.append("Content-Length: ").append(contentLength).append("\r\n")
                .append("Connection: close\r\n\r\n").toString();
    }

    /** Status and Retry-After of the final response; 1xx interim responses are skipped. */
    static Response readHead(InputStream in) throws IOException {
        int total = 0;
        while (true) {
            String statusLine = line(in);
            total += statusLine.length();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12
                    || !statusLine.substring(9, 12).chars().allMatch(Character::isDigit)) {
                throw new IOException("not an HTTP/1.x status line");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            String retryAfter = null;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                total += header.length();
                if (total > MAX_HEAD_BYTES) {
                    throw new IOException("response head larger than " + MAX_HEAD_BYTES + " bytes");
                }
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("retry-after")) {
                    retryAfter = header.substring(colon + 1).strip();
                }
            }
            if (status >= 200) {
                return new Response(status, Optional.ofNullable(retryAfter));
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed inside the response head");
            }
            if (line.size() >= MAX_HEAD_BYTES) {
                throw new IOException("response header line too long");
            }
            line.write(c);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static void requireVisibleAscii(String what, String s) {
        if (s.isEmpty() || s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            throw new IllegalArgumentException(what + " is not visible ASCII: " + s);
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** Fails a read once the exchange's deadline has passed. */
    private static final class DeadlineStream extends FilterInputStream {
        private final long deadline;

        DeadlineStream(InputStream in, long deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return super.read(b, off, len);
        }

        private void check() throws SocketTimeoutException {
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("response head not complete within the request deadline");
            }
        }
    }
}
