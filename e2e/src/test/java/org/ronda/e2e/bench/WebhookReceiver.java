package org.ronda.e2e.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EventCodec;

/**
 * Receives the alerts service's webhook POSTs on 127.0.0.1 and notes when the first alert about
 * each article arrived ({@link System#nanoTime()}), by the article id of the payload's URL.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Long> firstAlert = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Map<String, Long> firstAlertNanos() {
        return firstAlert;
    }

    long received() {
        return received.get();
    }

    long unreadable() {
        return unreadable.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            try {
                JsonNode alert = EventCodec.mapper().readTree(body);
                String url = alert.path("article").path("url").asText(null);
                if (url != null) {
                    firstAlert.putIfAbsent(ArticleIds.of(url), now);
                } else {
                    unreadable.incrementAndGet();
                }
            } catch (IOException | IllegalArgumentException e) {
                unreadable.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
