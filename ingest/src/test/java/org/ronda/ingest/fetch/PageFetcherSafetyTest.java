package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronda.ingest.fetch.TestNetwork.literal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.ingest.fetch.TestNetwork.FakeDns;
import org.ronda.ingest.fetch.TestNetwork.LoopbackOnlyConnector;

/**
 * Redirects and the address guard, end to end. Real: HTTP over 127.0.0.1. Faked: DNS, so that test
 * names can point at 10.0.0.1 or 169.254.169.254 without any lookup; and the connector, which records
 * every attempt and would refuse anything but loopback. Every hostile case asserts that no attempt
 * other than to 127.0.0.1 was made: the guard refused before a socket was opened.
 */
class PageFetcherSafetyTest {

    private final TestServer server = newServer();
    private final FakeDns dns = new FakeDns().map("news.test", "127.0.0.1").map("intranet.test", "10.0.0.1")
            .map("metadata.test", "169.254.169.254");
    private final LoopbackOnlyConnector connector = new LoopbackOnlyConnector();

    @AfterEach
    void stop() {
        server.close();
    }

    private PageFetcher fetcher(FetchPolicy policy) {
        return PageFetcher.builder(policy).resolver(dns).connector(connector).sleeper(d -> { }).build();
    }

    private PageFetcher fetcher() {
        return fetcher(TestNetwork.policy().build());
    }

    @Test
    void followsRelativeRedirectsToTheFinalUrl() throws Exception {
        server.redirect("/old", 301, "new");
        server.redirect("/new", 302, "/moved?x=1");
        server.redirect("/a/b", 308, "../c");
        server.page("/c", "<p>c</p>");
        server.route("/moved", ex -> {
            if ("x=2".equals(ex.getRequestURI().getRawQuery())) {
                TestServer.send(ex, 200, "text/html", "<p>moved</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                ex.getResponseHeaders().set("Location", "?x=2");
                ex.sendResponseHeaders(307, -1);
            }
        });

        FetchedPage page = fetcher().fetch(server.url("/old"));
        FetchedPage dotted = fetcher().fetch(server.url("/a/b"));

        assertThat(page.finalUrl()).isEqualTo(server.url("/moved?x=2"));
        assertThat(page.requested()).isEqualTo(server.url("/old"));
        assertThat(page.text()).isEqualTo("<p>moved</p>");
        assertThat(dotted.finalUrl()).isEqualTo(server.url("/c"));
    }

    @Test
    void aRedirectLoopIsPermanent() {
        server.redirect("/a", 302, "/b");
        server.redirect("/b", 302, "http://127.0.0.1:" + server.port() + "/a#again");

        assertThatThrownBy(() -> fetcher().fetch(server.url("/a")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("redirect-loop");
                    assertThat(e.temporary()).isFalse();
                    assertThat(e.url()).isEqualTo(server.url("/a"));
                });
        assertThat(server.count("/a")).isEqualTo(1);
        assertThat(server.count("/b")).isEqualTo(1);
    }

    @Test
    void moreRedirectsThanAllowedIsPermanent() {
        for (int i = 0; i < 10; i++) {
            server.redirect("/r" + i, 301, "/r" + (i + 1));
        }

        assertThatThrownBy(() -> fetcher(TestNetwork.policy().maxRedirects(5).build()).fetch(server.url("/r0")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("too-many-redirects");
                    assertThat(e.temporary()).isFalse();
                    assertThat(e.failedUrl()).isEqualTo(server.url("/r6"));
                });
        assertThat(server.pageRequests()).isEqualTo(6);
        assertThat(server.count("/r6")).isZero();
    }

    @Test
    void aRedirectToTheMetadataAddressIsRefusedUnsent() {
        server.redirect("/innocent", 302, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");

        assertThatThrownBy(() -> fetcher().fetch(server.url("/innocent")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("blocked-address");
                    assertThat(e.temporary()).isFalse();
                    assertThat(e.failedUrl().getHost()).isEqualTo("169.254.169.254");
                    assertThat(e.getMessage()).contains("metadata");
                });
        assertThat(connector.nonLoopbackAttempts()).isEmpty();
        assertThat(connector.attempts).extracting(InetSocketAddress::getPort).containsOnly(server.port());
        assertThat(dns.asked).isEmpty();
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> fetcher().fetch(URI.create("http://intranet.test:" + server.port() + "/admin")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("blocked-address");
                    assertThat(e.getMessage()).contains("10.0.0.1").contains("private");
                });
        assertThat(dns.asked).containsExactly("intranet.test");
        assertThat(connector.attempts).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aRedirectToANameResolvingToPrivateOrMetadataIsRefused() {
        server.redirect("/to-intranet", 302, "http://intranet.test/");
        server.redirect("/to-metadata", 302, "http://metadata.test/latest/meta-data");

        for (String path : new String[] {"/to-intranet", "/to-metadata"}) {
            assertThatThrownBy(() -> fetcher().fetch(server.url(path)))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("blocked-address"));
        }
        assertThat(dns.asked).containsExactly("intranet.test", "metadata.test");
        assertThat(connector.nonLoopbackAttempts()).isEmpty();
    }

    @Test
    void loopbackIsRefusedUnlessThePolicyAllowsIt() throws Exception {
        server.page("/demo", "<p>demo</p>");
        PageFetcher strict = fetcher(TestNetwork.policy().allowPrivateAddresses(Set.of()).build());

        assertThatThrownBy(() -> strict.fetch(server.url("/demo")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("blocked-address");
                    assertThat(e.getMessage()).contains("loopback");
                });
        assertThatThrownBy(() -> strict.fetch(server.url("news.test", "/demo")))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.reason()).isEqualTo("blocked-address"));
        assertThat(connector.attempts).isEmpty();

        assertThat(fetcher().fetch(server.url("/demo")).text()).isEqualTo("<p>demo</p>");
    }

    @Test
    void connectsToTheVettedAddressAndSendsTheNameAsHost() throws Exception {
        server.page("/story", "<p>story</p>");

        FetchedPage page = fetcher().fetch(server.url("news.test", "/story"));

        assertThat(page.finalUrl()).isEqualTo(server.url("news.test", "/story"));
        assertThat(server.first("/story").headers().getFirst("Host")).isEqualTo("news.test:" + server.port());
        // One lookup per request (robots.txt, then the page), each connected to the address it vetted.
        assertThat(dns.asked).containsExactly("news.test", "news.test");
        assertThat(connector.attempts).extracting(InetSocketAddress::getAddress).containsOnly(literal("127.0.0.1"));
    }

    @Test
    void anInternationalisedHostNameIsLookedUpInPunycode() throws Exception {
        dns.map(java.net.IDN.toASCII("ข่าว.test"), "127.0.0.1");
        String encodedPath = new URI(null, null, "/ภูมิภาค", null).toASCIIString();
        server.page(encodedPath, "<p>regional</p>");

        FetchedPage page = fetcher().fetch(new URI("http://ข่าว.test:" + server.port() + "/ภูมิภาค"));

        assertThat(page.text()).isEqualTo("<p>regional</p>");
        assertThat(page.finalUrl().getHost()).isEqualTo("xn--22c8e6a1f.test");
        assertThat(dns.asked).contains("xn--22c8e6a1f.test");
        assertThat(server.count(encodedPath)).isEqualTo(1);
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        server.redirect("/to-file", 302, "file:///etc/passwd");
        server.redirect("/to-ftp", 301, "ftp://127.0.0.1/pub");

        for (String path : new String[] {"/to-file", "/to-ftp"}) {
            assertThatThrownBy(() -> fetcher().fetch(server.url(path)))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.reason()).isEqualTo("unsupported-scheme");
                        assertThat(e.temporary()).isFalse();
                    });
        }
    }

    @Test
    void aRedirectWithoutLocationIsABadRedirect() {
        server.route("/nowhere", ex -> ex.sendResponseHeaders(302, -1));

        assertThatThrownBy(() -> fetcher().fetch(server.url("/nowhere")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("bad-redirect");
                    assertThat(e.status()).isEqualTo(302);
                    assertThat(e.temporary()).isFalse();
                });
    }

    private static TestServer newServer() {
        try {
            return new TestServer();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
