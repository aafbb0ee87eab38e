package org.ronda.alerts.email;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.alerts.subscription.SubscriptionDirectory;
import org.ronda.contracts.Alert;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.contracts.Subscription;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.PollLoop;

/**
 * The e-mail channel: consumes alerts (keyed by subscription id) in its own consumer group, mails
 * them at once or collects them into digests as {@link DeliveryPlanner} decides, and sends due
 * digests every {@code digestCheckInterval}.
 *
 * <p><b>State and offsets.</b> Each subscriber's {@link SubscriberState} (pending digest, count of
 * immediate messages in the current local hour, ids already mailed) lives in memory and in the
 * compacted state topic. For every record the order is: send the mail (if any), write the new
 * state and wait for the broker, then commit the record's offset after the poll's records are
 * done. On start and on every rebalance the states of the subscribers whose alert partitions this
 * instance owns are re-read from the state topic, so pending digests and hourly counts survive
 * restarts and move with their partitions.
 *
 * <p><b>Crash window.</b> If the process dies after the SMTP server accepted a message and before
 * the new state is acknowledged by Kafka (one producer round trip, milliseconds), the restarted
 * dispatcher does not know the message went out and sends it again: a possible duplicate mail,
 * never a lost alert. A crash after the state write and before the offset commit is harmless: the
 * replayed alert is found among the mailed or pending ids and dropped.
 *
 * <p><b>Failures.</b> A transient SMTP failure (no connection, 4xx) rewinds the record's partition
 * to it, pauses that partition and retries after an exponential backoff with jitter; nothing past
 * it is committed, and the retry goes on for as long as the server stays down (a dependency that
 * is down is never a dead letter). A permanent failure (5xx, such as a rejected recipient) writes a
 * {@link DeadLetter} with stage {@code alerts-email} and carries on. A digest that fails transiently
 * stays pending and is retried with the same backoff. A Kafka write that fails stops the loop
 * (health DOWN), since without durable state the channel could not keep its promises.
 *
 * <p>Both the consumer and the digest scheduler run on the loop's single thread, so the state map
 * has one writer and needs no locks; digests are checked between polls, and polls wait at most
 * half a second.
 *
 * <p>Each consumed record increments {@code ronda_alerts_records{stage="email",outcome}} once,
 * with outcome {@code sent}, {@code queued}, {@code updated}, {@code dropped}, {@code skipped}
 * (no such subscription, no e-mail, unsubscribed) or {@code dead-letter}. Digests count in
 * {@code ronda_alerts_email_digests{outcome}} ({@code sent}, {@code retry}, {@code dead-letter}).
 */
final class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    /** The dead-letter stage name. */
    static final String STAGE = "alerts-email";

    /**
     * Where and how the dispatcher works.
     *
     * @param bootstrapServers    Kafka
     * @param alertsTopic         input: the alerts of e-mail subscriptions keyed by subscription id (written by the match loop, decision 32)
     * @param stateTopic          compacted: subscriber states keyed by subscription id
     * @param deadLetterTopic     alerts that cannot be delivered
     * @param groupId             the consumer group
     * @param clientId            client id prefix of the Kafka clients
     * @param digestCheckInterval how often due digests are looked for
     * @param backoff             waits between attempts after a transient SMTP failure
     */
    record Settings(String bootstrapServers, String alertsTopic, String stateTopic, String deadLetterTopic,
            String groupId, String clientId, Duration digestCheckInterval, RetryBackoff backoff) {
    }

    private final Settings settings;
    private final SubscriptionDirectory directory;
    private final ReadyGate directoryLoaded;
    private final MailSender sender;
    private final EmailComposer composer;
    private final DeliveryPlanner planner;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PollLoop loop = new PollLoop("alerts-email");

    private final Map<String, SubscriberState> states = new ConcurrentHashMap<>();
    private final Map<String, Long> digestRetryAtNanos = new HashMap<>();
    private final Map<String, Integer> digestAttempts = new HashMap<>();
    private final Set<TopicPartition> pausedForRetry = new HashSet<>();
    private long resumeAtNanos;
    private int sendAttempts;
    private long nextDigestCheckNanos = System.nanoTime();
    private EmailStateStore store;

    /** Waits for the subscription directory to be complete, so that no alert is skipped for a subscription not read yet. */
    @FunctionalInterface
    interface ReadyGate {
        /** True once ready; false when {@code timeout} passed first. */
        boolean await(Duration timeout) throws InterruptedException;
    }

    /**
     * @param directoryLoaded the dispatcher consumes nothing before this opens
     * @param clock           the time for planning (hour windows, due digests); waits between retries use the monotonic clock
     */
    EmailDispatcher(Settings settings, SubscriptionDirectory directory, ReadyGate directoryLoaded, MailSender sender,
            EmailComposer composer, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.directory = directory;
        this.directoryLoaded = directoryLoaded;
        this.sender = sender;
        this.composer = composer;
        this.planner = new DeliveryPlanner(clock);
        this.clock = clock;
        this.meters = meters;
    }

    /** Starts consuming on the loop's thread. */
    void start() {
        loop.start(this::run);
    }

    /** Stops the loop and waits up to {@code timeout} for it. */
    void stop(Duration timeout) throws InterruptedException {
        loop.stop(timeout);
    }

    /** Health of the loop. */
    LoopState state() {
        return loop.state();
    }

    /** The pending alerts of {@code subscriptionId} as this instance knows them, for tests and diagnostics. */
    List<Alert> pending(String subscriptionId) {
        SubscriberState state = states.get(subscriptionId);
        return state == null ? List.of() : state.pending();
    }

    private void run(PollLoop pollLoop) {
        pollLoop.state().waiting("subscriptions");
        try {
            while (!directoryLoaded.await(Duration.ofSeconds(1))) {
                if (!pollLoop.isRunning()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        var consumerProps = KafkaClientProperties.consumer(settings.bootstrapServers(), settings.groupId(), settings.clientId() + "-consumer", 100);
        var producerProps = KafkaClientProperties.producer(settings.bootstrapServers(), settings.clientId() + "-producer");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps)) {
            pollLoop.attach(consumer);
            store = new EmailStateStore(settings.bootstrapServers(), settings.stateTopic(), producer);
            consumer.subscribe(List.of(settings.alertsTopic()), new Ownership(consumer));
            pollLoop.state().running();
            Duration pollTimeout = settings.digestCheckInterval().compareTo(Duration.ofMillis(500)) < 0
                    ? settings.digestCheckInterval() : Duration.ofMillis(500);
            while (pollLoop.isRunning()) {
                ConsumerRecords<String, String> records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    process(consumer, producer, records);
                }
                resumeWhenDue(consumer);
                // The check interval is real elapsed time; whether a digest is due is the planning clock's business.
                if (System.nanoTime() - nextDigestCheckNanos >= 0) {
                    sendDueDigests(producer);
                    nextDigestCheckNanos = System.nanoTime() + settings.digestCheckInterval().toNanos();
                }
            }
        }
    }

    private void process(KafkaConsumer<String, String> consumer, Producer<String, String> producer, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Set<TopicPartition> blocked = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            TopicPartition tp = new TopicPartition(record.topic(), record.partition());
            if (blocked.contains(tp)) {
                continue;
            }
            try {
                handle(producer, record);
                done.put(tp, new OffsetAndMetadata(record.offset() + 1));
            } catch (MailDeliveryException e) {
                LOG.warnf("transient SMTP failure for %s-%d@%d (%s, reply %d); retrying", record.topic(), record.partition(), record.offset(), e.reason(), e.replyCode());
                blocked.add(tp);
                consumer.seek(tp, record.offset());
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        if (!blocked.isEmpty()) {
            consumer.pause(blocked);
            pausedForRetry.addAll(blocked);
            resumeAtNanos = System.nanoTime() + settings.backoff().delay(sendAttempts++).toNanos();
            loop.state().waiting("SMTP server");
        }
    }

    private void resumeWhenDue(KafkaConsumer<String, String> consumer) {
        if (pausedForRetry.isEmpty() || System.nanoTime() - resumeAtNanos < 0) {
            return;
        }
        Set<TopicPartition> resumable = new HashSet<>(pausedForRetry);
        resumable.retainAll(consumer.assignment());
        consumer.resume(resumable);
        pausedForRetry.clear();
    }

    /** Handles one alert record; throws only for a transient SMTP failure, after which it is retried. */
    private void handle(Producer<String, String> producer, ConsumerRecord<String, String> record) throws MailDeliveryException {
        if (record.key() != null && directory.find(record.key()).map(sub -> sub.email() == null).orElse(false)) {
            // Most alerts are for subscriptions without e-mail: skipped without decoding them.
            count("skipped");
            return;
        }
        Alert alert;
        try {
            alert = EventCodec.decodeAlert(record.value());
        } catch (InvalidEventException e) {
            deadLetter(producer, "invalid-event", e.getMessage(), null, null, record, record.value());
            count("dead-letter");
            return;
        }
        Optional<Subscription> found = directory.find(alert.subscriptionId());
        if (found.isEmpty() || found.get().email() == null || found.get().email().unsubscribed()) {
            count("skipped");
            return;
        }
        Subscription subscription = found.get();
        SubscriberState state = states.getOrDefault(subscription.id(), SubscriberState.empty(subscription.id()));
        DeliveryPlanner.Plan plan = planner.plan(state, subscription.email(), alert);
        switch (plan.action()) {
            case SEND_NOW -> {
                try {
                    sender.send(composer.immediate(subscription, alert));
                } catch (MailDeliveryException e) {
                    if (e.isTransient()) {
                        throw e;
                    }
                    LOG.warnf("alert %s-%d@%d for %s dead-lettered: %s (reply %d)", record.topic(), record.partition(), record.offset(), subscription.id(), e.reason(), e.replyCode());
                    deadLetter(producer, e.reason(), e.getMessage(), alert.article().articleId(), alert.article().url(), record, record.value());
                    count("dead-letter");
                    return;
                }
                sendAttempts = 0;
                save(plan.next());
                count("sent");
            }
            case QUEUED -> {
                save(plan.next());
                count("queued");
            }
            case PENDING_UPDATED -> {
                save(plan.next());
                count("updated");
            }
            case DROPPED -> count("dropped");
        }
    }

    private void sendDueDigests(Producer<String, String> producer) {
        long nowNanos = System.nanoTime();
        for (SubscriberState state : List.copyOf(states.values())) {
            String id = state.subscriptionId();
            Optional<Subscription> found = directory.find(id);
            if (found.isEmpty() || found.get().email() == null || found.get().email().unsubscribed()) {
                // Nobody to mail any more: forget the state (and any pending digest) rather than keep it forever.
                store.delete(id);
                states.remove(id);
                continue;
            }
            if (state.pending().isEmpty()) {
                continue;
            }
            Long retryAt = digestRetryAtNanos.get(id);
            if (retryAt != null && nowNanos - retryAt < 0) {
                continue;
            }
            Optional<DeliveryPlanner.Digest> due = planner.dueDigest(state);
            if (due.isEmpty()) {
                continue;
            }
            try {
                sender.send(composer.digest(found.get(), due.get().alerts()));
                save(due.get().next());
                digestRetryAtNanos.remove(id);
                digestAttempts.remove(id);
                meters.counter("ronda_alerts_email_digests", "outcome", "sent").increment();
            } catch (MailDeliveryException e) {
                if (e.isTransient()) {
                    int attempt = digestAttempts.merge(id, 1, Integer::sum) - 1;
                    digestRetryAtNanos.put(id, nowNanos + settings.backoff().delay(attempt).toNanos());
                    meters.counter("ronda_alerts_email_digests", "outcome", "retry").increment();
                    LOG.warnf("digest for %s deferred: %s (reply %d)", id, e.reason(), e.replyCode());
                    continue;
                }
                LOG.warnf("digest for %s dead-lettered: %s (reply %d)", id, e.reason(), e.replyCode());
                for (Alert alert : due.get().alerts()) {
                    deadLetter(producer, e.reason(), e.getMessage(), alert.article().articleId(), alert.article().url(), null, EventCodec.encode(alert));
                }
                save(planner.dropPending(state));
                digestRetryAtNanos.remove(id);
                digestAttempts.remove(id);
                meters.counter("ronda_alerts_email_digests", "outcome", "dead-letter").increment();
            }
        }
    }

    private void save(SubscriberState state) {
        store.write(state);
        states.put(state.subscriptionId(), state);
    }

    private void deadLetter(Producer<String, String> producer, String reason, String detail, String articleId, String url,
            ConsumerRecord<String, String> source, String payload) {
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, STAGE, reason, detail, articleId, url,
                source == null ? null : source.topic(), source == null ? null : source.partition(),
                source == null ? null : source.offset(), payload, clock.instant());
        String key = source == null ? articleId : source.key();
        try {
            producer.send(new ProducerRecord<>(settings.deadLetterTopic(), key, EventCodec.encode(letter))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge a dead letter on " + settings.deadLetterTopic() + ": " + e.getMessage(), e);
        }
    }

    private void count(String outcome) {
        meters.counter("ronda_alerts_records", "stage", "email", "outcome", outcome).increment();
    }

    /** Keeps the states of exactly the subscribers whose alert partitions this instance owns. */
    private final class Ownership implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> consumer;

        Ownership(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<Integer> revoked = new HashSet<>();
            partitions.forEach(p -> revoked.add(p.partition()));
            int count = consumer.partitionsFor(settings.alertsTopic()).size();
            states.keySet().removeIf(id -> revoked.contains(EmailStateStore.partitionOf(id, count)));
            pausedForRetry.removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<Integer> assigned = new HashSet<>();
            partitions.forEach(p -> assigned.add(p.partition()));
            int count = consumer.partitionsFor(settings.alertsTopic()).size();
            Map<String, SubscriberState> loaded = store.load(id -> assigned.contains(EmailStateStore.partitionOf(id, count)));
            states.putAll(loaded);
            LOG.infof("e-mail state of %d subscribers loaded for partitions %s", loaded.size(), new ArrayList<>(assigned));
        }
    }
}
