package org.ronda.search.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * An article document as stored (see the index service's articles-template.json). {@code tags}
 * and {@code entities} carry the evidence of every tag, stored but not indexed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleSource(
        String articleId,
        String url,
        String title,
        String text,
        String author,
        String publishedAt,
        String language,
        String sourceId,
        String outlet,
        String outletCountry,
        String sourceKind,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        List<Map<String, Object>> tags,
        Map<String, Object> entities,
        String clusterId,
        Boolean partial) {
}
