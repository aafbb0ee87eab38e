package org.ronda.search.service;

import java.util.List;
import java.util.Locale;

/**
 * One search, as validated parameters. Lists are "any of"; empty lists and null bounds do not
 * filter.
 *
 * @param query        the query in the query language, or blank for every article
 * @param topics       taxonomy topic ids
 * @param countries    ISO 3166-1 alpha-2 codes, upper case
 * @param countryScope which country field {@code countries} filters on
 * @param languages    language codes
 * @param outlets      outlet names, exact
 * @param kind         {@code media}, {@code official} or null for both
 * @param from         earliest publication date or time (ISO 8601), or null
 * @param to           latest publication date or time (ISO 8601, a date includes its whole day), or null
 * @param interval     coverage histogram bucket
 * @param sort         result order
 * @param allCopies    every copy of a story instead of one row per story cluster
 * @param size         results per page
 * @param cursor       the cursor from the previous page, or null for the first page
 */
public record SearchRequest(
        String query,
        List<String> topics,
        List<String> countries,
        CountryScope countryScope,
        List<String> languages,
        List<String> outlets,
        String kind,
        String from,
        String to,
        Interval interval,
        Sort sort,
        boolean allCopies,
        int size,
        String cursor) {

    public SearchRequest {
        query = query == null ? "" : query.strip();
        topics = List.copyOf(topics);
        countries = List.copyOf(countries);
        languages = List.copyOf(languages);
        outlets = List.copyOf(outlets);
    }

    /** Which country a country filter looks at. */
    public enum CountryScope {
        /** Countries the article mentions. */
        MENTIONED,
        /** The outlet's home country. */
        OUTLET,
        /** Either. */
        ANY
    }

    /** Coverage histogram bucket width. */
    public enum Interval { DAY, WEEK, MONTH }

    /** Result order. */
    public enum Sort {
        /** Best match first, newest first among equals. */
        RELEVANCE,
        /** Newest first. */
        DATE
    }

    /**
     * A digest of every parameter except the cursor: a cursor is only valid with the parameters of
     * the search that made it.
     */
    String fingerprint() {
        String canonical = String.join("|", query, topics.toString(), countries.toString(), countryScope.name(),
                languages.toString(), outlets.toString(), String.valueOf(kind), String.valueOf(from), String.valueOf(to),
                sort.name(), Boolean.toString(allCopies), Integer.toString(size));
        return Integer.toHexString(canonical.hashCode()).toLowerCase(Locale.ROOT);
    }
}
