package org.ronda.alerts.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.ronda.alerts.config.AlertsConfig;
import org.ronda.contracts.Subscription;

/**
 * Creating, reading, changing and deleting subscriptions on behalf of their owner. Every call
 * takes the owner's API key; a subscription of another key is reported as not found.
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionStore store;
    private final SubscriptionValidator validator;
    private final Clock clock = Clock.systemUTC();

    SubscriptionService(SubscriptionStore store, AlertsConfig config, WebhookUrlCheck webhookUrlCheck) {
        this.store = store;
        this.validator = new SubscriptionValidator(webhookUrlCheck, config.email().defaultCapPerHour());
    }

    /** Checks a webhook URL before it is stored; see the webhook package for the rules. */
    public interface WebhookUrlCheck extends Consumer<String> {
    }

    /** Creates a subscription for the owner of {@code apiKey}. */
    public Subscription create(String apiKey, SubscriptionRequest request) {
        Instant now = clock.instant();
        Subscription base = new Subscription(Subscription.SCHEMA_VERSION, OwnerKeys.newSubscriptionId(), ownerHash(apiKey), null,
                null, null, null, null, null, null, null, null, OwnerKeys.randomHex(24), OwnerKeys.randomHex(24), now, now);
        Subscription s = validator.apply(request, base);
        store.save(s);
        return s;
    }

    /** The owner's subscriptions, oldest first. */
    public List<Subscription> list(String apiKey) {
        return store.ownedBy(ownerHash(apiKey));
    }

    /** One of the owner's subscriptions. */
    public Subscription get(String apiKey, String id) {
        return store.find(id).filter(s -> OwnerKeys.same(s.ownerKeyHash(), ownerHash(apiKey)))
                .orElseThrow(() -> new SubscriptionNotFoundException(id));
    }

    /** Replaces the criteria and delivery of one of the owner's subscriptions; id, secrets and creation time stay. */
    public Subscription replace(String apiKey, String id, SubscriptionRequest request) {
        Subscription current = get(apiKey, id);
        Subscription changed = validator.apply(request, current);
        Instant now = clock.instant();
        Subscription s = new Subscription(Subscription.SCHEMA_VERSION, changed.id(), changed.ownerKeyHash(), changed.name(),
                changed.topics(), changed.countries(), changed.organisations(), changed.languages(), changed.outlets(), changed.query(),
                changed.webhook(), changed.email(), changed.feedKey(), changed.unsubscribeKey(), changed.createdAt(),
                now.isAfter(current.updatedAt()) ? now : current.updatedAt().plusMillis(1));
        store.save(s);
        return s;
    }

    /** Deletes one of the owner's subscriptions. */
    public void delete(String apiKey, String id) {
        get(apiKey, id);
        store.delete(id);
    }

    /** The subscription whose feed key is {@code key}, for feed readers and dashboards that hold no API key. */
    public Subscription byFeedKey(String id, String key) {
        return store.find(id).filter(s -> OwnerKeys.same(s.feedKey(), key)).orElseThrow(() -> new SubscriptionNotFoundException(id));
    }

    private static String ownerHash(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new MissingApiKeyException();
        }
        return OwnerKeys.hash(apiKey.strip());
    }
}
