package org.ronda.alerts.email;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ronda.alerts.subscription.SubscriptionDirectory;
import org.ronda.contracts.Alert;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.TopicTag;

/** Small, real-looking subscriptions and alerts, a clock tests can move, and an in-memory directory. */
final class EmailFixtures {

    static final String OWNER = "a".repeat(64);

    private EmailFixtures() {
    }

    /** A subscription id made from {@code n}, valid per the contract. */
    static String subscriptionId(int n) {
        return "sub_" + String.format("%024x", n);
    }

    static Subscription subscription(String id, String address, Subscription.EmailMode mode, String zone, int dailyHour, int cap) {
        Instant created = Instant.parse("2026-01-05T08:00:00Z");
        return new Subscription(Subscription.SCHEMA_VERSION, id, OWNER, "Scams in Indonesia", List.of("scam"), List.of("ID"),
                List.of(), List.of(), List.of(), null, null,
                new Subscription.Email(address, mode, zone, dailyHour, cap, false),
                "feedkey-" + id, "unsub-key-" + id.substring(4, 12), created, created);
    }

    /** Revision 1 of the story {@code cluster}, told by {@code outlet}. */
    static Alert newAlert(String subscriptionId, String cluster, String title, Instant at) {
        return alert(subscriptionId, cluster, 1, Alert.Kind.NEW, 1, title, at);
    }

    /** A later copy of the story {@code cluster}, now in {@code outlets} outlets. */
    static Alert update(String subscriptionId, String cluster, int revision, int outlets, Instant at) {
        return alert(subscriptionId, cluster, revision, Alert.Kind.UPDATED, outlets, "Another outlet's copy", at);
    }

    static Alert alert(String subscriptionId, String cluster, int revision, Alert.Kind kind, int outlets, String title, Instant at) {
        String articleId = String.format("%032x", (cluster + revision).hashCode() & 0xffffffffL);
        var article = new Alert.AlertArticle(articleId, title, "Kompas", "ID", "https://news.example.id/" + cluster + "/" + revision,
                at.minusSeconds(600), "id",
                List.of(new TopicTag("scam", 0.9, List.of(new Evidence("penipuan online", "title", 0, 15)))),
                List.of("ID"), "Polisi menangkap pelaku penipuan online yang merugikan ratusan korban di Jakarta.");
        return new Alert(Alert.SCHEMA_VERSION, subscriptionId + "/" + cluster, revision, kind, subscriptionId, cluster,
                outlets, outlets, article, at.minusSeconds(60), at);
    }

    /** A clock that stays where a test puts it. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Subscriptions in a map; {@code save} replaces. */
    static final class MemoryDirectory implements SubscriptionDirectory {
        private final Map<String, Subscription> byId = new ConcurrentHashMap<>();

        void save(Subscription s) {
            byId.put(s.id(), s);
        }

        @Override
        public Optional<Subscription> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public java.util.Collection<Subscription> all() {
            return List.copyOf(byId.values());
        }
    }
}
