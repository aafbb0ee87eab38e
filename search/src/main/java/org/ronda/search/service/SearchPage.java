package org.ronda.search.service;

import java.util.List;
import java.util.Map;

/**
 * A page of results.
 *
 * @param total     articles matching (every copy counted)
 * @param stories   story clusters matching, when results are one per story; else null
 * @param results   this page's rows
 * @param facets    counts of matching articles per value of each facet field; first page only
 * @param histogram matching articles over time, with their share of all articles under the same
 *                  filters; first page only
 * @param cursor    pass it back for the next page; null on the last page
 */
public record SearchPage(
        long total,
        Long stories,
        List<ResultRow> results,
        Map<String, List<FacetBucket>> facets,
        List<HistogramBucket> histogram,
        String cursor) {

    /** A facet value and how many matching articles have it. */
    public record FacetBucket(String key, long count) {
    }

    /**
     * A histogram bucket: {@code count} matching articles out of {@code all} articles under the same
     * filters without the query, published in the bucket starting on {@code date}. {@code share} is
     * count / all (0 when all is 0), so a rise that only reflects more sources being read stays flat.
     */
    public record HistogramBucket(String date, long count, long all, double share) {
    }
}
