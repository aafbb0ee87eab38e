package org.ronda.search.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ronda.contracts.Taxonomy;
import org.ronda.search.config.SearchConfig;
import org.ronda.search.service.ArticleDetail;
import org.ronda.search.service.Coverage;
import org.ronda.search.service.Export;
import org.ronda.search.service.ExportRow;
import org.ronda.search.service.InvalidParameterException;
import org.ronda.search.service.SearchPage;
import org.ronda.search.service.SearchRequest;
import org.ronda.search.service.SearchService;

/** The search API. Parameters that take several values accept them repeated or comma-separated. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private static final DateTimeFormatter EXPORT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final SearchService service;
    private final SearchConfig config;
    private final ObjectMapper json;

    public SearchResource(SearchService service, SearchConfig config, ObjectMapper json) {
        this.service = service;
        this.config = config;
        this.json = json;
    }

    @GET
    @Path("/search")
    @Operation(summary = "Search articles", description = "One row per story unless allCopies=true; facets and "
            + "histogram on the first page only; pass the returned cursor (with the same parameters) for the next page.")
    public SearchPage search(
            @BeanParam SearchFilters filters,
            @Parameter(description = "day | week | month") @QueryParam("interval") @DefaultValue("day") String interval,
            @Parameter(description = "relevance | date") @QueryParam("sort") @DefaultValue("relevance") String sort,
            @Parameter(description = "list every copy of a story") @QueryParam("allCopies") @DefaultValue("false") String allCopies,
            @Parameter(description = "results per page") @QueryParam("size") String size,
            @Parameter(description = "cursor from the previous page") @QueryParam("cursor") String cursor) throws IOException {
        return service.search(request(filters, choice("interval", interval, SearchRequest.Interval.class),
                choice("sort", sort, SearchRequest.Sort.class), bool("allCopies", allCopies), size(size),
                cursor == null || cursor.isBlank() ? null : cursor));
    }

    @GET
    @Path("/search/export")
    @Produces({ExportWriter.CSV, ExportWriter.NDJSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Export every matching article", description = "Every copy, newest first, no row limit, "
            + "streamed as it is read. The first line states the query, the filters, the export time, the total and "
            + "the rules versions: a '# ' comment holding a JSON object in CSV, an {\"export\": {...}} line in NDJSON.")
    public Response export(
            @BeanParam SearchFilters filters,
            @Parameter(description = "csv | ndjson") @QueryParam("format") @DefaultValue("csv") String format) throws IOException {
        ExportWriter.Format chosen = choice("format", format, ExportWriter.Format.class);
        SearchRequest request = request(filters, SearchRequest.Interval.DAY, SearchRequest.Sort.DATE, true, 1, null);
        Instant now = Instant.now();
        // Opened before the response is committed: a bad query is still a 400 and a backend down a 503.
        Export export = service.export(request);
        StreamingOutput body = out -> {
            try (export) {
                new ExportWriter(chosen, out, json).write(header(request, now, export), export);
            }
        };
        String stamp = EXPORT_STAMP.format(now.atOffset(ZoneOffset.UTC));
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"ronda-export-" + stamp + "." + chosen.extension() + "\"")
                .build();
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Articles per outlet per day", description = "Every day from 'from' to 'to' (UTC), each "
            + "outlet's count per day and its gaps: days without an article between its first and last day with one.")
    public Coverage coverage(@BeanParam SearchFilters filters) throws IOException {
        LocalDate to = filters.to == null || filters.to.isBlank() ? LocalDate.now(ZoneOffset.UTC) : day("to", filters.to);
        LocalDate from = filters.from == null || filters.from.isBlank() ? to.minusDays(29) : day("from", filters.from);
        if (from.isAfter(to)) {
            throw new InvalidParameterException("from", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.coverageMaxDays()) {
            throw new InvalidParameterException("to", "the period may span at most " + config.coverageMaxDays() + " days");
        }
        SearchRequest request = request(filters, SearchRequest.Interval.DAY, SearchRequest.Sort.DATE, true, 1, null);
        return service.coverage(request, from, to);
    }

    private SearchRequest request(SearchFilters f, SearchRequest.Interval interval, SearchRequest.Sort sort,
            boolean allCopies, int size, String cursor) {
        List<String> topics = lower(split(f.topic));
        for (String t : topics) {
            if (!Taxonomy.isTopic(t)) {
                throw new InvalidParameterException("topic", "unknown topic '" + t + "' (topics: " + String.join(", ", Taxonomy.TOPIC_IDS) + ")");
            }
        }
        List<String> countries = new ArrayList<>();
        for (String c : split(f.country)) {
            if (!c.matches("[A-Za-z]{2}")) {
                throw new InvalidParameterException("country", "country must be a two-letter code, got '" + c + "'");
            }
            countries.add(c.toUpperCase(Locale.ROOT));
        }
        String kind = f.kind;
        if (kind != null && !kind.isBlank() && !kind.equals("media") && !kind.equals("official")) {
            throw new InvalidParameterException("kind", "kind must be media or official, got '" + kind + "'");
        }
        return new SearchRequest(
                f.q,
                topics,
                countries,
                choice("countryScope", f.countryScope, SearchRequest.CountryScope.class),
                lower(split(f.lang)),
                f.outlet == null ? List.of() : f.outlet.stream().filter(o -> !o.isBlank()).toList(),
                kind == null || kind.isBlank() ? null : kind,
                date("from", f.from),
                date("to", f.to),
                interval,
                sort,
                allCopies,
                size,
                cursor);
    }

    /** What the first line of an export says: enough to run the same export again and to cite it. */
    private static Map<String, Object> header(SearchRequest r, Instant now, Export export) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("topics", r.topics());
        filters.put("countries", r.countries());
        filters.put("countryScope", r.countryScope().name().toLowerCase(Locale.ROOT));
        filters.put("languages", r.languages());
        filters.put("outlets", r.outlets());
        filters.put("kind", r.kind());
        filters.put("from", r.from());
        filters.put("to", r.to());
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("query", r.query());
        header.put("filters", filters);
        header.put("exportedAt", now.toString());
        header.put("total", export.total());
        header.put("rulesVersions", export.rulesVersions());
        header.put("columns", ExportRow.FIELDS);
        return header;
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

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, name + " must be a date (2025-03-31), got '" + value + "'");
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
        if (values == null) {
            return out;
        }
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
