package org.ronda.search.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ronda.contracts.Taxonomy;
import org.ronda.search.config.SearchConfig;
import org.ronda.search.service.ArticleDetail;
import org.ronda.search.service.InvalidParameterException;
import org.ronda.search.service.SearchPage;
import org.ronda.search.service.SearchRequest;
import org.ronda.search.service.SearchService;

/** The search API. Parameters that take several values accept them repeated or comma-separated. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService service;
    private final SearchConfig config;

    public SearchResource(SearchService service, SearchConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search articles", description = "One row per story unless allCopies=true; facets and "
            + "histogram on the first page only; pass the returned cursor (with the same parameters) for the next page.")
    public SearchPage search(
            @Parameter(description = "query: words, \"phrases\", AND/OR/NOT, -word, prefix*, ( ), "
                    + "title: text: outlet: topic: country: lang: org:") @QueryParam("q") String q,
            @Parameter(description = "taxonomy topic ids") @QueryParam("topic") List<String> topic,
            @Parameter(description = "ISO 3166-1 alpha-2 codes") @QueryParam("country") List<String> country,
            @Parameter(description = "mentioned | outlet | any") @QueryParam("countryScope") @DefaultValue("mentioned") String countryScope,
            @Parameter(description = "language codes") @QueryParam("lang") List<String> lang,
            @Parameter(description = "outlet names, exact") @QueryParam("outlet") List<String> outlet,
            @Parameter(description = "media | official") @QueryParam("kind") String kind,
            @Parameter(description = "earliest publication date (yyyy-MM-dd or ISO instant)") @QueryParam("from") String from,
            @Parameter(description = "latest publication date, inclusive") @QueryParam("to") String to,
            @Parameter(description = "day | week | month") @QueryParam("interval") @DefaultValue("day") String interval,
            @Parameter(description = "relevance | date") @QueryParam("sort") @DefaultValue("relevance") String sort,
            @Parameter(description = "list every copy of a story") @QueryParam("allCopies") @DefaultValue("false") String allCopies,
            @Parameter(description = "results per page") @QueryParam("size") String size,
            @Parameter(description = "cursor from the previous page") @QueryParam("cursor") String cursor) throws IOException {
        List<String> topics = lower(split(topic));
        for (String t : topics) {
            if (!Taxonomy.isTopic(t)) {
                throw new InvalidParameterException("topic", "unknown topic '" + t + "' (topics: " + String.join(", ", Taxonomy.TOPIC_IDS) + ")");
            }
        }
        List<String> countries = new ArrayList<>();
        for (String c : split(country)) {
            if (!c.matches("[A-Za-z]{2}")) {
                throw new InvalidParameterException("country", "country must be a two-letter code, got '" + c + "'");
            }
            countries.add(c.toUpperCase(Locale.ROOT));
        }
        if (kind != null && !kind.isBlank() && !kind.equals("media") && !kind.equals("official")) {
            throw new InvalidParameterException("kind", "kind must be media or official, got '" + kind + "'");
        }
        SearchRequest request = new SearchRequest(
                q,
                topics,
                countries,
                choice("countryScope", countryScope, SearchRequest.CountryScope.class),
                lower(split(lang)),
                outlet.stream().filter(o -> !o.isBlank()).toList(),
                kind == null || kind.isBlank() ? null : kind,
                date("from", from),
                date("to", to),
                choice("interval", interval, SearchRequest.Interval.class),
                choice("sort", sort, SearchRequest.Sort.class),
                bool("allCopies", allCopies),
                size(size),
                cursor == null || cursor.isBlank() ? null : cursor);
        return service.search(request);
    }

    @GET
    @Path("/articles/{id}")
    @Operation(summary = "An article with its other copies (same story cluster) and similar stories")
    public ArticleDetail article(@PathParam("id") String id) throws IOException {
        if (!id.matches("[0-9a-f]{32}")) {
            throw new InvalidParameterException("id", "article id must be 32 lowercase hex characters");
        }
        return service.article(id).orElseThrow(() -> new NotFoundException("no article " + id));
    }

    private int size(String size) {
        if (size == null || size.isBlank()) {
            return config.defaultPageSize();
        }
        try {
            int n = Integer.parseInt(size.strip());
            if (n >= 1 && n <= config.maxPageSize()) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("size", "size must be a number from 1 to " + config.maxPageSize() + ", got '" + size + "'");
    }

    private static String date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate.parse(v);
            } else {
                Instant.parse(v);
            }
            return v;
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be a date (2025-03-31) or an instant (2025-03-31T08:00:00Z), got '" + value + "'");
        }
    }

    private static boolean bool(String name, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw new InvalidParameterException(name, name + " must be true or false, got '" + value + "'");
        };
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.strip())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidParameterException(name, name + " must be one of " + String.join(", ", names) + ", got '" + value + "'");
    }

    private static List<String> split(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
