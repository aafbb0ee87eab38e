package org.ronda.ingest.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;

/**
 * Opens the TCP connection for one request, to an address the {@link org.ronda.net.AddressGuard} already vetted.
 * Tests inject one that records every attempt and refuses anything but loopback, so that they can
 * prove a refused fetch never opened a socket.
 */
@FunctionalInterface
interface SocketConnector {

    Socket connect(InetSocketAddress address, Duration timeout) throws IOException;

    /** A direct connection; {@link Proxy#NO_PROXY}, so a JVM-wide SOCKS setting cannot send it elsewhere. */
    static SocketConnector direct() {
        return (address, timeout) -> {
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
                return socket;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        };
    }
}
