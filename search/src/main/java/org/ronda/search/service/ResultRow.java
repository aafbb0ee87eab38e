package org.ronda.search.service;

import java.util.List;
import java.util.Map;

/**
 * One search result. {@code evidence} is the stored topic tags with the matches that put them
 * there; {@code highlights} has the query's matches in {@code title} and {@code text}, wrapped in
 * {@code <em>}, HTML-escaped. {@code clusterSize} is the number of matching copies of the story
 * (the row stands for all of them), or null when every copy is listed.
 */
public record ResultRow(
        String articleId,
        String title,
        String url,
        String outlet,
        String outletCountry,
        String publishedAt,
        String language,
        List<String> topics,
        List<Map<String, Object>> evidence,
        Map<String, List<String>> highlights,
        String clusterId,
        Long clusterSize) {
}
