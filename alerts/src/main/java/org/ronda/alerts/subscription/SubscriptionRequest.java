package org.ronda.alerts.subscription;

import java.util.List;

/**
 * What a subscriber sends to create or replace a subscription. Every field is optional on its own;
 * at least one criterion must be set.
 *
 * @param name          a label
 * @param topics        taxonomy topic ids (any of)
 * @param countries     ISO 3166-1 alpha-2 codes mentioned (any of)
 * @param organisations organisation ids (any of)
 * @param languages     language codes (any of)
 * @param outlets       outlet names (any of)
 * @param query         a query in the search language
 * @param webhook       where to POST alerts
 * @param email         where and how often to mail alerts
 */
public record SubscriptionRequest(
        String name,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        List<String> languages,
        List<String> outlets,
        String query,
        WebhookRequest webhook,
        EmailRequest email) {

    /** @param url an http or https URL reachable from the service */
    public record WebhookRequest(String url) {
    }

    /**
     * @param address    recipient
     * @param mode       immediate (default), hourly or daily
     * @param timeZone   IANA zone id, default UTC
     * @param dailyHour  local hour of the daily digest, default 7
     * @param capPerHour immediate messages per hour before the rest roll into a digest
     */
    public record EmailRequest(String address, String mode, String timeZone, Integer dailyHour, Integer capPerHour) {
    }
}
