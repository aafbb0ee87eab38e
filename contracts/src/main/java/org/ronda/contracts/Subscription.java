package org.ronda.contracts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What an alert subscriber follows and how they are told. Stored in the compacted topic
 * {@code ronda.alerts.subscriptions} keyed by {@link #id}; a tombstone deletes it.
 *
 * <p>The criteria combine with AND; the values inside one criterion combine with OR. At least one
 * criterion must be set. The secrets ({@code webhook.secret}, {@link #feedKey}, {@link #unsubscribeKey})
 * live in the record so that every alerts instance can sign, serve feeds and honour unsubscribe
 * links; the owner's token itself is never stored, only its SHA-256 ({@link #ownerKeyHash}).
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param id             {@code sub_} followed by 24 lowercase hex characters
 * @param ownerKeyHash   lowercase hex SHA-256 of the owner's API key
 * @param name           the subscriber's label for it
 * @param topics         taxonomy topic ids
 * @param countries      ISO 3166-1 alpha-2 codes (mentioned in the article)
 * @param organisations  organisation ids as the enricher writes them
 * @param languages      detected languages (BCP 47 primary tags)
 * @param outlets        outlet names as in the source list
 * @param query          a query in the researchers' search language, or null
 * @param webhook        where to POST alerts, or null
 * @param email          where to mail alerts, or null
 * @param feedKey        secret in the URL of the subscription's Atom feed and live stream
 * @param unsubscribeKey secret in the e-mail unsubscribe link
 * @param createdAt      when it was created
 * @param updatedAt      when it last changed
 */
public record Subscription(
        int schemaVersion,
        String id,
        String ownerKeyHash,
        String name,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        List<String> languages,
        List<String> outlets,
        String query,
        Webhook webhook,
        Email email,
        String feedKey,
        String unsubscribeKey,
        Instant createdAt,
        Instant updatedAt) {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public Subscription {
        Contract.schemaVersion(schemaVersion, SCHEMA_VERSION, "Subscription");
        if (id == null || !id.matches("sub_[0-9a-f]{24}")) {
            throw new InvalidEventException("subscription id must be sub_ and 24 lowercase hex characters, got " + id);
        }
        if (ownerKeyHash == null || !ownerKeyHash.matches("[0-9a-f]{64}")) {
            throw new InvalidEventException("ownerKeyHash must be 64 lowercase hex characters");
        }
        name = name == null || name.isBlank() ? id : name.strip();
        topics = copy(topics);
        countries = copy(countries);
        organisations = copy(organisations);
        languages = copy(languages);
        outlets = copy(outlets);
        query = query == null || query.isBlank() ? null : query.strip();
        Contract.requiredText(feedKey, "feedKey");
        Contract.requiredText(unsubscribeKey, "unsubscribeKey");
        Contract.required(createdAt, "createdAt");
        Contract.required(updatedAt, "updatedAt");
    }

    /** True when no criterion is set, which the API refuses: it would match every article. */
    public boolean hasNoCriteria() {
        return topics.isEmpty() && countries.isEmpty() && organisations.isEmpty() && languages.isEmpty()
                && outlets.isEmpty() && query == null;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    /**
     * @param url    an http or https URL
     * @param secret the key for the {@code Ronda-Signature} HMAC-SHA256
     */
    public record Webhook(String url, String secret) {
        public Webhook {
            Contract.requiredText(url, "webhook.url");
            Contract.requiredText(secret, "webhook.secret");
        }
    }

    /** How often e-mail goes out. */
    public enum EmailMode {
        /** One message per new alert, up to the hourly cap; beyond it alerts roll into the next hourly digest. */
        IMMEDIATE,
        /** One digest at the top of each hour in the subscriber's time zone. */
        HOURLY,
        /** One digest a day at {@code dailyHour} in the subscriber's time zone. */
        DAILY;

        /** The mode written as {@code value} (any case); null when it is not one. */
        public static EmailMode parse(String value) {
            if (value == null) {
                return null;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * @param address      the recipient
     * @param mode         immediate, hourly or daily
     * @param timeZone     IANA zone id such as {@code Asia/Jakarta}; digests follow its clock
     * @param dailyHour    local hour (0-23) of the daily digest
     * @param capPerHour   immediate messages allowed per hour before alerts roll into the digest
     * @param unsubscribed true once the recipient used the unsubscribe link
     */
    public record Email(String address, EmailMode mode, String timeZone, int dailyHour, int capPerHour, boolean unsubscribed) {
        public Email {
            Contract.requiredText(address, "email.address");
            Contract.required(mode, "email.mode");
            timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
            try {
                ZoneId.of(timeZone);
            } catch (java.time.DateTimeException e) {
                throw new InvalidEventException("email.timeZone is not a time zone id: " + timeZone);
            }
            if (dailyHour < 0 || dailyHour > 23) {
                throw new InvalidEventException("email.dailyHour must be 0-23, got " + dailyHour);
            }
            if (capPerHour < 1) {
                throw new InvalidEventException("email.capPerHour must be at least 1, got " + capPerHour);
            }
        }

        /** The zone of {@link #timeZone}. */
        public ZoneId zone() {
            return ZoneId.of(timeZone);
        }
    }
}
