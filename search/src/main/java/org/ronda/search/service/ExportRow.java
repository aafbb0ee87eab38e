package org.ronda.search.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One exported article: the columns of an export, in order, read from the stored document with
 * {@code _source} limited to {@link #FIELDS}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExportRow(
        String articleId,
        String publishedAt,
        String outlet,
        String outletCountry,
        String sourceKind,
        String language,
        List<String> topics,
        List<String> countries,
        List<String> organisations,
        String clusterId,
        String title,
        String url,
        String rulesVersion) {

    /** The document fields an export reads, in column order. */
    public static final List<String> FIELDS = List.of("articleId", "publishedAt", "outlet", "outletCountry",
            "sourceKind", "language", "topics", "countries", "organisations", "clusterId", "title", "url", "rulesVersion");

    public ExportRow {
        topics = topics == null ? List.of() : List.copyOf(topics);
        countries = countries == null ? List.of() : List.copyOf(countries);
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }
}
