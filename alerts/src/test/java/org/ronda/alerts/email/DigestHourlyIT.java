package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ronda.alerts.email.EmailFixtures.newAlert;
import static org.ronda.alerts.email.EmailFixtures.update;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Subscription.EmailMode;

/**
 * Hourly digests end to end (real Kafka, GreenMail on 127.0.0.1, the test's clock): the digest
 * follows the subscriber's half-hour zone, an update changes the pending story's size without a
 * message of its own, and a restarted dispatcher rebuilds pending digests from the state topic.
 */
class DigestHourlyIT {

    // 09:50 in Kolkata (UTC+5:30): the next local top of the hour is 04:30 UTC.
    private final EmailHarness harness = new EmailHarness(Instant.parse("2026-06-01T04:20:00Z"));

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void digestGoesOutAtTheSubscribersTopOfTheHourWithTheUpdatedStorySize() throws Exception {
        String id = EmailFixtures.subscriptionId(201);
        harness.directory.save(EmailFixtures.subscription(id, "hourly@example.org", EmailMode.HOURLY, "Asia/Kolkata", 7, 10));
        harness.start();
        harness.publish(newAlert(id, "story", "Cyber fraud ring busted", harness.clock.instant()));
        harness.publish(newAlert(id, "other", "Second story", harness.clock.instant()));
        harness.publish(update(id, "story", 2, 4, harness.clock.instant()));

        await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("queued") == 2 && harness.records("updated") == 1);
        // 10:29:59 IST: still nothing, the update sent nothing of its own.
        harness.clock.set(Instant.parse("2026-06-01T04:59:59Z").minusSeconds(1800));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> harness.received().length == 0);

        // 10:00 IST = 04:30 UTC, half an hour before a UTC top of the hour.
        harness.clock.set(Instant.parse("2026-06-01T04:30:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.received().length == 1);
        MimeMessage digest = harness.received()[0];
        assertThat(digest.getSubject()).isEqualTo("2 new alerts for Scams in Indonesia");
        String text = EmailHarness.text(digest);
        assertThat(text).contains("* Cyber fraud ring busted", "in 4 outlets", "* Second story", "Kompas, 2026-06-01 09:40 IST");
        assertThat(EmailHarness.html(digest)).contains("in 4 outlets");

        // A further copy of a story already mailed: dropped, no message.
        harness.publish(update(id, "story", 3, 6, harness.clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.records("dropped") == 1);
        harness.clock.set(Instant.parse("2026-06-01T05:30:00Z"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> harness.received().length == 1);
    }

    @Test
    void restartRebuildsThePendingDigestFromTheStateTopic() throws Exception {
        String id = EmailFixtures.subscriptionId(202);
        harness.directory.save(EmailFixtures.subscription(id, "restart@example.org", EmailMode.HOURLY, "Asia/Kolkata", 7, 10));
        harness.start();
        harness.publish(newAlert(id, "a", "Before restart A", harness.clock.instant()));
        harness.publish(newAlert(id, "b", "Before restart B", harness.clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("queued") == 2);
        harness.stopDispatcher();

        // A new dispatcher in the same group: the offsets are committed, so only the state topic knows the digest.
        EmailDispatcher second = harness.start();
        harness.publish(update(id, "b", 2, 3, harness.clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("updated") == 1);
        assertThat(harness.records("queued")).isZero();
        assertThat(second.pending(id)).hasSize(2);

        harness.clock.set(Instant.parse("2026-06-01T04:30:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.received().length == 1);
        assertThat(EmailHarness.text(harness.received()[0])).contains("* Before restart A", "* Before restart B", "in 3 outlets");
        assertThat(harness.digests("sent")).isEqualTo(1);
    }

    @Test
    void deferredDigestStaysPendingAndGoesOutOnRetry() throws Exception {
        String id = EmailFixtures.subscriptionId(203);
        harness.directory.save(EmailFixtures.subscription(id, "deferred@example.org", EmailMode.HOURLY, "Asia/Kolkata", 7, 10));
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("452 4.2.2 mailbox full, try later")) {
            harness.start(new SmtpMailSender("127.0.0.1", smtp.port(), "alerts@ronda.localhost", Duration.ofSeconds(5)));
            harness.publish(newAlert(id, "a", "Waits out the deferral", harness.clock.instant()));
            await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("queued") == 1);

            harness.clock.set(Instant.parse("2026-06-01T04:30:00Z"));
            await().atMost(Duration.ofSeconds(30)).until(() -> harness.digests("retry") == 1 && harness.digests("sent") == 1);
            assertThat(smtp.accepted()).isEqualTo(1);
            assertThat(harness.deadLetters()).isEmpty();
        }
    }
}
