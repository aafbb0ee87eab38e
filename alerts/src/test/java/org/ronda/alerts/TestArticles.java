package org.ronda.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.TopicTag;

/** Builders of enriched articles and subscriptions for the alerts tests. */
public final class TestArticles {

    private TestArticles() {
    }

    /** An article builder with a fresh URL on 127.0.0.1. */
    public static Builder article(String title, String text) {
        return new Builder(title, text);
    }

    /** A subscription with only an id and the given query; the other criteria are set with {@link Subscription} copies. */
    public static Subscription subscription(String id, String query, List<String> topics, List<String> countries) {
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        return new Subscription(1, id, "0".repeat(64), "test " + id, topics, countries, List.of(), List.of(), List.of(), query,
                null, null, "feed-" + id, "unsub-" + id, t, t);
    }

    /** A subscription id from a number. */
    public static String subId(int n) {
        return String.format("sub_%024x", n);
    }

    public static final class Builder {
        private final String title;
        private final String text;
        private String language = "en";
        private String outlet = "The Test Post";
        private String outletCountry = "MY";
        private String url = "http://127.0.0.1:1/news/" + UUID.randomUUID();
        private final List<TopicTag> topics = new ArrayList<>();
        private final List<EntityTag> countries = new ArrayList<>();
        private final List<EntityTag> organisations = new ArrayList<>();
        private String clusterId;
        private boolean firstInCluster = true;
        private Instant enrichedAt = Instant.parse("2026-11-20T03:00:00Z");

        private Builder(String title, String text) {
            this.title = title;
            this.text = text;
        }

        public Builder language(String value) {
            language = value;
            return this;
        }

        public Builder outlet(String name, String country) {
            outlet = name;
            outletCountry = country;
            return this;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder topic(String id) {
            topics.add(new TopicTag(id, 1.0, List.of(new Evidence(id.replace('-', ' '), "text", 0, 1))));
            return this;
        }

        public Builder country(String code) {
            countries.add(new EntityTag(code, List.of(new Evidence(code.toLowerCase(), "text", 0, 1))));
            return this;
        }

        public Builder organisation(String id) {
            organisations.add(new EntityTag(id, List.of(new Evidence(id, "text", 0, 1))));
            return this;
        }

        public Builder cluster(String id, boolean first) {
            clusterId = id;
            firstInCluster = first;
            return this;
        }

        public Builder enrichedAt(Instant value) {
            enrichedAt = value;
            return this;
        }

        public EnrichedArticle build() {
            Instant t = Instant.parse("2026-11-20T02:00:00Z");
            // Ingest publishes a moment before enrichment.
            RawArticle raw = new RawArticle(1, UUID.randomUUID().toString(), ArticleIds.of(url), enrichedAt.minusMillis(50), url, "http://127.0.0.1:1/feed",
                    new SourceRef("src-" + outlet.hashCode(), outlet, outletCountry, language, "media"), title, text, null, t, language, t,
                    null, null, null, false, null);
            return new EnrichedArticle(1, UUID.randomUUID().toString(), raw.articleId(), enrichedAt, raw,
                    new Enrichment("test-rules", language, topics, enrichedAt, countries, organisations,
                            clusterId == null ? raw.articleId() : clusterId, firstInCluster));
        }
    }
}
