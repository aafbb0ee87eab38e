package org.ronda.alerts.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ronda.contracts.Alert;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.RawArticle;

/**
 * Decides, for an article that matched a subscription, whether it is a new alert, an update of the
 * alert already sent for its story, or nothing (an article already counted: a replay or a
 * re-enrichment). Changes are staged until {@link #commit} so that a transaction that aborts leaves
 * the book as it was. Not thread-safe: owned by the match loop.
 */
public final class StoryBook {

    /** Beyond this many articles a story's ids are not all kept; the counts go on. */
    static final int MAX_ARTICLE_IDS = 1000;

    private final Map<String, StoryRecord> committed = new HashMap<>();
    private final Map<String, String> committedArticles = new HashMap<>();
    private final Map<String, StoryRecord> staged = new HashMap<>();
    private final Map<String, String> stagedArticles = new HashMap<>();

    /** A decision: the alert to send and the record to store. */
    public record Outcome(Alert alert, StoryRecord record) {
    }

    /** Loads a stored record (at start-up, from the compacted topic). */
    public void restore(StoryRecord record) {
        committed.put(record.alertId(), record);
        record.articleIds().forEach(a -> committedArticles.put(record.subscriptionId() + " " + a, record.alertId()));
    }

    /** Number of (subscription, story) pairs known. */
    public int size() {
        return committed.size();
    }

    /**
     * The alert that {@code event} makes for {@code subscriptionId}, or empty when this article was
     * already counted for that subscription (under any story).
     */
    public Optional<Outcome> decide(String subscriptionId, EnrichedArticle event, Alert.AlertArticle view, Instant now) {
        String articleKey = subscriptionId + " " + event.articleId();
        if (stagedArticles.containsKey(articleKey) || committedArticles.containsKey(articleKey)) {
            return Optional.empty();
        }
        RawArticle a = event.article();
        String clusterId = event.enrichment().clusterId() == null ? event.articleId() : event.enrichment().clusterId();
        String alertId = subscriptionId + "/" + clusterId;
        StoryRecord previous = staged.containsKey(alertId) ? staged.get(alertId) : committed.get(alertId);
        List<String> ids = new ArrayList<>(previous == null ? List.of() : previous.articleIds());
        List<String> outlets = new ArrayList<>(previous == null ? List.of() : previous.outlets());
        int articles = (previous == null ? 0 : previous.articles()) + 1;
        if (ids.size() < MAX_ARTICLE_IDS) {
            ids.add(event.articleId());
        }
        if (!outlets.contains(a.source().outlet())) {
            outlets.add(a.source().outlet());
        }
        int revision = previous == null ? 1 : previous.revision() + 1;
        StoryRecord record = new StoryRecord(alertId, subscriptionId, clusterId, revision, articles, ids, outlets);
        staged.put(alertId, record);
        stagedArticles.put(articleKey, alertId);
        Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, revision, previous == null ? Alert.Kind.NEW : Alert.Kind.UPDATED,
                subscriptionId, clusterId, articles, outlets.size(), view, event.enrichment().enrichedAt(), now);
        return Optional.of(new Outcome(alert, record));
    }

    /** Makes the staged decisions permanent (their transaction committed). */
    public void commit() {
        committed.putAll(staged);
        committedArticles.putAll(stagedArticles);
        staged.clear();
        stagedArticles.clear();
    }

    /** Forgets the staged decisions (their transaction aborted). */
    public void abort() {
        staged.clear();
        stagedArticles.clear();
    }
}
