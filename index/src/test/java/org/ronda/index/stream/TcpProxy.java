package org.ronda.index.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP forwarder on 127.0.0.1 that a test can switch off (listener and every open connection
 * closed, so clients see refused and reset connections, as when Elasticsearch dies) and on again
 * on the same port. Forwards only to the loopback target it is given. Public because the fault
 * tests of the e2e module use it too (through this module's test jar).
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new ArrayList<>();
    private ServerSocket server;
    private int port;

    /** A proxy to {@code target} ("host:port"), off until {@link #on()}. */
    public TcpProxy(String target) {
        int colon = target.lastIndexOf(':');
        this.targetHost = target.substring(0, colon);
        this.targetPort = Integer.parseInt(target.substring(colon + 1));
    }

    /** The listening port: chosen by the system at the first {@link #on()}, the same ever after. */
    public synchronized int port() {
        return port;
    }

    /** Starts listening (again) and forwarding. */
    public synchronized void on() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = s.getLocalPort();
        server = s;
        daemon("tcp-proxy-accept-" + port, () -> accept(s));
    }

    /** Stops listening and cuts every forwarded connection. */
    public synchronized void off() {
        if (server == null) {
            return;
        }
        closeQuietly(server);
        server = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        off();
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                return;
            }
            Socket upstream;
            try {
                upstream = new Socket(targetHost, targetPort);
            } catch (IOException e) {
                closeQuietly(client);
                continue;
            }
            synchronized (this) {
                if (server != s) {
                    closeQuietly(client);
                    closeQuietly(upstream);
                    return;
                }
                open.add(client);
                open.add(upstream);
            }
            daemon("tcp-proxy-up-" + port, () -> pump(client, upstream));
            daemon("tcp-proxy-down-" + port, () -> pump(upstream, client));
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // Cut by off() or by either end: the other direction is closed below as well.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
