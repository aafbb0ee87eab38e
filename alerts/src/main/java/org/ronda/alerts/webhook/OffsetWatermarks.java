package org.ronda.alerts.webhook;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition may be committed while records finish out of order. A record is
 * {@linkplain #started started} when it is taken from a poll and {@linkplain #finished finished} when
 * it was delivered, skipped or dead-lettered. The committable offset of a partition is the lowest
 * offset still unfinished, or one past the highest started when none is; so a slow receiver holds
 * back the commit of its partition but never the deliveries behind it, and a restart re-reads only
 * records that had not finished (some of which may already have been delivered: at-least-once,
 * receivers de-duplicate on {@code Ronda-Delivery-Id}).
 *
 * <p>Thread-safe: workers finish records while the poll thread starts records and commits.
 */
final class OffsetWatermarks {

    private static final class Partition {
        final TreeSet<Long> unfinished = new TreeSet<>();
        long highestStarted = -1;
        long committed = -1;

        long committable() {
            return unfinished.isEmpty() ? highestStarted + 1 : unfinished.first();
        }
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    /** Records that {@code offset} was taken and is not finished. */
    synchronized void started(TopicPartition partition, long offset) {
        Partition p = partitions.computeIfAbsent(partition, k -> new Partition());
        p.unfinished.add(offset);
        p.highestStarted = Math.max(p.highestStarted, offset);
    }

    /**
     * Records that {@code offset} finished; false when the partition was {@linkplain #forget forgotten}
     * (revoked) meanwhile or the offset was not started, so the caller must not count the record.
     */
    synchronized boolean finished(TopicPartition partition, long offset) {
        Partition p = partitions.get(partition);
        return p != null && p.unfinished.remove(offset);
    }

    /** True while {@code offset} of {@code partition} is started and not finished here. */
    synchronized boolean isPending(TopicPartition partition, long offset) {
        Partition p = partitions.get(partition);
        return p != null && p.unfinished.contains(offset);
    }

    /** The next offset to commit for every partition whose watermark moved since {@link #committed}. */
    synchronized Map<TopicPartition, Long> committable() {
        Map<TopicPartition, Long> out = new HashMap<>();
        partitions.forEach((tp, p) -> {
            long next = p.committable();
            if (p.highestStarted >= 0 && next > p.committed) {
                out.put(tp, next);
            }
        });
        return out;
    }

    /** Notes that {@code offsets} were committed, so that they are not offered again. */
    synchronized void committed(Map<TopicPartition, Long> offsets) {
        offsets.forEach((tp, next) -> {
            Partition p = partitions.get(tp);
            if (p != null) {
                p.committed = Math.max(p.committed, next);
            }
        });
    }

    /** Drops revoked partitions: their unfinished records belong to the next owner now. */
    synchronized void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** Started and unfinished records across all partitions. */
    synchronized int unfinished() {
        return partitions.values().stream().mapToInt(p -> p.unfinished.size()).sum();
    }
}
