package org.ronda.alerts.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocketFactory;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.jboss.logging.Logger;
import org.ronda.alerts.subscription.SubscriptionDirectory;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Subscription;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.LoopState;
import org.ronda.net.HostResolver;

/**
 * Delivers alerts by webhook: consumes the alerts topic (one {@link ArticleAlerts} record per
 * article, decision 32) in its own consumer group, expands each record into its alerts and POSTs each
 * alert whose subscription has a webhook, signed by {@link WebhookSigner}, to that webhook.
 *
 * <p>Each alert ends in exactly one outcome, counted once in
 * {@code ronda_alerts_records_total{stage="webhook",outcome}} (an unreadable record counts as one):
 * <ul>
 *   <li>{@code delivered}: the receiver answered 2xx; the time from {@link Alert#enrichedAt()} to
 *       then is recorded in the timer {@code ronda_alerts_webhook_latency} (p50, p99);</li>
 *   <li>{@code skipped}: the subscription no longer exists or has no webhook;</li>
 *   <li>{@code dead-lettered}: a {@link DeadLetter} (stage {@code alerts-webhook}, payload = the
 *       record narrowed to this alert's decision, {@link ArticleAlerts#only}) went to the dead-letter topic. Reasons: {@code webhook-gave-up} (transient failures
 *       for longer than {@code giveUpAfter} since the first attempt; the detail names the last one),
 *       {@code webhook-rejected} (a 4xx other than 408 and 429, or another non-2xx status),
 *       {@code webhook-url-refused} (the URL or its addresses are refused by {@link WebhookUrlPolicy}),
 *       {@code invalid-event} (the record is not an alert).</li>
 * </ul>
 * Transient failures (connection refused, timeouts, I/O errors, DNS failures, 408, 429, 5xx) are
 * retried after {@link Backoff exponential backoff with full jitter}; a {@code Retry-After} of a 429
 * or 503 replaces the computed delay (capped at {@code maxBackoff}). The last retry is placed at the
 * give-up deadline, so a receiver that recovers just before it still gets the alert.
 *
 * <p>Concurrency: at most {@code maxInFlight} POSTs run at once; records waiting for a retry hold no
 * thread, so a receiver that is down delays only its own alerts. At most about {@code maxPending}
 * deliveries are unfinished at once; beyond that the consumer pauses its partitions (and keeps
 * polling, so it stays in the group). A record is finished when the last of its deliveries is, and
 * offsets are committed per partition up to the lowest unfinished record ({@link OffsetWatermarks}),
 * so nothing unfinished is ever committed.
 *
 * <p>Guarantee: at least once. Alerts of one subscription may arrive out of order, and after a crash
 * or a rebalance an alert may arrive twice; receivers de-duplicate on {@code Ronda-Delivery-Id}.
 * After a graceful {@link #stop}, nothing delivered is delivered again, with one exception: first
 * attempts already taken run and are committed (within the grace), alerts waiting for a retry are
 * abandoned uncommitted and the next owner sends them, together with the alerts of the same record
 * that were delivered here.
 */
public final class WebhookDelivery {

    /** The stage named in dead letters. */
    public static final String STAGE = "alerts-webhook";

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    private static final Duration DEAD_LETTER_SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String bootstrapServers;
    private final String alertsTopic;
    private final String deadLetterTopic;
    private final SubscriptionDirectory subscriptions;
    private final WebhookSettings settings;
    private final Clock clock;
    private final WebhookUrlPolicy urlPolicy;
    private final PinnedPoster poster;
    private final Backoff backoff;
    private final OffsetWatermarks watermarks = new OffsetWatermarks();
    private final AtomicInteger pendingDeliveries = new AtomicInteger();
    private final LoopState state = new LoopState();
    private final String clientId;
    private final Counter delivered;
    private final Counter skipped;
    private final Counter deadLettered;
    private final Timer latency;

    private volatile boolean running;
    private volatile Duration stopGrace;
    private volatile Thread loop;
    private volatile ScheduledThreadPoolExecutor senders;
    private volatile KafkaProducer<String, String> producer;

    /**
     * @param bootstrapServers Kafka brokers
     * @param alertsTopic      input: one alert record per article ({@link ArticleAlerts})
     * @param deadLetterTopic  output for alerts that cannot be delivered
     * @param subscriptions    current subscriptions, read at every attempt (a deletion stops retries)
     * @param settings         backoff, give-up, timeout, concurrency and address exemptions
     * @param metrics          where the counters and the latency timer go
     * @param clock            time of signatures, give-up decisions and latency
     * @param resolver         resolves webhook hosts; every answer is vetted before a connection
     */
    public WebhookDelivery(String bootstrapServers, String alertsTopic, String deadLetterTopic,
            SubscriptionDirectory subscriptions, WebhookSettings settings, MeterRegistry metrics, Clock clock,
            HostResolver resolver) {
        this(bootstrapServers, alertsTopic, deadLetterTopic, subscriptions, settings, metrics, clock, resolver,
                () -> (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    WebhookDelivery(String bootstrapServers, String alertsTopic, String deadLetterTopic,
            SubscriptionDirectory subscriptions, WebhookSettings settings, MeterRegistry metrics, Clock clock,
            HostResolver resolver, Supplier<SSLSocketFactory> tls) {
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.alertsTopic = Objects.requireNonNull(alertsTopic, "alertsTopic");
        this.deadLetterTopic = Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.urlPolicy = new WebhookUrlPolicy(resolver, settings.allowPrivateAddresses());
        this.poster = new PinnedPoster(settings.timeout(), tls);
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.clientId = "ronda-alerts-webhook-" + INSTANCES.incrementAndGet();
        this.delivered = outcome(metrics, "delivered");
        this.skipped = outcome(metrics, "skipped");
        this.deadLettered = outcome(metrics, "dead-lettered");
        this.latency = Timer.builder("ronda_alerts_webhook_latency")
                .description("From enrichment of the article to the receiver's 2xx")
                .tag("stage", "webhook")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder("ronda_alerts_records")
                .description("Alert records by stage and outcome, each counted once")
                .tags("stage", "webhook", "outcome", outcome)
                .register(metrics);
    }

    /** Starts consuming on a thread of its own. */
    public synchronized void start() {
        if (loop != null) {
            throw new IllegalStateException("webhook delivery already started");
        }
        running = true;
        senders = new ScheduledThreadPoolExecutor(settings.maxInFlight(), runnable -> {
            Thread t = new Thread(runnable, clientId + "-sender");
            t.setDaemon(true);
            return t;
        });
        // On stop, retries waiting for their time are dropped (abandoned, uncommitted), not run.
        senders.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        senders.setRemoveOnCancelPolicy(true);
        producer = new KafkaProducer<>(KafkaClientProperties.producer(bootstrapServers, clientId + "-dead-letters"));
        Thread t = new Thread(this::consume, clientId);
        loop = t;
        t.start();
    }

    /**
     * Stops gracefully: no new record is taken and no new attempt started; POSTs in progress may
     * finish within {@code grace} (give it more than the attempt timeout); then finished records are
     * committed and the clients closed. Records not finished, including a POST cut short by the end
     * of {@code grace}, stay uncommitted for the next owner of their partition.
     */
    public void stop(Duration grace) throws InterruptedException {
        stopGrace = grace;
        running = false;
        Thread t = loop;
        if (t != null) {
            // The loop itself drains for up to grace; the extra time covers the final commit and close.
            t.join(grace.plus(Duration.ofSeconds(30)).toMillis());
        }
    }

    /** Health of the consume loop, for health checks. */
    public LoopState state() {
        return state;
    }

    /** Records taken and not yet delivered, skipped or dead-lettered. */
    public int unfinished() {
        return watermarks.unfinished();
    }

    private void consume() {
        Properties props = KafkaClientProperties.consumer(bootstrapServers, settings.groupId(), clientId,
                Math.min(100, settings.maxPending()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(alertsTopic), new Rebalance(consumer));
            state.running();
            Instant lastCommit = Instant.EPOCH;
            while (running) {
                if (pendingDeliveries.get() >= settings.maxPending()) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                ConsumerRecords<String, String> records = consumer.poll(POLL);
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    watermarks.started(tp, record.offset());
                    expand(record, tp);
                }
                Instant now = Instant.now();
                if (Duration.between(lastCommit, now).compareTo(COMMIT_INTERVAL) >= 0) {
                    commitQuietly(consumer);
                    lastCommit = now;
                }
            }
            drain();
            commit(consumer);
            state.stopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.failed("interrupted");
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook delivery stopped: %s", e.getMessage());
            state.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
            senders.shutdownNow();
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /**
     * Hands each alert of the record whose subscription has a webhook to a sender; the others are
     * settled here (most subscriptions have none). The record finishes when its last delivery does.
     */
    private void expand(ConsumerRecord<String, String> record, TopicPartition tp) {
        ArticleAlerts alerts;
        try {
            alerts = EventCodec.decodeArticleAlerts(record.value());
        } catch (RuntimeException e) {
            Delivering one = new Delivering(record, tp, null, 1);
            pendingDeliveries.incrementAndGet();
            submit(new Job(one, null, e.getMessage()), Duration.ZERO);
            return;
        }
        List<ArticleAlerts.Decision> withWebhook = new ArrayList<>();
        int withoutWebhook = 0;
        for (ArticleAlerts.Decision d : alerts.decisions()) {
            if (subscriptions.find(d.subscriptionId()).map(sub -> sub.webhook() != null).orElse(false)) {
                withWebhook.add(d);
            } else {
                withoutWebhook++;
            }
        }
        if (withoutWebhook > 0 && watermarks.isPending(tp, record.offset())) {
            skipped.increment(withoutWebhook);
        }
        if (withWebhook.isEmpty()) {
            watermarks.finished(tp, record.offset());
            return;
        }
        Delivering group = new Delivering(record, tp, alerts, withWebhook.size());
        pendingDeliveries.addAndGet(withWebhook.size());
        for (ArticleAlerts.Decision d : withWebhook) {
            submit(new Job(group, d, null), Duration.ZERO);
        }
    }

    /** One record's deliveries: the record is finished (committable) once every one of them is. */
    private final class Delivering {
        final ConsumerRecord<String, String> record;
        final TopicPartition partition;
        final ArticleAlerts alerts;
        private final AtomicInteger remaining;

        Delivering(ConsumerRecord<String, String> record, TopicPartition partition, ArticleAlerts alerts, int deliveries) {
            this.record = record;
            this.partition = partition;
            this.alerts = alerts;
            this.remaining = new AtomicInteger(deliveries);
        }

        boolean pending() {
            return watermarks.isPending(partition, record.offset());
        }

        /** One delivery reached {@code outcome}; counted unless the partition went to another owner meanwhile. */
        void finish(Counter outcome) {
            pendingDeliveries.decrementAndGet();
            if (pending()) {
                outcome.increment();
            }
            if (remaining.decrementAndGet() == 0) {
                watermarks.finished(partition, record.offset());
            }
        }

        /** A delivery that will not be attempted here (stopping, or the partition was revoked). */
        void abandon() {
            pendingDeliveries.decrementAndGet();
        }
    }

    /** Lets attempts in progress end (each is bounded by the timeout); waiting retries are dropped. */
    private void drain() throws InterruptedException {
        senders.shutdown();
        Duration grace = stopGrace == null ? settings.timeout().multipliedBy(2) : stopGrace;
        if (!senders.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("webhook senders still busy after %s; their records stay uncommitted", grace);
            senders.shutdownNow();
        }
    }

    private void commit(KafkaConsumer<String, String> consumer) {
        Map<TopicPartition, Long> next = watermarks.committable();
        next.keySet().retainAll(consumer.assignment());
        if (next.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((tp, offset) -> offsets.put(tp, new OffsetAndMetadata(offset)));
        consumer.commitSync(offsets);
        watermarks.committed(next);
    }

    /**
     * Commits between polls; a commit refused because the group is rebalancing is not fatal: the
     * watermark stays uncommitted and is offered again, or the revocation handler commits it.
     */
    private void commitQuietly(KafkaConsumer<String, String> consumer) {
        try {
            commit(consumer);
        } catch (CommitFailedException | RebalanceInProgressException | RetriableCommitFailedException e) {
            LOG.infof("commit deferred: %s", e.getMessage());
        }
    }

    private void submit(Job job, Duration delay) {
        try {
            senders.schedule(job, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: the record stays uncommitted and its partition's next owner sends it.
            job.group.abandon();
        }
    }

    /** Commits what finished before partitions go, and forgets them: their records are the next owner's. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, String> consumer;

        Rebalance(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                commit(consumer);
            } catch (KafkaException e) {
                LOG.warnf("could not commit before losing %s: %s", partitions, e.getMessage());
            }
            watermarks.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing to do: the committed offsets are where reading resumes.
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            watermarks.forget(partitions);
        }
    }

    /** One alert's way to its outcome (or an unreadable record's to the dead-letter topic); runs on a sender thread, once per attempt. */
    private final class Job implements Runnable {
        private final Delivering group;
        private final ConsumerRecord<String, String> record;
        private final ArticleAlerts.Decision decision;
        private final String unreadable;
        private Alert alert;
        private Instant firstAttempt;
        private int attempts;
        private DeadLetter pendingDeadLetter;

        /** @param unreadable why the record is not an alert record, or null when {@code decision} is one of its alerts */
        Job(Delivering group, ArticleAlerts.Decision decision, String unreadable) {
            this.group = group;
            this.record = group.record;
            this.decision = decision;
            this.unreadable = unreadable;
        }

        @Override
        public void run() {
            // A first attempt taken before a stop still runs while the senders drain, so that a record
            // is not left half delivered (its delivered alerts would be sent again by the next owner);
            // a retry is left to whoever reads the record next.
            if ((!running && attempts > 0) || !group.pending()) {
                group.abandon();
                return;
            }
            try {
                step();
            } catch (RuntimeException e) {
                // A defect, not a receiver's answer: retry like a transient failure, so it is never lost.
                LOG.errorf(e, "webhook attempt failed at %s", coordinates());
                transientFailure("internal-error " + e.getClass().getSimpleName(), Optional.empty());
            }
        }

        private void step() {
            if (pendingDeadLetter != null) {
                sendDeadLetter();
                return;
            }
            if (unreadable != null) {
                deadLetter("invalid-event", unreadable);
                return;
            }
            if (alert == null) {
                alert = group.alerts.alert(decision);
            }
            Optional<Subscription.Webhook> webhook = subscriptions.find(alert.subscriptionId()).map(Subscription::webhook);
            if (webhook.isEmpty()) {
                group.finish(skipped);
                return;
            }
            Instant now = clock.instant();
            if (firstAttempt == null) {
                firstAttempt = now;
            }
            attempts++;
            String url = webhook.get().url();
            List<InetAddress> addresses;
            URI uri;
            try {
                uri = WebhookUrlPolicy.parse(url);
                addresses = urlPolicy.vet(url);
            } catch (WebhookUrlRefusedException e) {
                if (e.temporary()) {
                    transientFailure(e.reason(), Optional.empty());
                } else {
                    deadLetter("webhook-url-refused", e.reason() + ": " + e.getMessage());
                }
                return;
            }
            byte[] body = WebhookPayload.json(alert);
            Map<String, String> headers = WebhookSigner.headers(alert, webhook.get().secret(), now, body);
            PinnedPoster.Response response;
            try {
                response = poster.post(uri, addresses, headers, body);
            } catch (IOException e) {
                transientFailure(e.getClass().getSimpleName() + ": " + e.getMessage(), Optional.empty());
                return;
            }
            int status = response.status();
            if (status >= 200 && status <= 299) {
                if (alert.enrichedAt() != null) {
                    latency.record(Duration.between(alert.enrichedAt(), clock.instant()));
                }
                group.finish(delivered);
            } else if (status == 408 || status == 429 || status >= 500) {
                transientFailure("HTTP " + status,
                        response.retryAfter().flatMap(v -> Backoff.parseRetryAfter(v, clock.instant())));
            } else {
                deadLetter("webhook-rejected", "HTTP " + status + " from " + uri.getHost() + " at attempt " + attempts);
            }
        }

        private void transientFailure(String what, Optional<Duration> retryAfter) {
            Instant now = clock.instant();
            Instant first = firstAttempt == null ? now : firstAttempt;
            Duration elapsed = Duration.between(first, now);
            if (elapsed.compareTo(settings.giveUpAfter()) >= 0) {
                deadLetter("webhook-gave-up", "last failure: " + what + "; " + attempts + " attempts over " + elapsed);
                return;
            }
            Duration delay = retryAfter.map(backoff::requested).orElseGet(() -> backoff.delay(Math.max(1, attempts)));
            Duration remaining = settings.giveUpAfter().minus(elapsed);
            if (delay.compareTo(remaining) > 0) {
                delay = remaining;
            }
            LOG.debugf("webhook attempt %d for %s failed (%s); next in %s", attempts, coordinates(), what, delay);
            submit(this, delay);
        }

        private void deadLetter(String reason, String detail) {
            String articleId = group.alerts == null ? null : group.alerts.article().articleId();
            String url = group.alerts == null ? null : group.alerts.article().url();
            // The record narrowed to this subscription: replaying it re-sends this alert and no other.
            String payload = group.alerts == null ? record.value() : EventCodec.encode(group.alerts.only(decision));
            pendingDeadLetter = new DeadLetter(DeadLetter.SCHEMA_VERSION, STAGE, reason, detail, articleId, url,
                    record.topic(), record.partition(), record.offset(), payload, clock.instant());
            LOG.infof("dead-lettering %s: %s", coordinates(), reason);
            sendDeadLetter();
        }

        private void sendDeadLetter() {
            try {
                producer.send(new ProducerRecord<>(deadLetterTopic, record.key(), EventCodec.encode(pendingDeadLetter)))
                        .get(DEAD_LETTER_SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (state.status().startsWith("waiting")) {
                    state.running();
                }
                group.finish(deadLettered);
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                // Kafka is down, not the record bad: keep it unfinished and try again.
                state.waiting("kafka (dead-letter topic " + deadLetterTopic + ")");
                LOG.warnf("could not dead-letter %s: %s", coordinates(), e.getMessage());
                submit(this, backoff.delay(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String coordinates() {
            return record.topic() + "-" + record.partition() + "@" + record.offset()
                    + (decision == null ? "" : " for " + decision.subscriptionId());
        }
    }
}
