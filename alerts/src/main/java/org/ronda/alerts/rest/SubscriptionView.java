package org.ronda.alerts.rest;

import java.time.Instant;
import java.util.List;
import org.ronda.contracts.Subscription;

/**
 * A subscription as its owner sees it: criteria, delivery, the webhook signing secret and the
 * addresses of its feed and live stream. The owner key hash and the unsubscribe key stay inside.
 */
public record SubscriptionView(
        String id,
        String name,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        List<String> languages,
        List<String> outlets,
        String query,
        Webhook webhook,
        Subscription.Email email,
        String feedUrl,
        String streamUrl,
        Instant createdAt,
        Instant updatedAt) {

    /** @param url where alerts go; @param secret the HMAC-SHA256 key of the Ronda-Signature header */
    public record Webhook(String url, String secret) {
    }

    static SubscriptionView of(Subscription s, String publicUrl) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new SubscriptionView(s.id(), s.name(), s.topics(), s.countries(), s.organisations(), s.languages(), s.outlets(), s.query(),
                s.webhook() == null ? null : new Webhook(s.webhook().url(), s.webhook().secret()), s.email(),
                base + "/alerts/feeds/" + s.id() + ".atom?key=" + s.feedKey(),
                base + "/alerts/stream/" + s.id() + "?key=" + s.feedKey(),
                s.createdAt(), s.updatedAt());
    }
}
