package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP/1.1 wire layer against a raw socket server on 127.0.0.1 that answers with canned bytes,
 * so that framing and malformed heads can be tested exactly as a broken server would send them.
 */
class Http1ClientTest {

    private final ServerSocket server = newServer();
    private final CompletableFuture<String> requestHead = new CompletableFuture<>();
    private final CountDownLatch testOver = new CountDownLatch(1);
    private final Http1Client client = new Http1Client(SocketConnector.direct(),
            () -> (SSLSocketFactory) SSLSocketFactory.getDefault(),
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void close() throws IOException {
        testOver.countDown();
        server.close();
    }

    @Test
    void sendsAnOriginFormRequestToThePinnedAddress() throws Exception {
        answer("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        URI url = URI.create("http://news.test:" + server.getLocalPort() + "/a/b?x=1&y=%20");

        try (Http1Response response = client.get(url, List.of(InetAddress.getLoopbackAddress()), Map.of("User-Agent", "RondaBot/test"))) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().readAllBytes()).asString().isEqualTo("ok");
        }
        assertThat(requestHead.get(5, TimeUnit.SECONDS))
                .startsWith("GET /a/b?x=1&y=%20 HTTP/1.1\r\n")
                .contains("Host: news.test:" + server.getLocalPort() + "\r\n")
                .contains("User-Agent: RondaBot/test\r\n")
                .contains("Connection: close\r\n");
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws Exception {
        answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n");

        assertThat(body()).isEqualTo("hello, world");
    }

    @Test
    void readsUntilCloseWithoutLengthAndSkipsInterimResponses() throws Exception {
        answer("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                + "HTTP/1.0 200 OK\r\nX-Folded: a\r\n  b\r\n\r\nuntil close");

        try (Http1Response response = get()) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("x-folded")).contains("a b");
            assertThat(response.body().readAllBytes()).asString().isEqualTo("until close");
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsABrokenTransfer() throws Exception {
        answer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort");

        try (Http1Response response = get()) {
            assertThatThrownBy(() -> response.body().readAllBytes()).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void malformedHeadsAreBadResponses() throws Exception {
        assertBadResponse("SSH-2.0-OpenSSH_9.0\r\n\r\n");
        assertBadResponse("HTTP/1.1 2000 OK\r\n\r\n");
        assertBadResponse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello");
        assertBadResponse("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(10_000) + "\r\n\r\n");
        assertBadResponse("HTTP/1.1 200 OK\r\n" + "X-Many: 1\r\n".repeat(300) + "\r\n");
        assertBadResponse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[1024]);
                testOver.await(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // The test is over.
            }
        });
        Http1Client quick = new Http1Client(SocketConnector.direct(), () -> (SSLSocketFactory) SSLSocketFactory.getDefault(),
                Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5));

        assertThatThrownBy(() -> quick.get(url(), List.of(InetAddress.getLoopbackAddress()), Map.of()))
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void triesTheNextAddressWhenOneRefuses() throws Exception {
        answer("HTTP/1.1 204 No Content\r\n\r\n");
        int closedPort;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = closed.getLocalPort();
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SocketConnector portSwitching = (address, timeout) -> SocketConnector.direct().connect(
                address.getAddress().equals(InetAddress.getByName("127.0.0.2"))
                        ? new java.net.InetSocketAddress(loopback, closedPort)
                        : address, timeout);
        Http1Client twoAddresses = new Http1Client(portSwitching, () -> (SSLSocketFactory) SSLSocketFactory.getDefault(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));

        try (Http1Response response = twoAddresses.get(url(), List.of(InetAddress.getByName("127.0.0.2"), loopback), Map.of())) {
            assertThat(response.status()).isEqualTo(204);
        }
    }

    @Test
    void refusesHeaderInjection() {
        assertThatThrownBy(() -> Http1Client.requestHead(url(), Map.of("If-None-Match", "\"a\"\r\nX-Evil: 1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertBadResponse(String response) throws Exception {
        answer(response);
        assertThatThrownBy(() -> {
            try (Http1Response r = get()) {
                r.body().readAllBytes();
            }
        }).isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("bad-response"));
    }

    private String body() throws IOException {
        try (Http1Response response = get()) {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Http1Response get() throws IOException {
        return client.get(url(), List.of(InetAddress.getLoopbackAddress()), Map.of());
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Serves one connection: reads the request head, writes {@code response}, closes. */
    private void answer(String response) {
        CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.write(b);
                }
                requestHead.complete(head.toString(StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                out.write(response.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                requestHead.completeExceptionally(e);
            }
        });
    }

    private static ServerSocket newServer() {
        try {
            return new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
