package org.ronda.enrich.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/** The tail that keeps one enricher's story clusters current with the others'. Real: Kafka. Faked: nothing. */
class ClusterTailIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");

    @Test
    void aDrainSeesEverythingCommittedBeforeItEvenWhenTheLastFetchCameBack() throws Exception {
        String topic = "it-tail-" + UUID.randomUUID().toString().substring(0, 8) + ".articles.enriched";
        TopicCreator.ensure(KAFKA, List.of(new TopicSpec(topic, 3, false)), (short) 1);
        try (ClusterTail tail = new ClusterTail(KAFKA, topic);
                KafkaConsumer<String, String> checker = new KafkaConsumer<>(KafkaClientProperties.consumer(KAFKA, "it-tail-check", "it-tail-check", 1));
                KafkaProducer<String, String> other = new KafkaProducer<>(
                        KafkaClientProperties.transactionalProducer(KAFKA, "it-tail", "it-tail-" + UUID.randomUUID()))) {
            assertThat(tail.catchUp(Instant.now().minusSeconds(60), r -> { })).isZero();
            // A drain with nothing new: the tail's consumer then holds the answer of a fetch that found nothing.
            assertThat(tail.drain(r -> { })).isZero();
            other.initTransactions();
            // Idle tail, then another instance commits stories one after another; each drain, with
            // no wait in between, must see all that was committed before it.
            for (int round = 0; round < 5; round++) {
                // Two commits between drains: a fetch left waiting at the broker brings the first,
                // and nothing fetches the second unless the drain asks where the end is.
                for (String half : List.of("a", "b")) {
                    other.beginTransaction();
                    for (int p = 0; p < 3; p++) {
                        other.send(new ProducerRecord<>(topic, p, "story-" + round + half + p, "{}"));
                    }
                    other.commitTransaction();
                    // The commit markers reach the partitions just after commitTransaction returns;
                    // wait for them, as a later poll of the enrich loop would find them written.
                    awaitStableEnd(checker, topic, 4L * round + ("a".equals(half) ? 2 : 4));
                }
                List<ConsumerRecord<String, String>> seen = new ArrayList<>();
                tail.drain(seen::add);
                assertThat(seen).as("round %d", round).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                        "story-" + round + "a0", "story-" + round + "a1", "story-" + round + "a2",
                        "story-" + round + "b0", "story-" + round + "b1", "story-" + round + "b2");
            }
            // An open transaction of the other instance is not a story yet.
            other.beginTransaction();
            other.send(new ProducerRecord<>(topic, 0, "open", "{}"));
            other.flush();
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            tail.drain(seen::add);
            assertThat(seen).isEmpty();
            other.abortTransaction();
        }
    }

    /** Waits until every partition's last stable offset is {@code end} (each round adds a record and a commit marker). */
    private static void awaitStableEnd(KafkaConsumer<String, String> checker, String topic, long end) {
        List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1), new TopicPartition(topic, 2));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                checker.endOffsets(partitions, Duration.ofSeconds(5)).values().stream().allMatch(o -> o == end));
    }
}
