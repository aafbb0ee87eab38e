package org.ronda.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A resolver answering from a fixed table and recording every name it was asked; no real lookup. */
final class FakeResolver implements HostResolver {
    private final Map<String, List<InetAddress>> names = new HashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();

    FakeResolver map(String host, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(literal(a));
        }
        names.put(host, List.copyOf(list));
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        asked.add(host);
        List<InetAddress> found = names.get(host);
        if (found == null) {
            throw new UnknownHostException(host + " is not a test name");
        }
        return found;
    }

    static InetAddress literal(String address) {
        return AddressRange.parseLiteral(address).orElseThrow(() -> new IllegalArgumentException(address));
    }
}
