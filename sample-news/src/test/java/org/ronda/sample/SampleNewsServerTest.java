package org.ronda.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP on 127.0.0.1 with the JDK client. Real: everything, on a free port. */
class SampleNewsServerTest {

    private static SampleNewsServer server;
    private static HttpClient client;

    @BeforeAll
    static void startServer() {
        server = SampleNewsServer.start(0);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Outlet outletWith(FeedFormat format) {
        return server.corpus().outlets().stream().filter(o -> o.feedFormat() == format).findFirst().orElseThrow();
    }

    @Test
    void baseUrlIsLoopbackWithTheChosenPort() {
        assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
    }

    @Test
    void servesRssFeedWithItsMediaType() throws Exception {
        Outlet outlet = outletWith(FeedFormat.RSS);

        HttpResponse<String> response = get(server.feedUrl(outlet));

        assertThat(server.feedUrl(outlet)).isEqualTo(server.baseUrl() + "/" + outlet.id() + "/feed.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/rss+xml; charset=utf-8");
        assertThat(response.body()).contains("<rss version=\"2.0\"", server.articleUrl(server.corpus().articlesOf(outlet).get(0)));
    }

    @Test
    void servesAtomFeedWithItsMediaType() throws Exception {
        Outlet outlet = outletWith(FeedFormat.ATOM);

        HttpResponse<String> response = get(server.feedUrl(outlet));

        assertThat(server.feedUrl(outlet)).isEqualTo(server.baseUrl() + "/" + outlet.id() + "/atom.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/atom+xml; charset=utf-8");
        assertThat(response.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    }

    @Test
    void servesArticlePageAsUtf8HtmlWhateverTheQueryString() throws Exception {
        SampleArticle article = server.corpus().articles().get(server.corpus().articles().size() - 1);
        String url = server.articleUrl(article);

        HttpResponse<String> clean = get(url);
        HttpResponse<String> tracked = get(url + FeedRenderer.TRACKING_SUFFIX);

        assertThat(clean.statusCode()).isEqualTo(200);
        assertThat(clean.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(Jsoup.parse(clean.body()).selectFirst("h1").text()).isEqualTo(article.title().replaceAll("\\s+", " ").strip());
        assertThat(tracked.statusCode()).isEqualTo(200);
        assertThat(tracked.body()).isEqualTo(clean.body());
    }

    @Test
    void homepageAdvertisesTheFeedAndLinksEveryArticle() throws Exception {
        Outlet outlet = server.corpus().outlets().get(0);

        HttpResponse<String> response = get(server.homeUrl(outlet));
        Document home = Jsoup.parse(response.body(), server.homeUrl(outlet));

        assertThat(response.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(home.selectFirst("link[rel=alternate]").attr("type")).isEqualTo(outlet.feedFormat().mediaType());
        assertThat(home.selectFirst("link[rel=alternate]").attr("href")).isEqualTo(server.feedUrl(outlet));
        assertThat(home.select("ul.latest a").eachAttr("abs:href")).containsExactlyElementsOf(
                server.corpus().articlesOf(outlet).stream().map(server::articleUrl).toList());
    }

    @Test
    void answersNotFoundForUnknownPaths() throws Exception {
        for (String path : List.of("/", "/no-such-outlet/", "/no-such-outlet/feed.xml",
                "/" + outletWith(FeedFormat.RSS).id() + "/atom.xml", "/" + outletWith(FeedFormat.ATOM).id() + "/feed.xml",
                "/" + server.corpus().outlets().get(0).id() + "/nation/2026/01/01/no-such-story")) {
            assertThat(get(server.baseUrl() + path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void refusesMethodsOtherThanGetAndHead() throws Exception {
        Outlet outlet = server.corpus().outlets().get(0);
        HttpRequest post = HttpRequest.newBuilder(URI.create(server.feedUrl(outlet)))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();

        HttpResponse<Void> response = client.send(post, HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void countsRequestsPerPathWithoutQueryString() throws Exception {
        SampleArticle article = server.corpus().articles().get(1);
        String path = server.corpus().pathOf(article);
        long before = server.requestCount(path);

        get(server.articleUrl(article));
        get(server.articleUrl(article) + "?utm_source=rss&utm_medium=feed");
        get(server.baseUrl() + "/counted-even-when-missing");

        assertThat(server.requestCount(path)).isEqualTo(before + 2);
        assertThat(server.requestCount("/counted-even-when-missing")).isEqualTo(1);
        assertThat(server.requestCount("/never-asked-for")).isZero();
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        int port = URI.create(server.baseUrl()).getPort();

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void launchWritesTheSourceListOfTheServedOutlets(@TempDir Path folder) throws Exception {
        Path sources = folder.resolve("conf/sources.tsv");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (SampleNewsServer launched = SampleNewsServer.launch(
                LaunchOptions.parse("--port", "0", "--sources-out", sources.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            List<String> lines = Files.readAllLines(sources, StandardCharsets.UTF_8);

            assertThat(printed.toString(StandardCharsets.UTF_8).strip()).isEqualTo("sample-news: serving "
                    + launched.corpus().outlets().size() + " outlets, " + launched.corpus().articles().size()
                    + " articles at " + launched.baseUrl());
            assertThat(lines.get(0)).isEqualTo("# id\toutlet\tcountry\tlanguage\tkind\tfeeds");
            List<String[]> rows = lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", -1)).toList();
            assertThat(rows).hasSize(launched.corpus().outlets().size());
            for (int i = 0; i < rows.size(); i++) {
                Outlet outlet = launched.corpus().outlets().get(i);
                assertThat(rows.get(i)).containsExactly(outlet.id(), outlet.name(), outlet.country(),
                        outlet.language(), "media", launched.feedUrl(outlet));
                assertThat(get(rows.get(i)[5]).statusCode()).isEqualTo(200);
            }
        }
    }
}
