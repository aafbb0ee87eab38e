package org.ronda.contracts;

import java.time.Instant;
import java.util.List;

/**
 * One alert for one subscription and one story (cluster), on topic {@code ronda.alerts} keyed by
 * the subscription id. The first matching article of a story makes a {@code NEW} alert
 * ({@code revision} 1); each later copy of the same story from a new article makes an
 * {@code UPDATED} alert with the same {@link #alertId}, the next revision and the larger story
 * size. Channels deliver {@code NEW} alerts and fold updates into what they already sent.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param alertId        {@code subscriptionId + "/" + clusterId}: stable across updates
 * @param revision       1 for the first alert of the story, +1 for each update
 * @param kind           NEW or UPDATED
 * @param subscriptionId the subscription it is for
 * @param clusterId      the story cluster
 * @param storyArticles  articles of the story that matched so far
 * @param storyOutlets   distinct outlets among them ("now in 5 outlets")
 * @param article        the article that made this revision
 * @param enrichedAt     when that article was enriched (for latency figures)
 * @param alertedAt      when this revision was decided
 */
public record Alert(
        int schemaVersion,
        String alertId,
        int revision,
        Kind kind,
        String subscriptionId,
        String clusterId,
        int storyArticles,
        int storyOutlets,
        AlertArticle article,
        Instant enrichedAt,
        Instant alertedAt) {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /** First alert of a story, or a later copy of it. */
    public enum Kind { NEW, UPDATED }

    public Alert {
        Contract.schemaVersion(schemaVersion, SCHEMA_VERSION, "Alert");
        Contract.requiredText(alertId, "alertId");
        if (revision < 1) {
            throw new InvalidEventException("revision must be at least 1, got " + revision);
        }
        Contract.required(kind, "kind");
        Contract.requiredText(subscriptionId, "subscriptionId");
        Contract.requiredText(clusterId, "clusterId");
        Contract.required(article, "article");
        Contract.required(alertedAt, "alertedAt");
    }

    /** The id of one delivery of one revision, for receivers that de-duplicate. */
    public String deliveryId() {
        return alertId + "#" + revision;
    }

    /**
     * What a subscriber sees of the article.
     *
     * @param articleId   the article id
     * @param title       its title
     * @param outlet      outlet name
     * @param outletCountry ISO code of the outlet's country
     * @param url         link to the article
     * @param publishedAt when it was published, or null when unknown
     * @param language    detected language
     * @param topics      topics with their evidence
     * @param countries   countries mentioned
     * @param snippet     the first sentences of the text, at most about 300 characters
     */
    public record AlertArticle(
            String articleId,
            String title,
            String outlet,
            String outletCountry,
            String url,
            Instant publishedAt,
            String language,
            List<TopicTag> topics,
            List<String> countries,
            String snippet) {
        public AlertArticle {
            Contract.articleId(articleId);
            Contract.requiredText(url, "article.url");
            title = title == null ? "" : title;
            topics = topics == null ? List.of() : List.copyOf(topics);
            countries = countries == null ? List.of() : List.copyOf(countries);
            snippet = snippet == null ? "" : snippet;
        }
    }
}
