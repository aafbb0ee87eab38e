package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronda.ingest.fetch.TestNetwork.FakeDns;
import org.ronda.ingest.fetch.TestNetwork.LoopbackOnlyConnector;

/**
 * HTTPS with the connection pinned to the vetted address: the name still drives SNI and certificate
 * verification. Real: TLS over 127.0.0.1 with a certificate for {@code news.test} made by keytool for
 * this run. Faked: DNS, which maps the test names to 127.0.0.1.
 */
class PageFetcherTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static SSLContext clientTls;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = dir.resolve("news.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "news", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=news.test", "-ext", "SAN=dns:news.test", "-validity", "2",
                "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("news", keys.getCertificate("news"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            if (ex.getRequestURI().getPath().equals("/story")) {
                TestServer.send(ex, 200, "text/html; charset=utf-8", "<p>secure</p>".getBytes(StandardCharsets.UTF_8));
            } else {
                ex.sendResponseHeaders(404, -1);
            }
            ex.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private final FakeDns dns = new FakeDns().map("news.test", "127.0.0.1").map("other.test", "127.0.0.1");
    private final LoopbackOnlyConnector connector = new LoopbackOnlyConnector();
    private final PageFetcher fetcher = PageFetcher.builder(TestNetwork.policy().maxRetries(0).build())
            .resolver(dns).connector(connector).tls(clientTls.getSocketFactory()).build();

    @Test
    void fetchesOverTlsFromThePinnedAddress() throws Exception {
        FetchedPage page = fetcher.fetch(URI.create("https://news.test:" + server.getAddress().getPort() + "/story"));

        assertThat(page.text()).isEqualTo("<p>secure</p>");
        assertThat(connector.attempts).isNotEmpty()
                .allSatisfy(a -> assertThat(a.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThatThrownBy(() -> fetcher.fetch(URI.create("https://other.test:" + server.getAddress().getPort() + "/story")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.reason()).isEqualTo("tls-failed");
                    assertThat(e.temporary()).isFalse();
                    // Verified against the name in the URL, though the socket went to 127.0.0.1.
                    assertThat(e.getCause()).hasMessageContaining("other.test");
                });
    }
}
