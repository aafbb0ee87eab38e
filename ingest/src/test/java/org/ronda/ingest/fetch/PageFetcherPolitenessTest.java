package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.ingest.fetch.TestNetwork.FakeDns;
import org.ronda.ingest.fetch.TestNetwork.LoopbackOnlyConnector;

/**
 * Conditional GETs, robots.txt and the per-host throttle, end to end against an in-process server
 * on 127.0.0.1. Real: HTTP, the throttle's waits (a few hundred milliseconds). Faked: DNS.
 */
class PageFetcherPolitenessTest {

    private final TestServer server = newServer();
    private final LoopbackOnlyConnector connector = new LoopbackOnlyConnector();

    @AfterEach
    void stop() {
        server.close();
    }

    private PageFetcher fetcher(FetchPolicy policy) {
        return PageFetcher.builder(policy).resolver(new FakeDns()).connector(connector).sleeper(d -> { }).build();
    }

    private PageFetcher fetcher() {
        return fetcher(TestNetwork.policy().build());
    }

    @Test
    void anUnchangedFeedComesBackAsNotModified() throws Exception {
        server.route("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Sat, 01 Mar 2025 10:00:00 GMT");
            TestServer.send(ex, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        PageFetcher fetcher = fetcher();

        FetchResult first = fetcher.fetchIfModified(server.url("/feed.xml"));
        FetchResult second = fetcher.fetchIfModified(server.url("/feed.xml"));
        FetchedPage unconditional = fetcher.fetch(server.url("/feed.xml"));

        assertThat(first).isInstanceOfSatisfying(FetchedPage.class, p -> assertThat(p.text()).isEqualTo("<rss/>"));
        assertThat(second).isEqualTo(new NotModified(server.url("/feed.xml"), server.url("/feed.xml")));
        assertThat(unconditional.text()).isEqualTo("<rss/>");
        List<TestServer.Seen> feedRequests = server.requests().stream().filter(s -> s.pathAndQuery().equals("/feed.xml")).toList();
        assertThat(feedRequests).hasSize(3);
        assertThat(feedRequests.get(0).headers().containsKey("If-None-Match")).isFalse();
        assertThat(feedRequests.get(1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(feedRequests.get(1).headers().getFirst("If-Modified-Since")).isEqualTo("Sat, 01 Mar 2025 10:00:00 GMT");
        assertThat(feedRequests.get(2).headers().containsKey("If-None-Match")).isFalse();
    }

    @Test
    void anUnaskedFor304IsAnError() {
        server.route("/odd", ex -> ex.sendResponseHeaders(304, -1));

        assertThatThrownBy(() -> fetcher().fetch(server.url("/odd")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("http-304");
                    assertThat(e.temporary()).isFalse();
                });
    }

    @Test
    void aDisallowedPageIsNeverRequested() throws Exception {
        server.page("/robots.txt", "text/plain", """
                User-agent: *
                Disallow: /

                User-agent: RondaBot
                Disallow: /private/
                """.getBytes(StandardCharsets.UTF_8));
        server.page("/news/1", "<p>news</p>");
        PageFetcher fetcher = fetcher();

        assertThatThrownBy(() -> fetcher.fetch(server.url("/private/report")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("robots-disallowed");
                    assertThat(e.temporary()).isFalse();
                });
        assertThat(fetcher.fetch(server.url("/news/1")).text()).isEqualTo("<p>news</p>");

        assertThat(server.count("/private/report")).isZero();
        assertThat(server.count("/robots.txt")).isEqualTo(1);
        assertThat(server.first("/robots.txt").headers().getFirst("User-Agent")).isEqualTo(TestNetwork.USER_AGENT);
    }

    @Test
    void aRedirectIntoADisallowedPathIsNotFollowed() {
        server.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /secret\n".getBytes(StandardCharsets.UTF_8));
        server.redirect("/open", 302, "/secret/1");

        assertThatThrownBy(() -> fetcher().fetch(server.url("/open")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("robots-disallowed");
                    assertThat(e.failedUrl()).isEqualTo(server.url("/secret/1"));
                });
        assertThat(server.count("/secret/1")).isZero();
    }

    @Test
    void crawlDelaySpacesRequestsToTheHost() throws Exception {
        server.page("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.3\n".getBytes(StandardCharsets.UTF_8));
        server.page("/a", "<p>a</p>");
        server.page("/b", "<p>b</p>");
        PageFetcher fetcher = fetcher();

        fetcher.fetch(server.url("/a"));
        fetcher.fetch(server.url("/b"));

        long gapNanos = server.first("/b").arrivedNanos() - server.first("/a").arrivedNanos();
        assertThat(Duration.ofNanos(gapNanos)).isGreaterThanOrEqualTo(Duration.ofMillis(280));
    }

    @Test
    void anUnreachableRobotsTxtHoldsThePagesBackForAWhile() {
        server.route("/robots.txt", ex -> ex.sendResponseHeaders(503, -1));
        server.page("/news/1", "<p>news</p>");
        PageFetcher fetcher = fetcher();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fetcher.fetch(server.url("/news/1")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo("robots-unavailable");
                        assertThat(e.temporary()).isTrue();
                    });
        }
        assertThat(server.count("/news/1")).isZero();
        assertThat(server.count("/robots.txt")).isEqualTo(1);
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() throws Exception {
        server.page("/news/1", "<p>news</p>");

        assertThat(fetcher().fetch(server.url("/news/1")).text()).isEqualTo("<p>news</p>");
        assertThat(server.count("/robots.txt")).isEqualTo(1);
    }

    @Test
    void neverMoreRequestsInFlightToAHostThanTheLimit() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        server.route("/slow", ex -> {
            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            gate.await(10, TimeUnit.SECONDS);
            // Counted down before answering: the client cannot free its slot before this line ran.
            active.decrementAndGet();
            TestServer.send(ex, 200, "text/html", "<p>slow</p>".getBytes(StandardCharsets.UTF_8));
        });
        PageFetcher fetcher = fetcher(TestNetwork.policy().maxConcurrentPerHost(2).build());
        server.page("/warm", "<p>warm</p>");
        // robots.txt read first, so that all six fetches below queue at the throttle, not at the robots cache.
        fetcher.fetch(server.url("/warm"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<FetchedPage>> fetches = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                fetches.add(pool.submit(() -> fetcher.fetch(server.url("/slow?n=" + n))));
            }

            await().until(() -> active.get() == 2 && fetcher.throttle().waiting("127.0.0.1") == 4);
            assertThat(server.requests()).filteredOn(r -> r.pathAndQuery().startsWith("/slow")).hasSize(2);
            gate.countDown();
            for (Future<FetchedPage> f : fetches) {
                assertThat(f.get(10, TimeUnit.SECONDS).text()).isEqualTo("<p>slow</p>");
            }
        } finally {
            gate.countDown();
            pool.shutdownNow();
        }
        assertThat(maxActive).hasValue(2);
        assertThat(fetcher.throttle().inFlight("127.0.0.1")).isZero();
    }

    private static TestServer newServer() {
        try {
            return new TestServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
