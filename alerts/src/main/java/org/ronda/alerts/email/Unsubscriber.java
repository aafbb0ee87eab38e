package org.ronda.alerts.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.ronda.alerts.subscription.SubscriptionDirectory;
import org.ronda.contracts.Subscription;

/**
 * Honours unsubscribe links: a subscription id with its unsubscribe key turns e-mail off for good
 * (until the owner turns it on again through the API). A wrong key and an unknown id look the
 * same to the caller, so the link reveals nothing about which subscriptions exist.
 */
final class Unsubscriber {

    private final SubscriptionDirectory directory;
    private final Consumer<Subscription> saver;
    private final Clock clock;

    /**
     * @param directory where subscriptions are looked up
     * @param saver     writes a changed subscription durably (in the service: {@code SubscriptionStore::save})
     */
    Unsubscriber(SubscriptionDirectory directory, Consumer<Subscription> saver, Clock clock) {
        this.directory = directory;
        this.saver = saver;
        this.clock = clock;
    }

    /** The subscription with e-mail whose id and unsubscribe key are these, or empty. */
    Optional<Subscription> verify(String subscriptionId, String key) {
        if (subscriptionId == null || key == null) {
            return Optional.empty();
        }
        return directory.find(subscriptionId)
                .filter(s -> s.email() != null)
                // Constant-time comparison: the key is a secret and the endpoint is public.
                .filter(s -> MessageDigest.isEqual(s.unsubscribeKey().getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Marks the subscription's e-mail unsubscribed (idempotent) and returns true; false when the
     * id and key do not match a subscription with e-mail.
     */
    boolean unsubscribe(String subscriptionId, String key) {
        Optional<Subscription> found = verify(subscriptionId, key);
        if (found.isEmpty()) {
            return false;
        }
        Subscription s = found.get();
        if (s.email().unsubscribed()) {
            return true;
        }
        Subscription.Email e = s.email();
        Subscription.Email off = new Subscription.Email(e.address(), e.mode(), e.timeZone(), e.dailyHour(), e.capPerHour(), true);
        saver.accept(new Subscription(s.schemaVersion(), s.id(), s.ownerKeyHash(), s.name(), s.topics(), s.countries(),
                s.organisations(), s.languages(), s.outlets(), s.query(), s.webhook(), off, s.feedKey(), s.unsubscribeKey(),
                s.createdAt(), clock.instant()));
        return true;
    }
}
