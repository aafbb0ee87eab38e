package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ronda.alerts.email.EmailFixtures.MemoryDirectory;
import org.ronda.alerts.email.EmailFixtures.MutableClock;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Subscription.EmailMode;

/** The unsubscribe resource's answers, with subscriptions in memory. No engine, no Quarkus. */
class EmailUnsubscribeTest {

    private static final String SUB = EmailFixtures.subscriptionId(9);
    private final MemoryDirectory directory = new MemoryDirectory();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T03:20:00Z"));
    private final UnsubscribeResource resource = new UnsubscribeResource(new Unsubscriber(directory, directory::save, clock));
    private final Subscription subscription = EmailFixtures.subscription(SUB, "reader@example.org", EmailMode.IMMEDIATE, "Asia/Jakarta", 7, 5);

    @Test
    void getShowsAConfirmationButtonAndChangesNothing() {
        directory.save(subscription);
        Response page = resource.confirm(SUB, subscription.unsubscribeKey());
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat((String) page.getEntity()).contains("<form method=\"post\"", "<button", "reader@example.org");
        assertThat(page.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(directory.find(SUB).orElseThrow().email().unsubscribed()).isFalse();
    }

    @Test
    void oneClickPostWithTheKeyInTheQueryUnsubscribes() {
        directory.save(subscription);
        Response done = resource.unsubscribe(SUB, subscription.unsubscribeKey(), null, null);
        assertThat(done.getStatus()).isEqualTo(200);
        assertThat((String) done.getEntity()).contains("unsubscribed");
        Subscription saved = directory.find(SUB).orElseThrow();
        assertThat(saved.email().unsubscribed()).isTrue();
        assertThat(saved.updatedAt()).isEqualTo(clock.instant());
        assertThat(saved.email().address()).isEqualTo("reader@example.org");
        // Again: still fine, nothing new written.
        clock.set(clock.instant().plusSeconds(60));
        assertThat(resource.unsubscribe(null, null, SUB, subscription.unsubscribeKey()).getStatus()).isEqualTo(200);
        assertThat(directory.find(SUB).orElseThrow().updatedAt()).isEqualTo(Instant.parse("2026-06-01T03:20:00Z"));
    }

    @Test
    void wrongKeyAndUnknownSubscriptionLookTheSame() {
        directory.save(subscription);
        Response wrongKey = resource.unsubscribe(null, null, SUB, "guess");
        Response unknown = resource.unsubscribe(null, null, EmailFixtures.subscriptionId(10), "guess");
        assertThat(wrongKey.getStatus()).isEqualTo(404);
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(wrongKey.getEntity()).isEqualTo(unknown.getEntity());
        assertThat(resource.confirm(SUB, "guess").getStatus()).isEqualTo(404);
        assertThat(resource.confirm(SUB, null).getStatus()).isEqualTo(404);
        assertThat(directory.find(SUB).orElseThrow().email().unsubscribed()).isFalse();
    }
}
