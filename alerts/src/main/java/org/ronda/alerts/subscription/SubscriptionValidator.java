package org.ronda.alerts.subscription;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Taxonomy;
import org.ronda.query.QueryParser;
import org.ronda.query.QuerySyntaxException;

/**
 * Checks a {@link SubscriptionRequest} and normalises its values; every refusal is an
 * {@link InvalidSubscriptionException} naming the field and the reason. Query syntax errors keep
 * their own {@link QuerySyntaxException} so that the answer carries the position.
 */
public final class SubscriptionValidator {

    static final int MAX_VALUES = 100;
    static final int MAX_QUERY_CHARS = 2000;
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern ORGANISATION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",]+@[^@\\s<>\",]+\\.[^@\\s<>\",]+");

    private final QueryParser parser = new QueryParser();
    private final Consumer<String> webhookUrlCheck;
    private final int defaultCapPerHour;

    /**
     * @param webhookUrlCheck   refuses a webhook URL (scheme, host, address) with an
     *                          IllegalArgumentException whose message says why
     * @param defaultCapPerHour cap used when the request sets none
     */
    public SubscriptionValidator(Consumer<String> webhookUrlCheck, int defaultCapPerHour) {
        this.webhookUrlCheck = webhookUrlCheck;
        this.defaultCapPerHour = defaultCapPerHour;
    }

    /** The criteria and delivery of {@code r}, checked, applied to {@code base} (secrets and times kept). */
    public Subscription apply(SubscriptionRequest r, Subscription base) {
        if (r == null) {
            throw new InvalidSubscriptionException("body", "a JSON subscription is required");
        }
        List<String> topics = values("topics", r.topics(), v -> v.toLowerCase(Locale.ROOT), v -> {
            if (!Taxonomy.isTopic(v)) {
                throw new InvalidSubscriptionException("topics", "unknown topic '" + v + "'; known topics: " + String.join(", ", Taxonomy.TOPIC_IDS));
            }
        });
        List<String> countries = values("countries", r.countries(), v -> v.toUpperCase(Locale.ROOT), v -> {
            if (!COUNTRY.matcher(v).matches()) {
                throw new InvalidSubscriptionException("countries", "'" + v + "' is not an ISO 3166-1 alpha-2 country code such as TH or MY");
            }
        });
        List<String> organisations = values("organisations", r.organisations(), v -> v.toLowerCase(Locale.ROOT), v -> {
            if (!ORGANISATION.matcher(v).matches()) {
                throw new InvalidSubscriptionException("organisations", "'" + v + "' is not an organisation id such as interpol or unodc");
            }
        });
        List<String> languages = values("languages", r.languages(), v -> v.toLowerCase(Locale.ROOT), v -> {
            if (!LANGUAGE.matcher(v).matches()) {
                throw new InvalidSubscriptionException("languages", "'" + v + "' is not a language code such as en, ms or th");
            }
        });
        List<String> outlets = values("outlets", r.outlets(), v -> v, v -> {
        });
        String query = r.query() == null || r.query().isBlank() ? null : r.query().strip();
        if (query != null) {
            if (query.length() > MAX_QUERY_CHARS) {
                throw new InvalidSubscriptionException("query", "the query is longer than " + MAX_QUERY_CHARS + " characters");
            }
            parser.parse(query);
        }
        Subscription.Webhook webhook = webhook(r.webhook(), base.webhook());
        Subscription.Email email = email(r.email(), base.email());
        Subscription s = new Subscription(Subscription.SCHEMA_VERSION, base.id(), base.ownerKeyHash(), r.name(), topics, countries,
                organisations, languages, outlets, query, webhook, email, base.feedKey(), base.unsubscribeKey(), base.createdAt(), base.updatedAt());
        if (s.hasNoCriteria()) {
            throw new InvalidSubscriptionException("query",
                    "a subscription needs at least one of topics, countries, organisations, languages, outlets or query");
        }
        return s;
    }

    private Subscription.Webhook webhook(SubscriptionRequest.WebhookRequest w, Subscription.Webhook previous) {
        if (w == null || w.url() == null || w.url().isBlank()) {
            return null;
        }
        String url = w.url().strip();
        try {
            webhookUrlCheck.accept(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("webhook.url", e.getMessage());
        }
        // The signing secret survives a change of URL, so receivers need not be reconfigured.
        return new Subscription.Webhook(url, previous != null ? previous.secret() : "whsec_" + OwnerKeys.randomHex(24));
    }

    private Subscription.Email email(SubscriptionRequest.EmailRequest e, Subscription.Email previous) {
        if (e == null || e.address() == null || e.address().isBlank()) {
            return null;
        }
        String address = e.address().strip();
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            throw new InvalidSubscriptionException("email.address", "'" + address + "' is not an e-mail address");
        }
        Subscription.EmailMode mode = e.mode() == null ? Subscription.EmailMode.IMMEDIATE : Subscription.EmailMode.parse(e.mode());
        if (mode == null) {
            throw new InvalidSubscriptionException("email.mode", "mode must be immediate, hourly or daily, got '" + e.mode() + "'");
        }
        String zone = e.timeZone() == null || e.timeZone().isBlank() ? "UTC" : e.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException ex) {
            throw new InvalidSubscriptionException("email.timeZone", "'" + zone + "' is not a time zone such as Asia/Jakarta");
        }
        int hour = e.dailyHour() == null ? 7 : e.dailyHour();
        if (hour < 0 || hour > 23) {
            throw new InvalidSubscriptionException("email.dailyHour", "dailyHour must be 0-23, got " + hour);
        }
        int cap = e.capPerHour() == null ? defaultCapPerHour : e.capPerHour();
        if (cap < 1 || cap > 1000) {
            throw new InvalidSubscriptionException("email.capPerHour", "capPerHour must be 1-1000, got " + cap);
        }
        // A changed address must opt in again; the same address keeps its unsubscribe.
        boolean unsubscribed = previous != null && previous.address().equalsIgnoreCase(address) && previous.unsubscribed();
        return new Subscription.Email(address, mode, zone, hour, cap, unsubscribed);
    }

    private static List<String> values(String field, List<String> raw, java.util.function.UnaryOperator<String> normalise, Consumer<String> check) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_VALUES) {
            throw new InvalidSubscriptionException(field, "at most " + MAX_VALUES + " values");
        }
        List<String> out = new ArrayList<>();
        for (String v : raw) {
            if (v == null || v.isBlank()) {
                throw new InvalidSubscriptionException(field, "empty value in " + field);
            }
            String n = normalise.apply(v.strip());
            check.accept(n);
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }
}
