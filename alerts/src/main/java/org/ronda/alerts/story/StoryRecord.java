package org.ronda.alerts.story;

import java.util.List;

/**
 * What one subscription has been told about one story: the story book's state of the pair. Until
 * decision 32 it was also the value of the compacted topic {@code ronda.alerts.stories}, keyed by
 * {@link #alertId}; that topic now holds one {@link StoryArticle} per article, and records of this
 * format in it are still read back.
 *
 * @param alertId        {@code subscriptionId/clusterId}
 * @param subscriptionId the subscription
 * @param clusterId      the story
 * @param revision       the last revision alerted
 * @param articles       articles of the story counted so far
 * @param articleIds     articles of the story already counted, oldest first
 * @param outlets        distinct outlets among them
 */
public record StoryRecord(String alertId, String subscriptionId, String clusterId, int revision, int articles, List<String> articleIds, List<String> outlets) {

    public StoryRecord {
        articleIds = List.copyOf(articleIds);
        outlets = List.copyOf(outlets);
    }
}
