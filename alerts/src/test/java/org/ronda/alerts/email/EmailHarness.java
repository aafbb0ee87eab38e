package org.ronda.alerts.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ronda.alerts.email.EmailFixtures.MemoryDirectory;
import org.ronda.alerts.email.EmailFixtures.MutableClock;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EventCodec;
import org.ronda.kafka.KafkaClientProperties;
import org.ronda.kafka.TopicCreator;
import org.ronda.kafka.TopicReplay;
import org.ronda.kafka.TopicSpec;

/**
 * What the e-mail ITs share. Real: the Kafka broker ({@code it.kafka.bootstrap}, topics unique to
 * each test), GreenMail's SMTP server on 127.0.0.1 (or any {@link MailSender}), the dispatcher,
 * the state store, the composer and Jakarta Mail. Faked: the clock (a test moves it) and the
 * subscription directory (a map).
 */
final class EmailHarness implements AutoCloseable {

    static final String BOOTSTRAP = System.getProperty("it.kafka.bootstrap", "127.0.0.1:19092");

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String alertsTopic = "it.email." + run + ".alerts";
    final String stateTopic = "it.email." + run + ".state";
    final String deadLetterTopic = "it.email." + run + ".dead-letter";
    final String groupId = "it-email-" + run;
    final MemoryDirectory directory = new MemoryDirectory();
    final MutableClock clock;
    final GreenMail mail;
    private final KafkaProducer<String, String> producer;
    private SimpleMeterRegistry meters;
    private EmailDispatcher dispatcher;

    EmailHarness(Instant start) {
        clock = new MutableClock(start);
        TopicCreator.ensure(BOOTSTRAP, List.of(new TopicSpec(alertsTopic, 3, false), new TopicSpec(stateTopic, 3, true),
                new TopicSpec(deadLetterTopic, 1, false)), (short) 1);
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        producer = new KafkaProducer<>(KafkaClientProperties.producer(BOOTSTRAP, "it-email-producer"));
    }

    /** Starts a dispatcher that mails through GreenMail. */
    EmailDispatcher start() {
        return start(new SmtpMailSender("127.0.0.1", mail.getSmtp().getPort(), "Ronda alerts <alerts@ronda.localhost>", Duration.ofSeconds(5)));
    }

    /** Starts a dispatcher (a fresh one, with fresh counters) that mails through {@code sender}. */
    EmailDispatcher start(MailSender sender) {
        meters = new SimpleMeterRegistry();
        var settings = new EmailDispatcher.Settings(BOOTSTRAP, alertsTopic, stateTopic, deadLetterTopic, groupId, "it-email-" + run,
                Duration.ofMillis(100), new RetryBackoff(Duration.ofMillis(100), Duration.ofMillis(500), Math::random));
        dispatcher = new EmailDispatcher(settings, directory, timeout -> true, sender, new EmailComposer("http://127.0.0.1:8085"), clock, meters);
        dispatcher.start();
        return dispatcher;
    }

    void stopDispatcher() throws InterruptedException {
        dispatcher.stop(Duration.ofSeconds(20));
    }

    void publish(Alert alert) throws Exception {
        producer.send(new ProducerRecord<>(alertsTopic, alert.subscriptionId(), EventCodec.encode(alert))).get(30, TimeUnit.SECONDS);
    }

    void publishRaw(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(alertsTopic, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** How many records the current dispatcher counted with {@code outcome}. */
    double records(String outcome) {
        var counter = meters.find("ronda_alerts_records").tags("stage", "email", "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    double digests(String outcome) {
        var counter = meters.find("ronda_alerts_email_digests").tags("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    MimeMessage[] received() {
        return mail.getReceivedMessages();
    }

    List<ConsumerRecord<String, String>> deadLetters() {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        TopicReplay.readToEnd(BOOTSTRAP, deadLetterTopic, null, out::add);
        return out;
    }

    /** The plain-text part of a message. */
    static String text(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
    }

    /** The HTML part of a message. */
    static String html(MimeMessage m) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(1).getContent();
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            try {
                dispatcher.stop(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        producer.close(Duration.ofSeconds(5));
        mail.stop();
    }
}
