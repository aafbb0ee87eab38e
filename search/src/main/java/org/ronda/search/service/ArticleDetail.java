package org.ronda.search.service;

import java.util.List;

/**
 * An article with related coverage.
 *
 * @param article   the stored document
 * @param sameStory other copies of the same story (same cluster), earliest first
 * @param related   other stories with similar title and text, most similar first
 */
public record ArticleDetail(ArticleSource article, List<ResultRow> sameStory, List<ResultRow> related) {
}
