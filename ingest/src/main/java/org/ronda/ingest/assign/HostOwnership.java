package org.ronda.ingest.assign;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Utils;

/**
 * Which hosts this ingest instance may poll. Hosts are spread over the partitions of the poll-task
 * topic with the partition Kafka's producer would pick for the host as key; the consumer group gives
 * each partition to one instance, and this class holds the partitions this instance was given.
 *
 * <p>A poll of a feed (and of every article page it lists) runs under a {@link Lease}. Revoking a
 * partition first stops new leases on its hosts, then waits until the leases already given out are
 * closed, so that another instance starts polling a host only after this one stopped. Thread-safe.
 */
public final class HostOwnership {

    /** What part of a URL names the server that politeness is owed to. */
    public enum KeyKind {
        /** The host name, lower case; ports ignored, as the fetcher's throttle does. */
        HOST,
        /** Host and port: for test setups where each port is a separate server on one address. */
        HOST_PORT
    }

    /** One host's polling history in this instance, for operators and tests. */
    public record PolledHost(String key, int partition, Instant first, Instant last, int polls) {
    }

    private final KeyKind keyKind;
    private final Set<Integer> owned = new TreeSet<>();
    private final Map<Integer, Integer> inFlight = new HashMap<>();
    private final Map<String, PolledHost> polled = new TreeMap<>();
    private int partitionCount;
    private long generation;

    public HostOwnership(KeyKind keyKind) {
        this.keyKind = keyKind;
    }

    /** The key of {@code url}'s server: the unit that is polled by one instance at a time. */
    public String keyOf(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (keyKind == KeyKind.HOST) {
            return host;
        }
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return host + ":" + port;
    }

    /** The partition of {@code key} among {@code partitions}: the one Kafka's default partitioner picks for that key. */
    public static int partitionOf(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Makes {@code partitions} the partitions this instance owns (the group's whole assignment to
     * it: the eager protocol revokes everything before assigning); {@code count} is the topic's
     * partition count, read at the same rebalance, so every instance maps hosts alike even after
     * partitions were added.
     */
    public synchronized void assign(Collection<Integer> partitions, int count) {
        owned.clear();
        owned.addAll(partitions);
        partitionCount = count;
        generation++;
        notifyAll();
    }

    /**
     * Stops new leases on the hosts of {@code partitions} and waits, up to {@code maxWait}, until
     * the leases on them are closed.
     *
     * @return true when every lease was closed in time; false when some poll still runs
     */
    public synchronized boolean revoke(Collection<Integer> partitions, Duration maxWait) throws InterruptedException {
        owned.removeAll(partitions);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (partitions.stream().anyMatch(p -> inFlight.getOrDefault(p, 0) > 0)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** True once a first assignment (possibly empty) arrived from the group. */
    public synchronized boolean assigned() {
        return generation > 0;
    }

    /** Waits up to {@code maxWait} for a first assignment; returns whether one came. */
    public synchronized boolean awaitAssigned(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (generation == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** A lease on {@code url}'s host when this instance owns it now, else empty. Close it when the poll is done. */
    public synchronized Optional<Lease> lease(URI url, Instant now) {
        if (partitionCount == 0) {
            return Optional.empty();
        }
        String key = keyOf(url);
        int partition = partitionOf(key, partitionCount);
        if (!owned.contains(partition)) {
            return Optional.empty();
        }
        inFlight.merge(partition, 1, Integer::sum);
        polled.merge(key, new PolledHost(key, partition, now, now, 1),
                (a, b) -> new PolledHost(key, partition, a.first(), now, a.polls() + 1));
        return Optional.of(new Lease(partition));
    }

    /** Whether {@code url}'s host is owned by this instance now. */
    public synchronized boolean owns(URI url) {
        return partitionCount > 0 && owned.contains(partitionOf(keyOf(url), partitionCount));
    }

    /** The partitions owned now. */
    public synchronized Set<Integer> partitions() {
        return Set.copyOf(owned);
    }

    /** The poll-task topic's partition count as last assigned; 0 before the first assignment. */
    public synchronized int partitionCount() {
        return partitionCount;
    }

    /** Every host this instance polled since it started, by key. */
    public synchronized Collection<PolledHost> polledHosts() {
        return java.util.List.copyOf(polled.values());
    }

    private synchronized void release(int partition) {
        inFlight.merge(partition, -1, Integer::sum);
        notifyAll();
    }

    private synchronized boolean holds(int partition) {
        return owned.contains(partition);
    }

    /** The right to poll one host until closed. */
    public final class Lease implements AutoCloseable {

        private final int partition;
        private boolean closed;

        private Lease(int partition) {
            this.partition = partition;
        }

        /** False once the host's partition was revoked: the poll should stop taking new items. */
        public boolean held() {
            return holds(partition);
        }

        @Override
        public void close() {
            synchronized (HostOwnership.this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            release(partition);
        }
    }
}
