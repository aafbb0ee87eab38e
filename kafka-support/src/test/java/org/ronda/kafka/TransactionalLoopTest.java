package org.ronda.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transaction boundaries of {@link TransactionalLoop}, on Kafka's in-memory {@link MockConsumer}
 * and {@link MockProducer} (no broker) and a clock the test moves: when a transaction is committed,
 * what it commits, and what an abort rewinds. {@code EnrichCrashRecoveryIT} (e2e) checks the same
 * loop against the real broker with SIGKILL.
 */
class TransactionalLoopTest {

    private static final String IN = "in";
    private static final String OUT = "out";
    private static final TopicPartition P0 = new TopicPartition(IN, 0);
    private static final TopicPartition P1 = new TopicPartition(IN, 1);
    private static final Duration IDLE = Duration.ofMillis(10);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final AtomicLong now = new AtomicLong();
    private final Recorder handler = new Recorder();
    private long nextOffset0;
    private long nextOffset1;

    @BeforeEach
    void assign() {
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        producer.initTransactions();
    }

    @Test
    void configuredLimitsNameTheSettingsTheyCameFrom() {
        assertThat(TransactionalLoop.Limits.configured("ronda.x.transaction", 10, 100, Duration.ZERO).maxRecords()).isEqualTo(10);
        assertThatThrownBy(() -> TransactionalLoop.Limits.configured("ronda.x.transaction", 0, 100, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ronda.x.transaction.*: maxRecords must be at least 1, got 0");
        assertThatThrownBy(() -> TransactionalLoop.Limits.configured("ronda.x.transaction", 1, 100, Duration.ofSeconds(-1)))
                .hasMessageStartingWith("ronda.x.transaction.*: maxTime must not be negative");
    }

    @Test
    void quietStreamCommitsAsSoonAsAPollFindsNothingMore() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        add(P0, 3);

        loop.pollOnce(IDLE);
        assertThat(loop.isOpen()).isTrue();
        assertThat(producer.commitCount()).isZero();

        loop.pollOnce(IDLE);
        assertThat(loop.isOpen()).isFalse();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(producer.history()).hasSize(3);
        assertThat(committedOffsets(0)).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
        assertThat(handler.committed).containsExactly(Map.of("done", 3));
    }

    @Test
    void runWhileCommitsWhatItProcessedOnceToldToStop() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        add(P0, 3);
        AtomicInteger asked = new AtomicInteger();

        loop.runWhile(() -> asked.getAndIncrement() < 1, IDLE);

        assertThat(loop.isOpen()).isFalse();
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(committedOffsets(0)).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void runWhileRethrowsAWakeupThatIsNotAStop() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        consumer.wakeup();

        assertThatThrownBy(() -> loop.runWhile(() -> true, IDLE)).isInstanceOf(WakeupException.class);
    }

    @Test
    void backlogGrowsOneTransactionOverPollsUpToMaxRecords() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(5, 1 << 20, Duration.ofSeconds(10)));
        add(P0, 3);
        loop.pollOnce(IDLE);
        add(P1, 2);
        loop.pollOnce(IDLE);

        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(committedOffsets(0)).containsOnly(Map.entry(P0, new OffsetAndMetadata(3)), Map.entry(P1, new OffsetAndMetadata(2)));
        assertThat(handler.committed).containsExactly(Map.of("done", 5));
        assertThat(handler.polls).isEqualTo(2);
    }

    @Test
    void maxBytesCommitsTheTransaction() {
        // Each record is key "k" plus a 10-character value: 11 bytes.
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 22, Duration.ofSeconds(10)));
        add(P0, 1);
        loop.pollOnce(IDLE);
        assertThat(loop.isOpen()).isTrue();
        add(P0, 1);
        loop.pollOnce(IDLE);

        assertThat(loop.isOpen()).isFalse();
        assertThat(committedOffsets(0)).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void maxTimeCommitsATransactionThatRecordsKeepFeeding() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofMillis(100)));
        add(P0, 1);
        loop.pollOnce(IDLE);
        now.addAndGet(Duration.ofMillis(60).toNanos());
        add(P0, 1);
        loop.pollOnce(IDLE);
        assertThat(loop.isOpen()).isTrue();

        now.addAndGet(Duration.ofMillis(60).toNanos());
        add(P0, 1);
        loop.pollOnce(IDLE);

        assertThat(loop.isOpen()).isFalse();
        assertThat(committedOffsets(0)).containsExactly(Map.entry(P0, new OffsetAndMetadata(3)));
        assertThat(handler.committed).containsExactly(Map.of("done", 3));
    }

    @Test
    void failedCommitAbortsAndRewindsEveryPartitionToTheFirstRecordOfTheTransaction() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        add(P0, 2);
        loop.pollOnce(IDLE);
        loop.pollOnce(IDLE);
        assertThat(producer.commitCount()).isEqualTo(1);

        add(P0, 2);
        add(P1, 3);
        loop.pollOnce(IDLE);
        assertThat(consumer.position(P0)).isEqualTo(4);
        producer.commitTransactionException = new KafkaException("coordinator moved");
        loop.pollOnce(IDLE);

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(loop.isOpen()).isFalse();
        assertThat(consumer.position(P0)).isEqualTo(2);
        assertThat(consumer.position(P1)).isZero();
        assertThat(handler.aborts).isEqualTo(1);
        // Outcomes of the aborted transaction are never reported.
        assertThat(handler.committed).containsExactly(Map.of("done", 2));
    }

    @Test
    void kafkaFailureWhileProcessingAbortsAndRewinds() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        handler.failWith = new KafkaException("send failed");
        add(P0, 2);

        loop.pollOnce(IDLE);

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(loop.isOpen()).isFalse();
        assertThat(consumer.position(P0)).isZero();
        assertThat(handler.aborts).isEqualTo(1);
    }

    @Test
    void bugInTheHandlerAbortsAndStopsTheLoop() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        handler.failWith = new IllegalStateException("bug");
        add(P0, 1);

        assertThatThrownBy(() -> loop.pollOnce(IDLE)).isInstanceOf(IllegalStateException.class);
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.commitCount()).isZero();
    }

    @Test
    void fencedProducerIsFatal() {
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        add(P0, 1);
        loop.pollOnce(IDLE);
        producer.commitTransactionException = new ProducerFencedException("another instance took over");

        assertThatThrownBy(() -> loop.pollOnce(IDLE)).isInstanceOf(ProducerFencedException.class);
        assertThat(producer.commitCount()).isZero();
    }

    @Test
    void openTransactionIsCommittedBeforePartitionsAreRevoked() {
        consumer.unsubscribe();
        TransactionalLoop<String, String> loop = loop(new TransactionalLoop.Limits(1000, 1 << 20, Duration.ofSeconds(10)));
        List<String> heard = new ArrayList<>();
        loop.subscribe(List.of(IN), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                heard.add("revoked, open=" + loop.isOpen());
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                heard.add("assigned");
            }
        });
        consumer.rebalance(List.of(P0, P1));
        add(P0, 2);
        loop.pollOnce(IDLE);
        assertThat(loop.isOpen()).isTrue();

        consumer.rebalance(List.of(P1));

        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(committedOffsets(0)).containsExactly(Map.entry(P0, new OffsetAndMetadata(2)));
        assertThat(heard).contains("revoked, open=false");
    }

    @Test
    void limitsRefuseNonsense() {
        assertThatThrownBy(() -> new TransactionalLoop.Limits(0, 1, Duration.ZERO)).hasMessageContaining("maxRecords");
        assertThatThrownBy(() -> new TransactionalLoop.Limits(1, 0, Duration.ZERO)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> new TransactionalLoop.Limits(1, 1, Duration.ofSeconds(-1))).hasMessageContaining("maxTime");
    }

    private TransactionalLoop<String, String> loop(TransactionalLoop.Limits limits) {
        return new TransactionalLoop<>(consumer, producer, limits, handler, now::get);
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets(int commit) {
        return producer.consumerGroupOffsetsHistory().get(commit).values().iterator().next();
    }

    private void add(TopicPartition partition, int n) {
        for (int i = 0; i < n; i++) {
            long offset = partition.equals(P0) ? nextOffset0++ : nextOffset1++;
            String value = String.format("value-%04d", offset);
            consumer.addRecord(new ConsumerRecord<>(IN, partition.partition(), offset, 0L, TimestampType.CREATE_TIME, 1, value.length(),
                    "k", value, new RecordHeaders(), Optional.empty()));
        }
    }

    /** Copies each record to the output topic; can be told to fail. */
    private static final class Recorder implements TransactionalLoop.Handler<String, String> {
        final List<Map<String, Integer>> committed = new ArrayList<>();
        int aborts;
        int polls;
        RuntimeException failWith;

        @Override
        public void process(ConsumerRecords<String, String> records, Producer<String, String> producer,
                TransactionalLoop.Outcomes outcomes) {
            polls++;
            if (failWith != null) {
                throw failWith;
            }
            for (ConsumerRecord<String, String> record : records) {
                producer.send(new ProducerRecord<>(OUT, record.key(), record.value()));
                outcomes.count("done");
            }
        }

        @Override
        public void committed(Map<String, Integer> outcomes) {
            committed.add(outcomes);
        }

        @Override
        public void aborted() {
            aborts++;
        }
    }
}
