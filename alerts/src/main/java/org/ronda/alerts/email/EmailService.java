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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.alerts.subscription.SubscriptionStore;
import org.ronda.kafka.KafkaSettings;
import org.ronda.kafka.LoopState;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicSpec;

/**
 * Runs the e-mail channel in the service: creates its topics when missing, and starts the
 * {@link EmailDispatcher} with the SMTP server of {@code quarkus.mailer.host}, {@code port} and
 * {@code from} (read here because the channel talks SMTP with Jakarta Mail, see {@link SmtpMailSender}).
 */
@ApplicationScoped
public class EmailService {

    /** First wait after a transient SMTP failure; each further one doubles, with jitter. */
    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);
    /** Longest wait; well under the consumer's five-minute poll interval, so a paused consumer stays in its group. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    /** Connect and read timeout of one SMTP conversation. */
    static final Duration SMTP_TIMEOUT = Duration.ofSeconds(30);

    private final EmailDispatcher dispatcher;
    private final AlertsConfig config;
    private final KafkaSettings kafka;

    EmailService(AlertsConfig config, KafkaSettings kafka, SubscriptionStore store, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.mailer.host") String smtpHost,
            @ConfigProperty(name = "quarkus.mailer.port") int smtpPort,
            @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.config = config;
        this.kafka = kafka;
        var settings = new EmailDispatcher.Settings(kafka.bootstrapServers(), config.topics().alerts(), config.topics().emailState(),
                config.topics().deadLetter(), config.email().groupId(), "ronda-alerts-email-" + config.instanceId(),
                config.email().digestCheckInterval(),
                new RetryBackoff(INITIAL_BACKOFF, MAX_BACKOFF, () -> ThreadLocalRandom.current().nextDouble()));
        this.dispatcher = new EmailDispatcher(settings, store, store::awaitLoaded,
                new SmtpMailSender(smtpHost, smtpPort, from, SMTP_TIMEOUT), new EmailComposer(config.publicUrl()),
                Clock.systemUTC(), meters);
    }

    void start(@Observes StartupEvent event) {
        TopicCreator.ensure(kafka.bootstrapServers(), List.of(
                new TopicSpec(config.topics().alerts(), kafka.partitions(), false),
                new TopicSpec(config.topics().emailState(), kafka.partitions(), true),
                new TopicSpec(config.topics().deadLetter(), kafka.partitions(), false)), kafka.replicationFactor());
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
