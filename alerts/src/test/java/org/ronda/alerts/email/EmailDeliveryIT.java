package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ronda.alerts.email.EmailFixtures.newAlert;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.DeadLetter;
import org.ronda.contracts.EventCodec;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Subscription.EmailMode;

/**
 * Immediate e-mail end to end: alerts on a real Kafka topic, the dispatcher, Jakarta Mail, and
 * GreenMail (or a scripted SMTP server for failures) on 127.0.0.1. The clock is the test's.
 */
class EmailDeliveryIT {

    // 10:20 in Jakarta
    private final EmailHarness harness = new EmailHarness(Instant.parse("2026-06-01T03:20:00Z"));

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void immediateAlertArrivesWithItsContentAndUnsubscribeHeaders() throws Exception {
        String id = EmailFixtures.subscriptionId(101);
        Subscription s = EmailFixtures.subscription(id, "reader@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 5);
        harness.directory.save(s);
        harness.start();
        harness.publish(newAlert(id, "c1", "Penipuan online dibongkar polisi", harness.clock.instant()));

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.received().length == 1);
        MimeMessage m = harness.received()[0];
        String unsubscribe = "http://127.0.0.1:8085/alerts/unsubscribe?subscription=" + id + "&key=" + s.unsubscribeKey();
        assertThat(m.getSubject()).isEqualTo("Penipuan online dibongkar polisi");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(m.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
        assertThat(m.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(EmailHarness.text(m)).contains("Kompas, 2026-06-01 10:10 WIB", "in 1 outlet", "Topic scam: \"penipuan online\"",
                "Polisi menangkap", "https://news.example.id/c1/1", unsubscribe);
        assertThat(EmailHarness.html(m)).contains("href=\"https://news.example.id/c1/1\"", "Penipuan online dibongkar polisi");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.records("sent") == 1);
    }

    @Test
    void alertsBeyondTheHourlyCapArriveInTheNextDigest() throws Exception {
        String id = EmailFixtures.subscriptionId(102);
        harness.directory.save(EmailFixtures.subscription(id, "capped@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 2));
        harness.start();
        for (int i = 1; i <= 4; i++) {
            harness.publish(newAlert(id, "c" + i, "Story " + i, harness.clock.instant()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("sent") == 2 && harness.records("queued") == 2);
        assertThat(harness.received()).hasSize(2);
        assertThat(harness.received()).extracting(MimeMessage::getSubject).containsExactly("Story 1", "Story 2");

        // 11:00 in Jakarta: the digest with the two held-back alerts goes out.
        harness.clock.set(Instant.parse("2026-06-01T04:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.received().length == 3);
        MimeMessage digest = harness.received()[2];
        assertThat(digest.getSubject()).isEqualTo("2 new alerts for Scams in Indonesia");
        assertThat(EmailHarness.text(digest)).contains("* Story 3", "* Story 4").doesNotContain("Story 1");
        assertThat(digest.getHeader("List-Unsubscribe")).hasSize(1);
    }

    @Test
    void rejectedRecipientIsDeadLetteredAndTheNextAlertStillGoesOut() throws Exception {
        String id = EmailFixtures.subscriptionId(103);
        harness.directory.save(EmailFixtures.subscription(id, "gone@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 5));
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("550 5.1.1 no such user")) {
            harness.start(new SmtpMailSender("127.0.0.1", smtp.port(), "alerts@ronda.localhost", Duration.ofSeconds(5)));
            var rejected = newAlert(id, "c1", "Rejected", harness.clock.instant());
            harness.publish(rejected);
            harness.publish(newAlert(id, "c2", "Accepted", harness.clock.instant()));

            await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("dead-letter") == 1 && harness.records("sent") == 1);
            assertThat(smtp.accepted()).isEqualTo(1);
            var letters = harness.deadLetters();
            assertThat(letters).hasSize(1);
            DeadLetter letter = EventCodec.decodeDeadLetter(letters.get(0).value());
            assertThat(letter.stage()).isEqualTo("alerts-email");
            assertThat(letter.reason()).isEqualTo("recipient-rejected");
            assertThat(letter.sourceTopic()).isEqualTo(harness.alertsTopic);
            assertThat(EventCodec.decodeAlert(letter.payload())).isEqualTo(rejected);
        }
    }

    @Test
    void deferredMailIsRetriedUntilTheServerTakesItAndNothingIsLost() throws Exception {
        String id = EmailFixtures.subscriptionId(104);
        harness.directory.save(EmailFixtures.subscription(id, "busy@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 5));
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("451 4.3.0 try later", "421 4.3.2 shutting down")) {
            harness.start(new SmtpMailSender("127.0.0.1", smtp.port(), "alerts@ronda.localhost", Duration.ofSeconds(5)));
            harness.publish(newAlert(id, "c1", "First", harness.clock.instant()));
            harness.publish(newAlert(id, "c2", "Second", harness.clock.instant()));

            await().atMost(Duration.ofSeconds(60)).until(() -> smtp.accepted() == 2 && harness.records("sent") == 2);
            assertThat(smtp.connections()).isGreaterThanOrEqualTo(4);
            assertThat(harness.records("dead-letter")).isZero();
            assertThat(harness.deadLetters()).isEmpty();
        }
    }

    @Test
    void unreadableAlertIsDeadLettered() throws Exception {
        harness.start();
        harness.publishRaw(EmailFixtures.subscriptionId(105), "{\"schemaVersion\":1,\"alertId\":\"\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("dead-letter") == 1);
        assertThat(EventCodec.decodeDeadLetter(harness.deadLetters().get(0).value()).reason()).isEqualTo("invalid-event");
    }
}
