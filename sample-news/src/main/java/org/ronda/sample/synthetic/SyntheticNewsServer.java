package org.ronda.sample.synthetic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ronda.sample.FeedRenderer;
import org.ronda.sample.Outlet;
import org.ronda.sample.PageRenderer;
import org.ronda.sample.SampleArticle;
import org.ronda.sample.SampleCorpus;
import org.ronda.sample.SourceListWriter;

/**
 * Serves a {@link SyntheticCorpus} on 127.0.0.1 for load tests:
 *
 * <ul>
 *   <li>{@code /<outlet-id>/bench/archive-<k>.xml}: page {@code k} (from 1) of the outlet's archive,
 *       {@value #ARCHIVE_PAGE_SIZE} items each, newest first, in the outlet's feed format; the source
 *       list of {@link #archiveFeedUrls} names every page, so a poll of all of them finds every
 *       archive article;
 *   <li>{@code /<outlet-id>/bench/live.xml}: the newest {@value #LIVE_FEED_SIZE} live articles that the
 *       {@link ReleaseClock} has released, as a real feed shows its latest items;
 *   <li>article pages at the paths of {@link SampleCorpus#pathOf}, rendered on request by the sample's
 *       {@link PageRenderer} (rendering 50,000 pages up front would hold ~1 GB).
 * </ul>
 *
 * Everything else is 404. The time of the first request is kept, for "first fetch" figures.
 */
public final class SyntheticNewsServer implements AutoCloseable {

    /** Items per archive feed page: few enough pages for a poll, big enough to keep fetchers busy. */
    public static final int ARCHIVE_PAGE_SIZE = 100;
    /** Items of a live feed. */
    public static final int LIVE_FEED_SIZE = 50;
    private static final int THREADS = 8;
    private static final String HTML = "text/html; charset=utf-8";

    private final SyntheticCorpus synthetic;
    private final ReleaseClock release;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final PageRenderer pages;
    private final Map<String, Outlet> outletsById = new HashMap<>();
    private final Map<String, int[]> liveIndexesByOutlet = new HashMap<>();
    private final Map<String, byte[]> archiveFeeds = new ConcurrentHashMap<>();
    private final AtomicLong firstRequestNanos = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private SyntheticNewsServer(SyntheticCorpus synthetic, int port) throws IOException {
        this.synthetic = synthetic;
        this.release = new ReleaseClock(synthetic.live().size());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.pages = new PageRenderer(synthetic.corpus(), baseUrl);
        Map<String, List<Integer>> live = new HashMap<>();
        for (Outlet outlet : synthetic.corpus().outlets()) {
            outletsById.put(outlet.id(), outlet);
            live.put(outlet.id(), new ArrayList<>());
        }
        for (int j = 0; j < synthetic.live().size(); j++) {
            live.get(synthetic.live().get(j).outletId()).add(j);
        }
        live.forEach((id, list) -> liveIndexesByOutlet.put(id, list.stream().mapToInt(Integer::intValue).toArray()));
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "synthetic-news-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves {@code synthetic} on 127.0.0.1.
     *
     * @param port 0 picks a free one
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static SyntheticNewsServer start(SyntheticCorpus synthetic, int port) {
        try {
            return new SyntheticNewsServer(synthetic, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve synthetic news on 127.0.0.1:" + port, e);
        }
    }

    public SyntheticCorpus synthetic() {
        return synthetic;
    }

    public ReleaseClock release() {
        return release;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The clean URL of an article: its canonical link. */
    public String articleUrl(SampleArticle article) {
        return baseUrl + synthetic.corpus().pathOf(article);
    }

    /** Every archive feed page of the outlet; empty for an outlet without archive articles. */
    public List<String> archiveFeedUrls(Outlet outlet) {
        int count = synthetic.archiveOf(outlet).size();
        List<String> urls = new ArrayList<>();
        for (int k = 1; (k - 1) * ARCHIVE_PAGE_SIZE < count; k++) {
            urls.add(baseUrl + "/" + outlet.id() + "/bench/archive-" + k + ".xml");
        }
        return urls;
    }

    /** The outlet's live feed. */
    public String liveFeedUrl(Outlet outlet) {
        return baseUrl + "/" + outlet.id() + "/bench/live.xml";
    }

    /** Writes a source list with every archive page of every outlet that has archive articles. */
    public void writeArchiveSources(Path file) throws IOException {
        List<Outlet> outlets = synthetic.corpus().outlets().stream().filter(o -> !synthetic.archiveOf(o).isEmpty()).toList();
        SourceListWriter.write(file, outlets, this::archiveFeedUrls);
    }

    /** Writes a source list with the live feed of every outlet. */
    public void writeLiveSources(Path file) throws IOException {
        SourceListWriter.write(file, synthetic.corpus().outlets(), o -> List.of(liveFeedUrl(o)));
    }

    /** {@link System#nanoTime()} of the first request, or 0 before any. */
    public long firstRequestNanos() {
        return firstRequestNanos.get();
    }

    /** Requests answered so far, whatever their status. */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            firstRequestNanos.compareAndSet(0, now);
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String contentType = HTML;
            byte[] body = null;
            String[] segments = path.split("/");
            Outlet outlet = segments.length > 1 ? outletsById.get(segments[1]) : null;
            if (outlet != null && segments.length == 4 && segments[2].equals("bench")) {
                contentType = outlet.feedFormat().mediaType() + "; charset=utf-8";
                if (segments[3].equals("live.xml")) {
                    body = liveFeed(outlet, now);
                } else if (segments[3].startsWith("archive-") && segments[3].endsWith(".xml")) {
                    body = archiveFeed(outlet, segments[3]);
                }
            } else if (outlet != null) {
                body = synthetic.corpus().articleAt(path).map(a -> utf8(pages.render(a))).orElse(null);
            }
            if (body == null) {
                body = utf8("<!DOCTYPE html>\n<html><head><title>Not found</title></head><body>Not found</body></html>\n");
                exchange.getResponseHeaders().set("Content-Type", HTML);
                exchange.sendResponseHeaders(404, method.equals("HEAD") ? -1 : body.length);
            } else {
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(200, method.equals("HEAD") ? -1 : body.length);
            }
            if (!method.equals("HEAD")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private byte[] archiveFeed(Outlet outlet, String name) {
        int page;
        try {
            page = Integer.parseInt(name.substring("archive-".length(), name.length() - ".xml".length()));
        } catch (NumberFormatException e) {
            return null;
        }
        List<SampleArticle> all = synthetic.archiveOf(outlet);
        int from = (page - 1) * ARCHIVE_PAGE_SIZE;
        if (page < 1 || from >= all.size()) {
            return null;
        }
        return archiveFeeds.computeIfAbsent(outlet.id() + "/" + page,
                k -> feed(outlet, all.subList(from, Math.min(all.size(), from + ARCHIVE_PAGE_SIZE))));
    }

    private byte[] liveFeed(Outlet outlet, long now) {
        int released = release.released(now);
        int[] indexes = liveIndexesByOutlet.get(outlet.id());
        int end = 0;
        while (end < indexes.length && indexes[end] < released) {
            end++;
        }
        List<SampleArticle> items = new ArrayList<>();
        for (int p = end - 1; p >= 0 && items.size() < LIVE_FEED_SIZE; p--) {
            items.add(synthetic.live().get(indexes[p]));
        }
        byte[] body = feed(outlet, items);
        // Counted as served once the body exists, just before it is written.
        long served = System.nanoTime();
        for (int p = end - 1; p >= 0 && end - p <= LIVE_FEED_SIZE; p--) {
            release.served(indexes[p], served);
        }
        return body;
    }

    private byte[] feed(Outlet outlet, List<SampleArticle> items) {
        SampleCorpus page = SampleCorpus.of(List.of(outlet), Map.of(outlet.id(), items));
        return utf8(new FeedRenderer(page, baseUrl).render(outlet));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serves a generated corpus until killed: {@code [--articles N] [--port P] [--sources-out FILE]}
     * (N = 50,000 and port 8091 by default), with every archive page in the source list.
     */
    public static void main(String[] args) throws Exception {
        int articles = 50_000;
        int port = 8091;
        Path sources = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--sources-out" -> sources = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--articles N] [--port P] [--sources-out FILE]");
            }
        }
        SyntheticCorpus corpus = SyntheticCorpus.generate(SampleCorpus.load(), articles, 0,
                OffsetDateTime.now(ZoneOffset.UTC), 7);
        SyntheticNewsServer server = start(corpus, port);
        if (sources != null) {
            server.writeArchiveSources(sources);
        }
        System.out.println("synthetic-news: serving " + articles + " articles at " + server.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "synthetic-news-shutdown"));
        Thread.currentThread().join();
    }
}
