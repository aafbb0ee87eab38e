package org.ronda.search.rest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the service at a port on 127.0.0.1 where nothing listens (bound once to find it free, then
 * closed), so every Elasticsearch call is refused. Real: the service and its client. Faked: an
 * Elasticsearch that is down.
 */
public class ClosedElasticPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return Map.of("quarkus.elasticsearch.hosts", "127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
