package org.ronda.alerts.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.subscription.SubscriptionStore;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * Runs the e-mail channel in the service: creates its topics when missing, and starts the
 * {@link EmailDispatcher} with the SMTP server of {@code ronda.alerts.email.smtp.*} (the channel talks
 * SMTP with Jakarta Mail, see {@link SmtpMailSender}).
 */
@ApplicationScoped
public class EmailService {


    private final EmailDispatcher dispatcher;
    private final AlertsConfig config;
    private final KafkaSettings kafka;

    EmailService(AlertsConfig config, KafkaSettings kafka, SubscriptionStore store, MeterRegistry meters) {
        this.config = config;
        this.kafka = kafka;
        var settings = new EmailDispatcher.Settings(kafka.bootstrapServers(), config.topics().emailAlertsTopic(), config.topics().emailState(),
                config.topics().deadLetter(), config.email().groupId(), "ronda-alerts-email-" + config.instanceId(),
                config.email().digestCheckInterval(),
                new RetryBackoff(config.email().initialBackoff(), config.email().maxBackoff(), () -> ThreadLocalRandom.current().nextDouble()));
        this.dispatcher = new EmailDispatcher(settings, store, store::awaitLoaded,
                new SmtpMailSender(config.email().smtp().host(), config.email().smtp().port(), config.email().smtp().from(),
                        config.email().smtp().timeout()), new EmailComposer(config.publicUrl()),
                Clock.systemUTC(), meters);
    }

    void start(@Observes StartupEvent event) {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().emailAlertsTopic(), kafka.partitions(), false),
                new TopicSpec(config.topics().emailState(), kafka.partitions(), true),
                new TopicSpec(config.topics().deadLetter(), 1, false)), kafka.replicationFactor());
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        dispatcher.stop(Duration.ofSeconds(10));
    }

    /** Health of the e-mail loop. */
    public LoopState state() {
        return dispatcher.state();
    }
}
