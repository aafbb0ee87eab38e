package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ronda.alerts.email.EmailFixtures.newAlert;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Subscription.EmailMode;

/**
 * The unsubscribe link stops mail: real Kafka and GreenMail on 127.0.0.1; the resource is called
 * as a class (no HTTP server), writing to the in-memory directory the dispatcher reads.
 */
class UnsubscribeIT {

    private final EmailHarness harness = new EmailHarness(Instant.parse("2026-06-01T03:20:00Z"));

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void noMailAfterTheOneClickUnsubscribeNotEvenThePendingDigest() throws Exception {
        String id = EmailFixtures.subscriptionId(301);
        Subscription s = EmailFixtures.subscription(id, "leaving@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 1);
        harness.directory.save(s);
        harness.start();
        harness.publish(newAlert(id, "c1", "Last one you get", harness.clock.instant()));
        harness.publish(newAlert(id, "c2", "Held for the digest", harness.clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.received().length == 1 && harness.records("queued") == 1);

        UnsubscribeResource resource = new UnsubscribeResource(new Unsubscriber(harness.directory, harness.directory::save, harness.clock));
        assertThat(resource.unsubscribe(id, s.unsubscribeKey(), null, null).getStatus()).isEqualTo(200);

        harness.publish(newAlert(id, "c3", "Never mailed", harness.clock.instant()));
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.records("skipped") == 1);
        harness.clock.set(Instant.parse("2026-06-01T04:00:00Z"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> harness.received().length == 1);
    }
}
