package org.ronda.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into its addresses. Callers of the {@link AddressGuard} resolve through this once
 * per request, vet every address, and connect only to the vetted ones; tests inject a resolver that maps test names
 * to the addresses they need, so no real name is ever looked up.
 */
@FunctionalInterface
public interface HostResolver {

    /**
     * All addresses of {@code host}, never empty.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}), with its usual caching. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
