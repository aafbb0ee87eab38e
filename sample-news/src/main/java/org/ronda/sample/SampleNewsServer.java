package org.ronda.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves the sample corpus over HTTP on 127.0.0.1 only, the way the outlets' sites would:
 *
 * <ul>
 *   <li>{@code /<outlet-id>/} homepage with feed autodiscovery and links to every article,
 *       {@code text/html; charset=utf-8};
 *   <li>{@code /<outlet-id>/feed.xml} for RSS outlets, {@code application/rss+xml; charset=utf-8},
 *       or {@code /<outlet-id>/atom.xml} for Atom outlets, {@code application/atom+xml; charset=utf-8};
 *   <li>{@code /<outlet-id>/<section>/<yyyy>/<MM>/<dd>/<slug>} article pages, {@code text/html; charset=utf-8};
 *   <li>404 for anything else, 405 for methods other than GET and HEAD.
 * </ul>
 *
 * Query strings are ignored everywhere, so tracked feed links reach the same page. Every
 * response is rendered once at start, so serving is a lookup. Requests are counted per path
 * (query string left off), whatever their outcome, so tests can assert what a client fetched.
 */
public final class SampleNewsServer implements AutoCloseable {

    /** A handful of threads: the clients are a test or a local ingest service, not the public. */
    private static final int THREADS = 4;
    private static final String HTML = "text/html; charset=utf-8";
    private static final byte[] NOT_FOUND = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Page not found</title></head><body><h1>Page not found</h1></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    private final SampleCorpus corpus;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final Map<String, Response> routes;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();

    private record Response(String contentType, byte[] body) {
    }

    private SampleNewsServer(SampleCorpus corpus, int port) throws IOException {
        this.corpus = corpus;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            this.routes = render(corpus, baseUrl);
        } catch (RuntimeException e) {
            server.stop(0);
            throw e;
        }
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "sample-news-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts serving the bundled corpus.
     *
     * @param port the port to bind on 127.0.0.1; 0 picks a free one
     * @throws UncheckedIOException if the port cannot be bound
     * @throws CorpusException if the bundled corpus is invalid
     */
    public static SampleNewsServer start(int port) {
        return start(SampleCorpus.load(), port);
    }

    /**
     * Starts serving {@code corpus}.
     *
     * @param port the port to bind on 127.0.0.1; 0 picks a free one
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static SampleNewsServer start(SampleCorpus corpus, int port) {
        try {
            return new SampleNewsServer(corpus, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve sample news on 127.0.0.1:" + port, e);
        }
    }

    /** The corpus being served. */
    public SampleCorpus corpus() {
        return corpus;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The absolute URL of the outlet's feed. */
    public String feedUrl(Outlet outlet) {
        return baseUrl + outlet.feedPath();
    }

    /** The absolute URL of the outlet's homepage. */
    public String homeUrl(Outlet outlet) {
        return baseUrl + outlet.homePath();
    }

    /** The clean absolute URL of the article: its canonical URL, with no tracking parameters. */
    public String articleUrl(SampleArticle article) {
        return baseUrl + corpus.pathOf(article);
    }

    /** How many requests arrived for {@code path} (without query string), whatever was answered. */
    public long requestCount(String path) {
        LongAdder count = requests.get(path);
        return count == null ? 0 : count.sum();
    }

    /** Stops listening at once and ends the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Map<String, Response> render(SampleCorpus corpus, String baseUrl) {
        FeedRenderer feeds = new FeedRenderer(corpus, baseUrl);
        PageRenderer pages = new PageRenderer(corpus, baseUrl);
        HomePageRenderer homes = new HomePageRenderer(corpus, baseUrl);
        Map<String, Response> routes = new HashMap<>();
        for (Outlet outlet : corpus.outlets()) {
            routes.put(outlet.homePath(), new Response(HTML, utf8(homes.render(outlet))));
            routes.put(outlet.feedPath(), new Response(outlet.feedFormat().mediaType() + "; charset=utf-8",
                    utf8(feeds.render(outlet))));
        }
        for (SampleArticle article : corpus.articles()) {
            routes.put(corpus.pathOf(article), new Response(HTML, utf8(pages.render(article))));
        }
        return Map.copyOf(routes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.computeIfAbsent(path, key -> new LongAdder()).increment();
            String method = exchange.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Response response = routes.get(path);
            int status = response == null ? 404 : 200;
            byte[] body = response == null ? NOT_FOUND : response.body();
            exchange.getResponseHeaders().set("Content-Type", response == null ? HTML : response.contentType());
            if (head) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Runs the server until the process is killed: {@code [--port N] [--sources-out FILE]}, port
     * 8090 by default. With {@code --sources-out}, writes the source list of the served outlets.
     */
    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sample-news: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        SampleNewsServer server = launch(options, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sample-news-shutdown"));
        Thread.currentThread().join();
    }

    /** Starts the server as {@link #main} does, without blocking; the caller closes it. */
    static SampleNewsServer launch(LaunchOptions options, PrintStream out) {
        SampleNewsServer server = start(options.port());
        try {
            if (options.sourcesOut().isPresent()) {
                SourceListWriter.write(options.sourcesOut().get(), server.corpus().outlets(),
                        outlet -> List.of(server.feedUrl(outlet)));
            }
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException("cannot write the source list to " + options.sourcesOut().get(), e);
        }
        out.println("sample-news: serving " + server.corpus().outlets().size() + " outlets, "
                + server.corpus().articles().size() + " articles at " + server.baseUrl());
        return server;
    }
}
