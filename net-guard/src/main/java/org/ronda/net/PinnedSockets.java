package org.ronda.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Connections to exactly the addresses {@link AddressGuard#vet} returned, never to a name resolved
 * again, so that a DNS answer changed after the check (rebinding) cannot redirect the request; TLS
 * on top still checks the certificate against the host name of the URL.
 */
public final class PinnedSockets {

    /** Opens a TCP connection to one address. */
    @FunctionalInterface
    public interface Connector {
        Socket connect(InetSocketAddress address) throws IOException;
    }

    private PinnedSockets() {
    }

    /** A connection to the first of {@code addresses} that accepts one on {@code port}, tried in order. */
    public static Socket firstReachable(List<InetAddress> addresses, int port, Connector connector) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            try {
                return connector.connect(new InetSocketAddress(address, port));
            } catch (IOException e) {
                last = e;
            }
        }
        ConnectException failure = new ConnectException("no address accepted a connection on port " + port);
        if (last != null) {
            failure.initCause(last);
        }
        throw failure;
    }

    /**
     * TLS over {@code plain} for {@code host} (as written in the URL, IPv6 literals in brackets): SNI
     * for names, certificate checked against the name (HTTPS endpoint identification), handshake done.
     */
    public static SSLSocket startTls(SSLSocketFactory factory, Socket plain, String host, int port) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, name, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (AddressRange.parseLiteral(name).isEmpty()) {
            params.setServerNames(List.of(new SNIHostName(name)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }
}
