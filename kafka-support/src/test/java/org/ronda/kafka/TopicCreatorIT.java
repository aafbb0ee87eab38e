package org.ronda.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** Real broker ({@code it.kafka.bootstrap}); nothing faked. */
class TopicCreatorIT {

    private static final String KAFKA = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");

    @Test
    void newTopicsTakeWritesToEveryPartitionAsSoonAsEnsureReturns() throws Exception {
        String run = "creator-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> names = List.of(run + ".a", run + ".b", run + ".c");
        TopicCreator.ensure(KAFKA, names.stream().map(n -> new TopicSpec(n, 3, false)).toList(), (short) 1);

        Properties p = KafkaClientProperties.producer(KAFKA, "it-topic-creator");
        // A short delivery timeout: a write that meets a partition its leader does not serve yet
        // would retry for two minutes by default; here it fails the test within seconds.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String topic : names) {
                for (int partition = 0; partition < 3; partition++) {
                    for (int i = 0; i < 20; i++) {
                        sent.add(producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)));
                    }
                }
            }
            for (Future<RecordMetadata> f : sent) {
                f.get(15, TimeUnit.SECONDS);
            }
        }
        assertThat(sent).hasSize(180).allSatisfy(f -> assertThat(f.get().offset()).isBetween(0L, 19L));

        // Ensuring again leaves the topics as they are.
        TopicCreator.ensure(KAFKA, List.of(new TopicSpec(run + ".a", 1, false)), (short) 1);
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin a = Admin.create(admin)) {
            assertThat(a.describeTopics(List.of(run + ".a")).allTopicNames().get().get(run + ".a").partitions()).hasSize(3);
            a.deleteTopics(names).all().get();
        }
    }
}
