package org.ronda.alerts.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.subscription.SubscriptionStore;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.TopicSpec;
import org.ronda.kafka.TopicCreator;
import org.ronda.net.HostResolver;

/**
 * The webhook channel of the alerts service: builds {@link WebhookDelivery} from configuration at
 * start-up and stops it gracefully at shutdown. Deliveries start only once the subscription store has
 * read its whole topic; before that every alert would look like one for a deleted subscription and be
 * skipped. Also produces the {@link WebhookUrlPolicy} that the subscription API checks URLs with.
 */
@ApplicationScoped
public class WebhookChannel {

    private static final Logger LOG = Logger.getLogger(WebhookChannel.class);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final SubscriptionStore subscriptions;
    private final MeterRegistry metrics;
    private final WebhookSettings settings;
    private final LoopState waiting = new LoopState();
    private volatile WebhookDelivery delivery;
    private volatile Thread starter;

    WebhookChannel(AlertsConfig config, KafkaSettings kafka, SubscriptionStore subscriptions, MeterRegistry metrics) {
        this.config = config;
        this.kafka = kafka;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        // Validated here so that a bad ronda.alerts.webhook.* value stops start-up, naming the property.
        this.settings = WebhookSettings.from(config.webhook());
    }

    /** The URL policy of this service's settings, for the subscription API. */
    @Produces
    @Singleton
    WebhookUrlPolicy urlPolicy() {
        return new WebhookUrlPolicy(HostResolver.system(), settings.allowPrivateAddresses());
    }

    void start(@Observes StartupEvent event) {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().alerts(), kafka.partitions(), false),
                new TopicSpec(config.topics().deadLetter(), kafka.partitions(), false)), kafka.replicationFactor());
        waiting.waiting("subscriptions to load");
        Thread t = new Thread(this::startWhenLoaded, "webhook-channel-start");
        t.setDaemon(true);
        starter = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        Thread t = starter;
        if (t != null) {
            t.interrupt();
            t.join(5_000);
        }
        WebhookDelivery d = delivery;
        if (d != null) {
            d.stop(config.webhook().timeout().plusSeconds(5));
        }
    }

    /** The consume loop's state; "waiting for subscriptions to load" until it starts. */
    public LoopState state() {
        WebhookDelivery d = delivery;
        return d == null ? waiting : d.state();
    }

    private void startWhenLoaded() {
        try {
            while (!subscriptions.awaitLoaded(Duration.ofSeconds(5))) {
                LOG.info("webhook delivery waits for the subscription store to load");
            }
            WebhookDelivery d = new WebhookDelivery(kafka.bootstrapServers(), config.topics().alerts(),
                    config.topics().deadLetter(), subscriptions, settings, metrics, Clock.systemUTC(), HostResolver.system());
            synchronized (this) {
                delivery = d;
                d.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            waiting.stopped();
        } catch (RuntimeException e) {
            LOG.errorf(e, "webhook delivery did not start: %s", e.getMessage());
            waiting.failed(e.getMessage());
        }
    }
}
