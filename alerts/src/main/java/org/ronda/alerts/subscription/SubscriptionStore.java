package org.ronda.alerts.subscription;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.contracts.Subscription;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicPartitions;
import org.ronda.kafka.TopicSpec;

/**
 * The subscriptions, kept in a compacted Kafka topic keyed by id (decisions #26) and mirrored in
 * memory. Every instance tails every partition of the topic, so a change made through any instance
 * reaches the matcher and the channels of all of them. A write returns once the broker acknowledged
 * it and applies it locally at once, so the caller reads its own write.
 */
@ApplicationScoped
public class SubscriptionStore implements SubscriptionDirectory {

    private static final Logger LOG = Logger.getLogger(SubscriptionStore.class);
    /** How long a topic just created may stay missing from the broker's metadata. */
    private static final Duration TOPIC_METADATA_WAIT = Duration.ofSeconds(30);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final Map<String, Subscription> byId = new ConcurrentHashMap<>();
    private final List<SubscriptionListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final PollLoop tail = new PollLoop("subscriptions-tail");
    private volatile KafkaProducer<String, String> producer;

    SubscriptionStore(AlertsConfig config, KafkaSettings kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().subscriptions(), kafka.partitions(), true)), kafka.replicationFactor());
        producer = new KafkaProducer<>(KafkaClientProperties.producer(kafka.bootstrapServers(), "ronda-alerts-subscriptions-" + config.instanceId()));
        tail.start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        tail.stop(Duration.ofSeconds(10));
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Registers a listener and hands it every subscription already loaded. */
    public void listen(SubscriptionListener listener) {
        listeners.add(listener);
        listener.savedAll(List.copyOf(byId.values()));
    }

    /** Waits until the topic has been read up to where it ended at start-up. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Health of the tailing loop. */
    public LoopState state() {
        return tail.state();
    }

    /** True once the topic has been read up to where it ended at start-up. */
    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    @Override
    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Collection<Subscription> all() {
        return List.copyOf(byId.values());
    }

    /** Every subscription whose owner key hashes to {@code ownerKeyHash}. */
    public List<Subscription> ownedBy(String ownerKeyHash) {
        List<Subscription> owned = new ArrayList<>();
        for (Subscription s : byId.values()) {
            if (s.ownerKeyHash().equals(ownerKeyHash)) {
                owned.add(s);
            }
        }
        owned.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
        return owned;
    }

    /** Writes {@code subscription} durably and applies it here. */
    public void save(Subscription subscription) {
        write(subscription.id(), EventCodec.encode(subscription));
        apply(subscription.id(), subscription);
    }

    /** Deletes the subscription {@code id} durably (a tombstone) and here. */
    public void delete(String id) {
        write(id, null);
        apply(id, null);
    }

    private void write(String id, String value) {
        try {
            producer.send(new ProducerRecord<>(config.topics().subscriptions(), id, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while saving the subscription", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Kafka did not acknowledge the subscription change: " + e.getMessage(), e);
        }
    }

    private void apply(String id, Subscription subscription) {
        if (subscription == null) {
            if (byId.remove(id) != null) {
                listeners.forEach(l -> l.deleted(id));
            }
            return;
        }
        Subscription previous = byId.get(id);
        if (previous != null && previous.updatedAt().isAfter(subscription.updatedAt())) {
            return;
        }
        if (subscription.equals(previous)) {
            return;
        }
        byId.put(id, subscription);
        listeners.forEach(l -> l.saved(subscription));
    }

    private void run(PollLoop loop) {
        var props = KafkaClientProperties.consumer(kafka.bootstrapServers(), "unused", "ronda-alerts-subscriptions-tail", 1000);
        props.remove("group.id");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            loop.attach(consumer);
            List<TopicPartition> partitions = partitions(consumer, loop);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            loop.state().running();
            while (loop.isRunning()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    applyRecord(record);
                }
                if (loaded.getCount() > 0 && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    LOG.infof("%d subscriptions loaded", byId.size());
                    loaded.countDown();
                }
            }
        }
    }

    /**
     * The subscriptions topic's partitions. Right after {@link TopicCreator} made the topic, the
     * broker's metadata may not list it yet and {@code partitionsFor} answers an empty list, so the
     * question is asked again for a while; an empty answer is never assigned (a consumer with no
     * partitions cannot poll). Empty only when the loop is stopping.
     */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, PollLoop loop) {
        try {
            return TopicPartitions.of(consumer, config.topics().subscriptions(), TOPIC_METADATA_WAIT);
        } catch (IllegalStateException e) {
            if (!loop.isRunning()) {
                return List.of();
            }
            throw new IllegalStateException(e.getMessage() + " (ronda.alerts.topics.subscriptions)", e);
        }
    }

    private void applyRecord(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            apply(record.key(), null);
            return;
        }
        try {
            apply(record.key(), EventCodec.decodeSubscription(record.value()));
        } catch (InvalidEventException e) {
            LOG.warnf("skipped unreadable subscription %s at %s-%d@%d: %s", record.key(), record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }
}
