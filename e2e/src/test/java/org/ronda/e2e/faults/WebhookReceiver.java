package org.ronda.e2e.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 that accepts every POST under {@code /hook/<name>} and records
 * which subscription (by the name in its path) got which delivery ({@code Ronda-Delivery-Id}).
 */
final class WebhookReceiver implements AutoCloseable {

    /** One POST received: the subscription's name and the delivery id. */
    record Delivery(String subscription, String deliveryId) {

        /** Subscription name, story and revision, the same in every run (the subscription id is not). */
        String key() {
            int slash = deliveryId.indexOf('/');
            return subscription + " " + deliveryId.substring(slash + 1);
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String subscription) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + subscription;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        deliveries.add(new Delivery(path.substring("/hook/".length()), String.valueOf(exchange.getRequestHeaders().getFirst("Ronda-Delivery-Id"))));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
