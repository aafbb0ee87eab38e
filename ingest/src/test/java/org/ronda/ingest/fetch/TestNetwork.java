package org.ronda.ingest.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ronda.net.AddressRange;
import org.ronda.net.HostResolver;

/**
 * The network as the fetch tests see it: a fake DNS that knows only the names a test gives it, and a
 * connector that records every connection attempt and refuses anything but loopback. The refusal is
 * a safety net: the guard must stop hostile addresses first, and the tests assert that no attempt
 * reached the connector at all.
 */
final class TestNetwork {

    /** A resolver answering from a fixed table and recording every name it was asked. */
    static final class FakeDns implements HostResolver {
        private final Map<String, List<InetAddress>> names = new HashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        FakeDns map(String host, String... addresses) {
            List<InetAddress> list = new java.util.ArrayList<>();
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
    }

    /** Records every attempted address; connects to loopback only. */
    static final class LoopbackOnlyConnector implements SocketConnector {
        final List<InetSocketAddress> attempts = new CopyOnWriteArrayList<>();

        @Override
        public Socket connect(InetSocketAddress address, Duration timeout) throws IOException {
            attempts.add(address);
            if (!address.getAddress().isLoopbackAddress()) {
                throw new IOException("test connector refuses non-loopback " + address);
            }
            return SocketConnector.direct().connect(address, timeout);
        }

        List<InetAddress> nonLoopbackAttempts() {
            return attempts.stream().map(InetSocketAddress::getAddress).filter(a -> !a.isLoopbackAddress()).toList();
        }
    }

    /** Records the waits between retries instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    private TestNetwork() {}

    static final String USER_AGENT = "RondaBot/test (+https://ronda.invalid/bot; ops@ronda.invalid)";

    /** Test defaults: loopback allowed, no spacing, millisecond backoff, short timeouts. */
    static FetchPolicy.Builder policy() {
        return FetchPolicy.builder(USER_AGENT)
                .allowPrivateAddresses(java.util.Set.of("127.0.0.1/32"))
                .minIntervalPerHost(Duration.ZERO)
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .maxRequestDuration(Duration.ofSeconds(10))
                .retryBaseDelay(Duration.ofMillis(1))
                .retryMaxDelay(Duration.ofMillis(5))
                .maxThrottleWait(Duration.ofSeconds(10));
    }

    static InetAddress literal(String address) {
        return AddressRange.parseLiteral(address).orElseThrow(() -> new IllegalArgumentException(address));
    }
}
