package org.ronda.contracts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The alerts one enriched article made, on topic {@code ronda.alerts} keyed by its story (cluster
 * id): the article as subscribers see it, once, and one {@link Decision} per subscription it
 * alerts. Each channel expands the record into the per-subscription {@link Alert}s it delivers
 * ({@link #alerts()}); a record carries the article once instead of once per subscription, which is
 * what lets a broad article alert hundreds of subscriptions at stream speed (decision 32).
 *
 * <p>An article with very many decisions is split over several records of at most
 * {@link #MAX_DECISIONS} each, so that a record stays far below the broker's 1 MB limit; each part
 * is complete on its own. A dead letter of one delivery carries the record narrowed to that
 * subscription ({@link #only}), so that replaying it alerts that subscription again and no other.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param clusterId     the story of the article (the article id when it has no cluster)
 * @param article       what subscribers see of the article
 * @param enrichedAt    when the article was enriched (for latency figures)
 * @param alertedAt     when these decisions were made
 * @param decisions     one per subscription alerted, subscription ids distinct, at least one
 */
public record ArticleAlerts(
        int schemaVersion,
        String clusterId,
        Alert.AlertArticle article,
        Instant enrichedAt,
        Instant alertedAt,
        List<Decision> decisions) {

    /** The schema version this build writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * Most decisions in one record: about 100 bytes each in JSON, so a record of this many stays
     * near 100 KB beside the article's few KB.
     */
    public static final int MAX_DECISIONS = 1000;

    public ArticleAlerts {
        Contract.schemaVersion(schemaVersion, SCHEMA_VERSION, "ArticleAlerts");
        Contract.requiredText(clusterId, "clusterId");
        Contract.required(article, "article");
        Contract.required(alertedAt, "alertedAt");
        Contract.required(decisions, "decisions");
        if (decisions.isEmpty()) {
            throw new InvalidEventException("decisions must not be empty");
        }
        if (decisions.size() > MAX_DECISIONS) {
            throw new InvalidEventException("at most " + MAX_DECISIONS + " decisions per record, got " + decisions.size());
        }
        Set<String> ids = new HashSet<>();
        for (Decision d : decisions) {
            Contract.required(d, "decision");
            if (!ids.add(d.subscriptionId())) {
                throw new InvalidEventException("subscription " + d.subscriptionId() + " decided twice in one record");
            }
        }
        decisions = List.copyOf(decisions);
    }

    /**
     * What the article means for one subscription's alert about its story.
     *
     * @param subscriptionId the subscription alerted
     * @param revision       1 for the story's first alert to it ({@link Alert.Kind#NEW}), +1 for each later copy
     * @param storyArticles  articles of the story counted for this subscription so far
     * @param storyOutlets   distinct outlets among them ("now in 5 outlets")
     */
    public record Decision(String subscriptionId, int revision, int storyArticles, int storyOutlets) {
        public Decision {
            Contract.requiredText(subscriptionId, "decision.subscriptionId");
            if (revision < 1) {
                throw new InvalidEventException("decision.revision must be at least 1, got " + revision);
            }
        }

        /** NEW for the first revision, UPDATED after. */
        public Alert.Kind kind() {
            return revision == 1 ? Alert.Kind.NEW : Alert.Kind.UPDATED;
        }
    }

    /**
     * Records for {@code decisions} of one article, in order, at most {@link #MAX_DECISIONS} each;
     * empty when there is no decision.
     */
    public static List<ArticleAlerts> split(String clusterId, Alert.AlertArticle article, Instant enrichedAt, Instant alertedAt,
            List<Decision> decisions) {
        List<ArticleAlerts> parts = new ArrayList<>();
        for (int from = 0; from < decisions.size(); from += MAX_DECISIONS) {
            parts.add(new ArticleAlerts(SCHEMA_VERSION, clusterId, article, enrichedAt, alertedAt,
                    decisions.subList(from, Math.min(decisions.size(), from + MAX_DECISIONS))));
        }
        return parts;
    }

    /** The record an {@link Alert} of the former per-subscription format stands for: that one decision. */
    public static ArticleAlerts of(Alert alert) {
        return new ArticleAlerts(SCHEMA_VERSION, alert.clusterId(), alert.article(), alert.enrichedAt(), alert.alertedAt(),
                List.of(new Decision(alert.subscriptionId(), alert.revision(), alert.storyArticles(), alert.storyOutlets())));
    }

    /** The alert of {@code decision}: what the subscription is told (same fields as before decision 32). */
    public Alert alert(Decision decision) {
        return new Alert(Alert.SCHEMA_VERSION, decision.subscriptionId() + "/" + clusterId, decision.revision(), decision.kind(),
                decision.subscriptionId(), clusterId, decision.storyArticles(), decision.storyOutlets(), article, enrichedAt, alertedAt);
    }

    /** Every alert of this record, in the order of its decisions. */
    public List<Alert> alerts() {
        List<Alert> out = new ArrayList<>(decisions.size());
        decisions.forEach(d -> out.add(alert(d)));
        return out;
    }

    /** The alert of {@code subscriptionId}, when this record has one. */
    public Optional<Alert> alertFor(String subscriptionId) {
        for (Decision d : decisions) {
            if (d.subscriptionId().equals(subscriptionId)) {
                return Optional.of(alert(d));
            }
        }
        return Optional.empty();
    }

    /** This record narrowed to {@code decision}: what a dead letter of one delivery carries. */
    public ArticleAlerts only(Decision decision) {
        return new ArticleAlerts(schemaVersion, clusterId, article, enrichedAt, alertedAt, List.of(decision));
    }
}
