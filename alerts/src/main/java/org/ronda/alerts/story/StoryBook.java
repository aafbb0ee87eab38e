package org.ronda.alerts.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    // By story, then subscription; and by article, the subscriptions it was counted for. Nested rather
    // than keyed by "subscription article" strings: a broad article makes hundreds of decisions, and one
    // flat map of every pair grew by ~18,000 entries a second in the benchmark (hashing, resizing and
    // collision chains were a fifth of the match loop's time).
    private final Map<String, Map<String, StoryRecord>> committed = new HashMap<>();
    private final Map<String, Set<String>> committedArticles = new HashMap<>();
    private final Map<String, Map<String, StoryRecord>> staged = new HashMap<>();
    private final Map<String, Set<String>> stagedArticles = new HashMap<>();
    private int size;

    /** A decision: the alert to send and the record to store. */
    public record Outcome(Alert alert, StoryRecord record) {
    }

    /**
     * Loads a stored record of the former per-pair format (at start-up, from the compacted topic),
     * merged with what is already known of the pair, so the order of restores does not matter.
     */
    public void restore(StoryRecord record) {
        merge(record.clusterId(), record.subscriptionId(), record.revision(), record.articles(), record.articleIds(), record.outlets());
    }

    /** Loads a stored article record (at start-up, from the compacted topic), in any order. */
    public void restore(StoryArticle article) {
        List<String> ids = List.of(article.articleId());
        List<String> outlets = article.outlet() == null ? List.of() : List.of(article.outlet());
        for (StoryArticle.Decision d : article.decisions()) {
            merge(article.clusterId(), d.subscriptionId(), d.revision(), d.storyArticles(), ids, outlets);
        }
    }

    private void merge(String clusterId, String subscriptionId, int revision, int articles, List<String> articleIds, List<String> outlets) {
        Map<String, StoryRecord> story = committed.computeIfAbsent(clusterId, k -> new HashMap<>());
        StoryRecord known = story.get(subscriptionId);
        StoryRecord merged;
        if (known == null) {
            merged = new StoryRecord(subscriptionId + "/" + clusterId, subscriptionId, clusterId, revision, articles,
                    articleIds.size() <= MAX_ARTICLE_IDS ? articleIds : articleIds.subList(0, MAX_ARTICLE_IDS), outlets);
            size++;
        } else {
            List<String> ids = new ArrayList<>(known.articleIds());
            articleIds.stream().filter(id -> !ids.contains(id)).forEach(id -> {
                if (ids.size() < MAX_ARTICLE_IDS) {
                    ids.add(id);
                }
            });
            List<String> allOutlets = new ArrayList<>(known.outlets());
            outlets.stream().filter(o -> !allOutlets.contains(o)).forEach(allOutlets::add);
            merged = new StoryRecord(known.alertId(), subscriptionId, clusterId, Math.max(revision, known.revision()),
                    Math.max(articles, known.articles()), ids, allOutlets);
        }
        story.put(subscriptionId, merged);
        articleIds.forEach(a -> committedArticles.computeIfAbsent(a, k -> new HashSet<>()).add(subscriptionId));
    }

    /** Number of (subscription, story) pairs known. */
    public int size() {
        return size;
    }

    /**
     * The alert that {@code event} makes for {@code subscriptionId}, or empty when this article was
     * already counted for that subscription (under any story).
     */
    public Optional<Outcome> decide(String subscriptionId, EnrichedArticle event, Alert.AlertArticle view, Instant now) {
        String articleId = event.articleId();
        if (contains(stagedArticles, articleId, subscriptionId) || contains(committedArticles, articleId, subscriptionId)) {
            return Optional.empty();
        }
        RawArticle a = event.article();
        String clusterId = event.enrichment().clusterId() == null ? articleId : event.enrichment().clusterId();
        String alertId = subscriptionId + "/" + clusterId;
        StoryRecord previous = find(staged, clusterId, subscriptionId);
        if (previous == null) {
            previous = find(committed, clusterId, subscriptionId);
        }
        List<String> ids = new ArrayList<>(previous == null ? List.of() : previous.articleIds());
        List<String> outlets = new ArrayList<>(previous == null ? List.of() : previous.outlets());
        int articles = (previous == null ? 0 : previous.articles()) + 1;
        if (ids.size() < MAX_ARTICLE_IDS) {
            ids.add(articleId);
        }
        if (!outlets.contains(a.source().outlet())) {
            outlets.add(a.source().outlet());
        }
        int revision = previous == null ? 1 : previous.revision() + 1;
        StoryRecord record = new StoryRecord(alertId, subscriptionId, clusterId, revision, articles, ids, outlets);
        staged.computeIfAbsent(clusterId, k -> new HashMap<>()).put(subscriptionId, record);
        stagedArticles.computeIfAbsent(articleId, k -> new HashSet<>()).add(subscriptionId);
        Alert alert = new Alert(Alert.SCHEMA_VERSION, alertId, revision, previous == null ? Alert.Kind.NEW : Alert.Kind.UPDATED,
                subscriptionId, clusterId, articles, outlets.size(), view, event.enrichment().enrichedAt(), now);
        return Optional.of(new Outcome(alert, record));
    }

    private static boolean contains(Map<String, Set<String>> byArticle, String articleId, String subscriptionId) {
        Set<String> subscriptions = byArticle.get(articleId);
        return subscriptions != null && subscriptions.contains(subscriptionId);
    }

    private static StoryRecord find(Map<String, Map<String, StoryRecord>> byStory, String clusterId, String subscriptionId) {
        Map<String, StoryRecord> story = byStory.get(clusterId);
        return story == null ? null : story.get(subscriptionId);
    }

    /** Makes the staged decisions permanent (their transaction committed). */
    public void commit() {
        staged.forEach((clusterId, records) -> {
            Map<String, StoryRecord> story = committed.get(clusterId);
            if (story == null) {
                committed.put(clusterId, records);
                size += records.size();
                return;
            }
            int before = story.size();
            story.putAll(records);
            size += story.size() - before;
        });
        stagedArticles.forEach((articleId, subscriptions) -> {
            Set<String> counted = committedArticles.get(articleId);
            if (counted == null) {
                committedArticles.put(articleId, subscriptions);
            } else {
                counted.addAll(subscriptions);
            }
        });
        staged.clear();
        stagedArticles.clear();
    }

    /** Forgets the staged decisions (their transaction aborted). */
    public void abort() {
        staged.clear();
        stagedArticles.clear();
    }
}
