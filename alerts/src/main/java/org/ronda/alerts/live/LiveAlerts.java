package org.ronda.alerts.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.contracts.Alert;
import org.ronda.contracts.ArticleAlerts;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.InvalidEventException;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.PollLoop;
import org.ronda.kafka.TopicPartitions;

/**
 * Live alerts for dashboards: every instance tails every partition of the alerts topic from its end
 * (no consumer group: each instance serves its own connections), expands each article's record into
 * its alerts and pushes each alert as a server-sent event to the connections open for its
 * subscription (the same alert JSON as before decision 32). A comment line every 15 seconds
 * keeps idle connections through proxies. What happened while a dashboard was away is in the
 * subscription's feed.
 */
@ApplicationScoped
public class LiveAlerts {

    private static final Logger LOG = Logger.getLogger(LiveAlerts.class);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final Map<String, Set<Connection>> bySubscription = new ConcurrentHashMap<>();
    private final PollLoop tail = new PollLoop("alerts-live-tail");
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alerts-live-heartbeat"));

    private record Connection(SseEventSink sink, Sse sse) {
    }

    LiveAlerts(AlertsConfig config, KafkaSettings kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        tail.start(this::run);
        heartbeat.scheduleAtFixedRate(this::beat, 15, 15, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        heartbeat.shutdownNow();
        tail.stop(Duration.ofSeconds(5));
        bySubscription.values().forEach(set -> set.forEach(c -> c.sink().close()));
    }

    /** Sends the alerts of {@code subscriptionId} to {@code sink} until it closes. */
    public void open(String subscriptionId, SseEventSink sink, Sse sse) {
        bySubscription.computeIfAbsent(subscriptionId, k -> ConcurrentHashMap.newKeySet()).add(new Connection(sink, sse));
        sink.send(sse.newEventBuilder().comment("connected to alerts of " + subscriptionId).build());
    }

    /** Open connections, for metrics and tests. */
    public int connections() {
        return bySubscription.values().stream().mapToInt(Set::size).sum();
    }

    /** True once the tail reads the topic: alerts from then on reach open connections. */
    public boolean isTailing() {
        return tail.state().isRunning();
    }

    private void run(PollLoop loop) {
        var props = KafkaClientProperties.consumer(kafka.bootstrapServers(), "unused", "ronda-alerts-live-" + config.instanceId(), 500);
        props.remove("group.id");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
            loop.attach(c);
            List<TopicPartition> partitions = TopicPartitions.of(c, config.topics().alerts(), Duration.ofSeconds(60));
            c.assign(partitions);
            c.seekToEnd(partitions);
            partitions.forEach(c::position);
            loop.state().running();
            while (loop.isRunning()) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    if (bySubscription.isEmpty()) {
                        // No dashboard connected: nothing to decode.
                        continue;
                    }
                    ArticleAlerts alerts;
                    try {
                        alerts = EventCodec.decodeArticleAlerts(r.value());
                    } catch (InvalidEventException e) {
                        LOG.errorf("unreadable alert record at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
                        continue;
                    }
                    for (ArticleAlerts.Decision d : alerts.decisions()) {
                        Set<Connection> open = bySubscription.get(d.subscriptionId());
                        if (open != null && !open.isEmpty()) {
                            push(open, alerts.alert(d));
                        }
                    }
                }
            }
        }
    }

    private void push(Set<Connection> open, Alert alert) {
        String json = EventCodec.encode(alert);
        for (Connection c : open) {
            if (c.sink().isClosed()) {
                open.remove(c);
                continue;
            }
            OutboundSseEvent event = c.sse().newEventBuilder()
                    .id(alert.deliveryId())
                    .name(alert.kind() == Alert.Kind.NEW ? "alert.created" : "alert.updated")
                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(json)
                    .build();
            c.sink().send(event).exceptionally(e -> {
                open.remove(c);
                return null;
            });
        }
    }

    private void beat() {
        bySubscription.values().forEach(open -> open.forEach(c -> {
            if (c.sink().isClosed()) {
                open.remove(c);
            } else {
                c.sink().send(c.sse().newEventBuilder().comment("keep-alive").build()).exceptionally(e -> {
                    open.remove(c);
                    return null;
                });
            }
        }));
    }
}
