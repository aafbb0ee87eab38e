package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state written to the compacted topic reads back equal. Pure logic. */
class EmailStateCodecTest {

    @Test
    void roundTrips() throws Exception {
        String sub = EmailFixtures.subscriptionId(3);
        Instant at = Instant.parse("2026-06-01T03:20:00Z");
        SubscriberState state = new SubscriberState(sub, Instant.parse("2026-06-01T03:00:00Z"), 4,
                List.of(EmailFixtures.newAlert(sub, "a", "Pending one", at)), Instant.parse("2026-06-01T04:00:00Z"),
                Map.of(sub + "/b", at));
        String json = EmailStateStore.encode(state);
        assertThat(EmailStateStore.decode(json)).isEqualTo(state);
    }

    @Test
    void partitionMatchesKafkasDefaultPartitioner() {
        // murmur2 of the key, positive, modulo the partition count: stable across versions of the client.
        String key = EmailFixtures.subscriptionId(42);
        int p = EmailStateStore.partitionOf(key, 3);
        assertThat(p).isBetween(0, 2);
        assertThat(EmailStateStore.partitionOf(key, 3)).isEqualTo(p);
    }
}
