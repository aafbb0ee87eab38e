package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.ingest.fetch.TestNetwork.FakeDns;
import org.ronda.ingest.fetch.TestNetwork.LoopbackOnlyConnector;
import org.ronda.ingest.fetch.TestNetwork.RecordingSleeper;

/**
 * The fetcher against an in-process HTTP server on 127.0.0.1: bodies, caps, encodings, statuses and
 * retries. Real: HTTP over loopback, the fetcher. Faked: DNS (no names needed here), the waits
 * between retries (recorded, not slept).
 */
class PageFetcherTest {

    private final TestServer server = newServer();
    private final FakeDns dns = new FakeDns();
    private final LoopbackOnlyConnector connector = new LoopbackOnlyConnector();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    private PageFetcher fetcher(FetchPolicy policy) {
        return PageFetcher.builder(policy).resolver(dns).connector(connector).sleeper(sleeper).build();
    }

    private PageFetcher fetcher() {
        return fetcher(TestNetwork.policy().build());
    }

    @Test
    void fetchesAPageAndIdentifiesItself() throws Exception {
        server.page("/news/1", "<html><p>Hello</p></html>");

        FetchedPage page = fetcher().fetch(server.url("/news/1#comments"));

        assertThat(page.text()).isEqualTo("<html><p>Hello</p></html>");
        assertThat(page.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.requested()).isEqualTo(server.url("/news/1#comments"));
        assertThat(page.finalUrl()).isEqualTo(server.url("/news/1"));
        TestServer.Seen request = server.first("/news/1");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo(TestNetwork.USER_AGENT);
        assertThat(request.headers().getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(request.headers().getFirst("Host")).isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void decodesAGzippedPage() throws Exception {
        byte[] html = "<html><p>ข่าวภูมิภาค</p></html>".getBytes(StandardCharsets.UTF_8);
        server.route("/gz", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "text/html; charset=utf-8", BodyReaderTest.gzip(html));
        });

        assertThat(fetcher().fetch(server.url("/gz")).body()).isEqualTo(html);
    }

    @Test
    void aGzipBombIsTooLarge() throws Exception {
        byte[] bomb = BodyReaderTest.gzipZeros(10L * 1024 * 1024);
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            TestServer.send(ex, 200, "text/html", bomb);
        });
        PageFetcher fetcher = fetcher(TestNetwork.policy().maxBodyBytes(1024 * 1024).build());

        assertThatThrownBy(() -> fetcher.fetch(server.url("/bomb")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("too-large");
                    assertThat(e.temporary()).isFalse();
                });
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThat(server.count("/bomb")).isEqualTo(1);
    }

    @Test
    void aTwentyMegabytePageIsTooLargeWithOrWithoutContentLength() throws Exception {
        byte[] huge = new byte[20 * 1024 * 1024];
        server.page("/huge", "text/html", huge);
        server.route("/huge-chunked", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(huge);
            }
        });
        PageFetcher fetcher = fetcher();

        for (String path : new String[] {"/huge", "/huge-chunked"}) {
            assertThatThrownBy(() -> fetcher.fetch(server.url(path)))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo("too-large");
                        assertThat(e.temporary()).isFalse();
                    });
        }
        assertThat(server.count("/huge")).isEqualTo(1);
        assertThat(server.count("/huge-chunked")).isEqualTo(1);
    }

    @Test
    void decodesTheCharsetTheHeaderNames() throws Exception {
        String thai = "<p>ตำรวจจับกุมผู้ต้องหาค้ามนุษย์</p>";
        server.page("/th", "text/html; charset=TIS-620", thai.getBytes(Charset.forName("TIS-620")));

        assertThat(fetcher().fetch(server.url("/th")).text()).isEqualTo(thai);
    }

    @Test
    void retriesA503ThenSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", ex -> {
            if (calls.incrementAndGet() <= 2) {
                TestServer.send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
            } else {
                TestServer.send(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
            }
        });

        FetchedPage page = fetcher().fetch(server.url("/flaky"));

        assertThat(page.text()).isEqualTo("<p>ok</p>");
        assertThat(server.count("/flaky")).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(5)));
    }

    @Test
    void waitsOutAShortRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/later", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "3");
                ex.sendResponseHeaders(503, -1);
            } else {
                TestServer.send(ex, 200, "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
            }
        });

        fetcher().fetch(server.url("/later"));

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aLongRetryAfterFailsAtOnceAndSaysHowLong() {
        server.route("/slow-down", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            ex.sendResponseHeaders(429, -1);
        });

        assertThatThrownBy(() -> fetcher().fetch(server.url("/slow-down")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http-429");
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.temporary()).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofHours(1));
                });
        assertThat(server.count("/slow-down")).isEqualTo(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void doesNotRetryA404() {
        assertThatThrownBy(() -> fetcher().fetch(server.url("/missing")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http-404");
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.temporary()).isFalse();
                    assertThat(e.url()).isEqualTo(server.url("/missing"));
                });
        assertThat(server.count("/missing")).isEqualTo(1);
    }

    @Test
    void givesUpOnA500AfterTheConfiguredRetries() {
        server.route("/broken", ex -> ex.sendResponseHeaders(500, -1));

        assertThatThrownBy(() -> fetcher().fetch(server.url("/broken")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http-500");
                    assertThat(e.temporary()).isTrue();
                });
        assertThat(server.count("/broken")).isEqualTo(3);
    }

    @Test
    void aSilentServerIsATemporaryTimeout() throws Exception {
        CountDownLatch testOver = new CountDownLatch(1);
        server.route("/silent", ex -> testOver.await(10, TimeUnit.SECONDS));
        PageFetcher fetcher = fetcher(TestNetwork.policy().readTimeout(Duration.ofMillis(300)).maxRetries(0).build());

        try {
            assertThatThrownBy(() -> fetcher.fetch(server.url("/silent")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo("timeout");
                        assertThat(e.status()).isZero();
                        assertThat(e.temporary()).isTrue();
                    });
        } finally {
            testOver.countDown();
        }
    }

    @Test
    void aRefusedConnectionIsTemporary() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        PageFetcher fetcher = fetcher();

        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/robots.txt")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("connect-failed");
                    assertThat(e.temporary()).isTrue();
                });
        assertThat(sleeper.waits).hasSize(2);
        // A page of that host waits for its robots.txt, which could not be read either.
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/news")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("robots-unavailable");
                    assertThat(e.temporary()).isTrue();
                });
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/"}) {
            assertThatThrownBy(() -> fetcher().fetch(URI.create(url)))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo("unsupported-scheme");
                        assertThat(e.temporary()).isFalse();
                    });
        }
        assertThat(connector.attempts).isEmpty();
    }

    @Test
    void theFormerConstructorStillWorksButGuardsLoopback() {
        @SuppressWarnings("removal")
        PageFetcher legacy = new PageFetcher(TestNetwork.USER_AGENT, Duration.ofSeconds(2), 1000);

        assertThatThrownBy(() -> legacy.fetch(server.url("/x")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("blocked-address"));
        assertThat(legacy.policy().maxBodyBytes()).isEqualTo(1000);
    }

    private static TestServer newServer() {
        try {
            return new TestServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
