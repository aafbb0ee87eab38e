package org.ronda.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consume-transform-produce in Kafka transactions, several polls per transaction: the output of
 * every record polled since the transaction began and the consumed offsets commit together, or
 * none of it does. A transaction is committed when it holds {@link Limits#maxRecords()} records or
 * {@link Limits#maxBytes()} bytes of input, when it has been open for {@link Limits#maxTime()}, or
 * as soon as a poll finds nothing more already fetched, so a quiet stream commits each record at
 * once while a backlog is worked through in large transactions (fewer commit round trips and
 * markers per record).
 *
 * <p>On a failure that Kafka lets the producer survive, the transaction is aborted, the
 * {@link Handler#aborted} hook runs, and the consumer is put back to the first record of the
 * transaction on every partition it still owns, so those records are processed again. A fenced
 * producer (another instance took over the transactional id), a broken sequence or missing rights
 * are fatal: the exception propagates and the caller stops. Before partitions are revoked the open
 * transaction is committed (its offsets still belong to this member's generation); lost partitions
 * abort it. Not thread-safe: one loop thread owns the loop and both clients.
 *
 * @param <K> key type of the records consumed and produced
 * @param <V> value type of the records consumed and produced
 */
public final class TransactionalLoop<K, V> {

    private static final Logger LOG = Logger.getLogger(TransactionalLoop.class);

    /**
     * When an open transaction is committed.
     *
     * @param maxRecords input records at which it is committed
     * @param maxBytes   input bytes (serialized keys and values) at which it is committed
     * @param maxTime    how long it may stay open while records keep coming
     */
    public record Limits(int maxRecords, long maxBytes, Duration maxTime) {

        public Limits {
            if (maxRecords < 1) {
                throw new IllegalArgumentException("maxRecords must be at least 1, got " + maxRecords);
            }
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be at least 1, got " + maxBytes);
            }
            Objects.requireNonNull(maxTime, "maxTime");
            if (maxTime.isNegative()) {
                throw new IllegalArgumentException("maxTime must not be negative, got " + maxTime);
            }
        }

        /**
         * Limits read from a stage's configuration under {@code prefix} (as in
         * {@code ronda.enrich.transaction}): a bad value is refused with the prefix in the message,
         * so that the operator knows which settings to fix.
         */
        public static Limits configured(String prefix, int maxRecords, long maxBytes, Duration maxTime) {
            try {
                return new Limits(maxRecords, maxBytes, maxTime);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(prefix + ".*: " + e.getMessage(), e);
            }
        }
    }

    /** The stage's work, called inside the open transaction. */
    public interface Handler<K, V> {

        /**
         * Processes the records of one poll: sends their output through {@code producer} (never
         * commits or aborts it) and counts each record's outcome once in {@code outcomes}. A
         * {@link KafkaException} aborts the transaction; any other exception aborts it and stops the loop.
         */
        void process(ConsumerRecords<K, V> records, Producer<K, V> producer, Outcomes outcomes);

        /** The transaction committed; {@code outcomes} are those of every record in it. */
        default void committed(Map<String, Integer> outcomes) {
        }

        /** The transaction was aborted; its records will be processed again (by this instance or another). */
        default void aborted() {
        }
    }

    /** Outcome counts of the records of one transaction, reported once it commits. */
    public static final class Outcomes {
        private final Map<String, Integer> counts = new TreeMap<>();

        /** One record ended as {@code outcome}. */
        public void count(String outcome) {
            counts.merge(outcome, 1, Integer::sum);
        }

        Map<String, Integer> snapshot() {
            return Map.copyOf(counts);
        }

        void clear() {
            counts.clear();
        }
    }

    private final Consumer<K, V> consumer;
    private final Producer<K, V> producer;
    private final Limits limits;
    private final Handler<K, V> handler;
    private final LongSupplier nanoTime;

    private boolean open;
    private long openedAt;
    private int records;
    private long bytes;
    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private final Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    private final Outcomes outcomes = new Outcomes();
    private long commits;

    /**
     * A loop over {@code consumer} (read-committed, auto-commit off) writing through {@code producer}
     * (transactional, {@code initTransactions()} already called).
     */
    public TransactionalLoop(Consumer<K, V> consumer, Producer<K, V> producer, Limits limits, Handler<K, V> handler) {
        this(consumer, producer, limits, handler, System::nanoTime);
    }

    TransactionalLoop(Consumer<K, V> consumer, Producer<K, V> producer, Limits limits, Handler<K, V> handler, LongSupplier nanoTime) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.nanoTime = nanoTime;
    }

    /** Subscribes the consumer to {@code topics}; the open transaction is settled before any partition is revoked. */
    public void subscribe(Collection<String> topics) {
        subscribe(topics, null);
    }

    /**
     * Subscribes the consumer to {@code topics}; {@code also} (may be null) hears of revocations after
     * the open transaction was settled, and of assignments.
     */
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener also) {
        consumer.subscribe(topics, new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                if (open) {
                    commit(partitions);
                }
                if (also != null) {
                    also.onPartitionsRevoked(partitions);
                }
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (also != null) {
                    also.onPartitionsAssigned(partitions);
                }
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> partitions) {
                if (open) {
                    abort(partitions, "partitions lost: " + partitions);
                }
                if (also != null) {
                    also.onPartitionsLost(partitions);
                }
            }
        });
    }

    /**
     * One poll: waits up to {@code idle} for records when no transaction is open (and not at all
     * when one is), processes them in the open transaction (beginning one first), and commits it
     * when a limit is reached or the poll found nothing more.
     */
    public void pollOnce(Duration idle) {
        ConsumerRecords<K, V> polled = consumer.poll(open ? Duration.ZERO : idle);
        if (!polled.isEmpty()) {
            process(polled);
        }
        if (open && (polled.isEmpty() || due())) {
            commit(List.of());
        }
    }

    /**
     * Polls ({@link #pollOnce}) while {@code running} says so, then commits the open transaction:
     * a graceful stop keeps what was processed since the last commit. A {@link WakeupException}
     * (how a stop interrupts a poll) ends the loop when {@code running} has turned false, and is
     * thrown otherwise.
     */
    public void runWhile(BooleanSupplier running, Duration idle) {
        try {
            while (running.getAsBoolean()) {
                pollOnce(idle);
            }
        } catch (WakeupException e) {
            if (running.getAsBoolean()) {
                throw e;
            }
        }
        commitOpen();
    }

    /** Commits the open transaction, if there is one (before a graceful stop). */
    public void commitOpen() {
        if (open) {
            commit(List.of());
        }
    }

    /** Whether a transaction is open. */
    public boolean isOpen() {
        return open;
    }

    /** Transactions committed so far. */
    public long commits() {
        return commits;
    }

    private void process(ConsumerRecords<K, V> polled) {
        if (!open) {
            producer.beginTransaction();
            open = true;
            openedAt = nanoTime.getAsLong();
        }
        for (TopicPartition partition : polled.partitions()) {
            List<ConsumerRecord<K, V>> list = polled.records(partition);
            firstOffsets.putIfAbsent(partition, list.get(0).offset());
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
            for (ConsumerRecord<K, V> record : list) {
                bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            }
        }
        records += polled.count();
        try {
            handler.process(polled, producer, outcomes);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException e) {
            throw e;
        } catch (KafkaException e) {
            abort(List.of(), e.getMessage());
        } catch (RuntimeException e) {
            abortQuietly(e);
            throw e;
        }
    }

    private boolean due() {
        return records >= limits.maxRecords() || bytes >= limits.maxBytes()
                || nanoTime.getAsLong() - openedAt >= limits.maxTime().toNanos();
    }

    /** Commits; on a failure Kafka lets us survive, aborts and rewinds the partitions not in {@code leaving}. */
    private void commit(Collection<TopicPartition> leaving) {
        try {
            producer.sendOffsetsToTransaction(Map.copyOf(offsets), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | UnsupportedVersionException e) {
            throw e;
        } catch (KafkaException e) {
            abort(leaving, e.getMessage());
            return;
        }
        Map<String, Integer> done = outcomes.snapshot();
        reset();
        commits++;
        handler.committed(done);
    }

    private void abort(Collection<TopicPartition> leaving, String reason) {
        LOG.warnf("transaction of %d records aborted, they are read again: %s", records, reason);
        producer.abortTransaction();
        rewind(leaving);
        reset();
        handler.aborted();
    }

    private void abortQuietly(RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        reset();
        handler.aborted();
    }

    private void rewind(Collection<TopicPartition> leaving) {
        Set<TopicPartition> owned = new HashSet<>(consumer.assignment());
        owned.removeAll(leaving);
        firstOffsets.forEach((partition, offset) -> {
            if (owned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    private void reset() {
        open = false;
        records = 0;
        bytes = 0;
        offsets.clear();
        firstOffsets.clear();
        outcomes.clear();
    }
}
