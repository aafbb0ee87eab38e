package org.ronda.ingest.fetch;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process HTTP server on 127.0.0.1 and an ephemeral port, routing exact paths to handlers
 * (everything else 404), recording each request.
 */
final class TestServer implements AutoCloseable {

    /** Answers one request; the server closes the exchange afterwards. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    /** A request as the server saw it, with its arrival time from {@link System#nanoTime()}. */
    record Seen(String pathAndQuery, Headers headers, long arrivedNanos) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    TestServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Serves {@code body} with status 200 and the given Content-Type. */
    TestServer page(String path, String contentType, byte[] body) {
        return route(path, ex -> send(ex, 200, contentType, body));
    }

    TestServer page(String path, String html) {
        return page(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    TestServer redirect(String path, int status, String location) {
        return route(path, ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
        });
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The same server under a test host name that the fake DNS maps to 127.0.0.1. */
    URI url(String host, String path) {
        return URI.create("http://" + host + ":" + port() + path);
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** Requests for exactly this path and query. */
    long count(String pathAndQuery) {
        return seen.stream().filter(s -> s.pathAndQuery.equals(pathAndQuery)).count();
    }

    /** The first request for exactly this path and query. */
    Seen first(String pathAndQuery) {
        return seen.stream().filter(s -> s.pathAndQuery.equals(pathAndQuery)).findFirst().orElseThrow();
    }

    /** Requests other than for robots.txt. */
    long pageRequests() {
        return seen.stream().filter(s -> !s.pathAndQuery.equals("/robots.txt")).count();
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            ex.getResponseHeaders().set("Content-Type", contentType);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String raw = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        seen.add(new Seen(query == null ? raw : raw + "?" + query, ex.getRequestHeaders(), System.nanoTime()));
        try {
            Handler handler = routes.get(raw);
            if (handler == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                handler.handle(ex);
            }
        } catch (IOException e) {
            // The client hung up early (a capped body, say); nothing to answer.
        } catch (Exception e) {
            throw new IOException(e);
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
