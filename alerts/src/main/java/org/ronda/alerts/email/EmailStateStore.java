package org.ronda.alerts.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.jboss.logging.Logger;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.TopicReplay;

/**
 * Reads and writes {@link SubscriberState}s in the compacted e-mail state topic, keyed by
 * subscription id; a tombstone forgets a subscriber. Each write waits for the broker's
 * acknowledgement, so that the dispatcher commits an alert's offset only after the state it led
 * to is durable.
 */
final class EmailStateStore {

    private static final Logger LOG = Logger.getLogger(EmailStateStore.class);

    private final String bootstrapServers;
    private final String topic;
    private final Producer<String, String> producer;

    EmailStateStore(String bootstrapServers, String topic, Producer<String, String> producer) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.producer = producer;
    }

    /** Every stored state whose subscription id passes {@code owned}, read to the end of the topic. */
    Map<String, SubscriberState> load(Predicate<String> owned) {
        Map<String, SubscriberState> states = new HashMap<>();
        TopicReplay.readToEnd(bootstrapServers, topic, null, record -> {
            if (record.key() == null || !owned.test(record.key())) {
                return;
            }
            if (record.value() == null) {
                states.remove(record.key());
                return;
            }
            try {
                states.put(record.key(), decode(record.value()));
            } catch (JsonProcessingException e) {
                LOG.warnf("skipped unreadable e-mail state %s at %s-%d@%d: %s", record.key(), record.topic(), record.partition(), record.offset(), e.getOriginalMessage());
            }
        });
        return states;
    }

    /** Writes {@code state} and waits until the broker has it. */
    void write(SubscriberState state) {
        send(state.subscriptionId(), encode(state));
    }

    /** Forgets the subscriber {@code subscriptionId} (a tombstone). */
    void delete(String subscriptionId) {
        send(subscriptionId, null);
    }

    private void send(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing e-mail state of " + key, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge e-mail state of " + key + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    static String encode(SubscriberState state) {
        return EventCodec.encode(state);
    }

    static SubscriberState decode(String json) throws JsonProcessingException {
        return EventCodec.mapper().readValue(json, SubscriberState.class);
    }

    /** The partition Kafka's default partitioner gives {@code key} among {@code partitions}. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
