package org.ronda.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.util.NamedValue;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.ronda.search.config.SearchConfig;
import org.ronda.query.QueryParser;
import org.ronda.search.query.QueryTranslator;

/**
 * Runs searches against the article alias: the query, the filters, facets, the coverage histogram,
 * one row per story, and paging over a point in time. Elasticsearch failures surface as
 * {@link IOException} or {@link ElasticsearchException}; a query that does not parse as
 * {@link org.ronda.search.query.QuerySyntaxException}.
 */
@ApplicationScoped
public class SearchService {

    private static final Logger LOG = Logger.getLogger(SearchService.class);

    /** Facet name in the response → document field. */
    static final Map<String, String> FACETS = facets();
    /** Elasticsearch's default index.max_result_window: offsets past it are refused. */
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final String COPIES = "copies";
    private static final List<String> ROW_FIELDS = List.of("articleId", "title", "url", "outlet", "outletCountry",
            "publishedAt", "language", "topics", "tags", "clusterId");

    private final ElasticsearchClient client;
    private final SearchConfig config;
    private final QueryParser parser = new QueryParser();
    private final QueryTranslator translator = new QueryTranslator();

    public SearchService(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.config = config;
    }

    /** The page of {@code request}. */
    public SearchPage search(SearchRequest request) throws IOException {
        List<Query> filters = filters(request);
        Query main = mainQuery(request, filters);

        PageCursor previous = request.cursor() == null ? null : PageCursor.decode(request.cursor());
        if (previous != null && !previous.fingerprint().equals(request.fingerprint())) {
            throw new InvalidParameterException("cursor", "cursor belongs to a search with other parameters");
        }
        boolean firstPage = previous == null;
        String keepAlive = config.cursorKeepAlive().toSeconds() + "s";
        String pit = firstPage
                ? client.openPointInTime(p -> p.index(config.alias()).keepAlive(Time.of(t -> t.time(keepAlive)))).id()
                : previous.pit();
        int offset = previous != null && previous.offset() != null ? previous.offset() : 0;

        SearchResponse<ArticleSource> response;
        try {
            response = client.search(s -> {
                s.pit(p -> p.id(pit).keepAlive(Time.of(t -> t.time(keepAlive))))
                        .query(main)
                        .size(request.size())
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(sort(request.sort()))
                        .source(src -> src.filter(f -> f.includes(ROW_FIELDS)))
                        .highlight(h -> h.encoder(HighlighterEncoder.Html).preTags("<em>").postTags("</em>")
                                .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))))
                                .fields(NamedValue.of("text", HighlightField.of(f -> f.fragmentSize(160).numberOfFragments(3)))));
                if (!request.allCopies()) {
                    s.collapse(c -> c.field("clusterId").innerHits(i -> i.name(COPIES).size(0)))
                            .from(offset);
                } else if (previous != null) {
                    s.searchAfter(previous.after());
                }
                if (firstPage) {
                    s.aggregations(aggregations(request, filters));
                }
                return s;
            }, ArticleSource.class);
        } catch (ElasticsearchException e) {
            if (!firstPage && e.status() == 404) {
                throw new InvalidParameterException("cursor", "cursor expired; run the search again without it");
            }
            throw e;
        }

        List<Hit<ArticleSource>> hits = response.hits().hits();
        List<ResultRow> rows = new ArrayList<>();
        hits.forEach(h -> rows.add(row(h, !request.allCopies())));
        long total = totalOf(response.hits().total());
        String cursor = nextCursor(request, response, hits, offset);
        if (cursor == null) {
            closeQuietly(response.pitId() != null ? response.pitId() : pit);
        }
        Long stories = null;
        Map<String, List<SearchPage.FacetBucket>> facets = null;
        List<SearchPage.HistogramBucket> histogram = null;
        if (firstPage) {
            facets = facets(response);
            histogram = histogram(response);
            if (!request.allCopies()) {
                stories = response.aggregations().get("stories").cardinality().value();
            }
        }
        return new SearchPage(total, stories, rows, facets, histogram, cursor);
    }

    /**
     * Every article matching {@code request} (every copy, whatever its size and sort say), newest
     * first. The point in time is open and the first page read when this returns.
     *
     * @throws org.ronda.search.query.QuerySyntaxException if the query does not parse
     */
    public Export export(SearchRequest request) throws IOException {
        Query main = mainQuery(request, filters(request));
        return new Export(client, config.alias(), main, config.exportPageSize(), config.cursorKeepAlive().toSeconds() + "s");
    }

    /**
     * Matching articles per outlet per day from {@code from} to {@code to} inclusive (UTC days); the
     * request's own dates are ignored.
     */
    public Coverage coverage(SearchRequest request, LocalDate from, LocalDate to) throws IOException {
        SearchRequest period = new SearchRequest(request.query(), request.topics(), request.countries(),
                request.countryScope(), request.languages(), request.outlets(), request.kind(), from.toString(),
                to.toString(), SearchRequest.Interval.DAY, SearchRequest.Sort.DATE, true, 1, null);
        List<Query> filters = filters(period);
        Query main = mainQuery(period, filters);
        SearchResponse<Void> response = client.search(s -> s.index(config.alias())
                .query(main)
                .size(0)
                .aggregations("outlets", a -> a
                        .terms(t -> t.field("outlet").size(config.coverageMaxOutlets()))
                        .aggregations("country", c -> c.terms(t -> t.field("outletCountry").size(1)))
                        .aggregations("days", d -> d.dateHistogram(h -> h.field("publishedAt")
                                .calendarInterval(CalendarInterval.Day).format("yyyy-MM-dd").minDocCount(0)
                                .extendedBounds(b -> b.min(FieldDateMath.of(m -> m.expr(from.toString())))
                                        .max(FieldDateMath.of(m -> m.expr(to.toString()))))))),
                Void.class);

        List<String> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d.toString());
        }
        List<Coverage.OutletCoverage> outlets = new ArrayList<>();
        for (StringTermsBucket outlet : response.aggregations().get("outlets").sterms().buckets().array()) {
            Map<String, Long> byDay = new HashMap<>();
            outlet.aggregations().get("days").dateHistogram().buckets().array()
                    .forEach(b -> byDay.put(b.keyAsString(), b.docCount()));
            List<Long> counts = new ArrayList<>();
            int first = -1;
            int last = -1;
            for (int i = 0; i < days.size(); i++) {
                long n = byDay.getOrDefault(days.get(i), 0L);
                counts.add(n);
                if (n > 0) {
                    first = first < 0 ? i : first;
                    last = i;
                }
            }
            List<String> gaps = new ArrayList<>();
            for (int i = Math.max(first, 0); i <= last; i++) {
                if (counts.get(i) == 0) {
                    gaps.add(days.get(i));
                }
            }
            List<StringTermsBucket> country = outlet.aggregations().get("country").sterms().buckets().array();
            outlets.add(new Coverage.OutletCoverage(outlet.key().stringValue(),
                    country.isEmpty() ? null : country.get(0).key().stringValue(), counts, gaps));
        }
        return new Coverage(days, outlets);
    }

    /** The article {@code articleId} with its other copies and similar stories, if it is indexed. */
    public Optional<ArticleDetail> article(String articleId) throws IOException {
        // Searched, not fetched by id: the alias may cover several indices after a rollover.
        SearchResponse<ArticleSource> found = client.search(s -> s.index(config.alias())
                .query(q -> q.ids(i -> i.values(articleId))).size(1), ArticleSource.class);
        if (found.hits().hits().isEmpty()) {
            return Optional.empty();
        }
        Hit<ArticleSource> hit = found.hits().hits().get(0);
        ArticleSource article = hit.source();
        String clusterId = article.clusterId() == null ? articleId : article.clusterId();

        SearchResponse<ArticleSource> sameStory = client.search(s -> s.index(config.alias())
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("clusterId").value(clusterId)))
                        .mustNot(n -> n.ids(i -> i.values(articleId)))))
                .sort(so -> so.field(f -> f.field("publishedAt").order(SortOrder.Asc)))
                .source(src -> src.filter(f -> f.includes(ROW_FIELDS)))
                .size(config.maxPageSize()), ArticleSource.class);
        SearchResponse<ArticleSource> related = client.search(s -> s.index(config.alias())
                .query(q -> q.bool(b -> b
                        .must(m -> m.moreLikeThis(l -> l.fields("title", "text")
                                .like(like -> like.document(d -> d.index(hit.index()).id(articleId)))
                                // A word in this article alone cannot find another one.
                                .minTermFreq(1).minDocFreq(2).maxQueryTerms(25)))
                        .mustNot(n -> n.term(t -> t.field("clusterId").value(clusterId)))))
                .collapse(c -> c.field("clusterId"))
                .source(src -> src.filter(f -> f.includes(ROW_FIELDS)))
                .size(10), ArticleSource.class);

        List<ResultRow> copies = new ArrayList<>();
        sameStory.hits().hits().forEach(h -> copies.add(row(h, false)));
        List<ResultRow> similar = new ArrayList<>();
        related.hits().hits().forEach(h -> similar.add(row(h, false)));
        return Optional.of(new ArticleDetail(article, copies, similar));
    }

    /**
     * The query of {@code request}, under {@code filters}.
     *
     * @throws org.ronda.search.query.QuerySyntaxException if the query does not parse
     */
    Query mainQuery(SearchRequest request, List<Query> filters) {
        Query userQuery = request.query().isEmpty()
                ? Query.of(q -> q.matchAll(m -> m))
                : translator.toQuery(parser.parse(request.query()));
        return Query.of(q -> q.bool(b -> b.must(userQuery).filter(filters)));
    }

    /** The filters of {@code r}, one query each, for a bool filter clause. */
    static List<Query> filters(SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        terms(filters, "topics", r.topics());
        if (!r.countries().isEmpty()) {
            switch (r.countryScope()) {
                case MENTIONED -> terms(filters, "countries", r.countries());
                case OUTLET -> terms(filters, "outletCountry", r.countries());
                case ANY -> filters.add(Query.of(q -> q.bool(b -> b
                        .should(termsQuery("countries", r.countries()))
                        .should(termsQuery("outletCountry", r.countries()))
                        .minimumShouldMatch("1"))));
            }
        }
        terms(filters, "language", r.languages());
        terms(filters, "outlet", r.outlets());
        if (r.kind() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("sourceKind").value(r.kind()))));
        }
        if (r.from() != null || r.to() != null) {
            filters.add(Query.of(q -> q.range(rq -> rq.date(d -> {
                d.field("publishedAt");
                if (r.from() != null) {
                    d.gte(r.from());
                }
                if (r.to() != null) {
                    d.lte(r.to());
                }
                return d;
            }))));
        }
        return filters;
    }

    private static void terms(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(termsQuery(field, values));
        }
    }

    private static Query termsQuery(String field, List<String> values) {
        List<FieldValue> fv = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fv))));
    }

    private static List<SortOptions> sort(SearchRequest.Sort sort) {
        SortOptions byDate = SortOptions.of(s -> s.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
        if (sort == SearchRequest.Sort.DATE) {
            return List.of(byDate);
        }
        return List.of(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))), byDate);
    }

    private Map<String, Aggregation> aggregations(SearchRequest request, List<Query> filters) {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        FACETS.forEach((name, field) -> aggs.put(name,
                Aggregation.of(a -> a.terms(t -> t.field(field).size(config.facetSize())))));
        CalendarInterval interval = switch (request.interval()) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
        Aggregation histogram = Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                .calendarInterval(interval).format("yyyy-MM-dd").minDocCount(0)));
        aggs.put("histogram", histogram);
        // The same histogram over every article under the filters but not the query: the denominator
        // of each bucket's share.
        Query filtersOnly = Query.of(q -> q.bool(b -> b.filter(filters)));
        aggs.put("all", Aggregation.of(a -> a.global(g -> g)
                .aggregations("filtered", f -> f.filter(filtersOnly).aggregations("histogram", histogram))));
        if (!request.allCopies()) {
            aggs.put("stories", Aggregation.of(a -> a.cardinality(c -> c.field("clusterId"))));
        }
        return aggs;
    }

    private static Map<String, List<SearchPage.FacetBucket>> facets(SearchResponse<ArticleSource> response) {
        Map<String, List<SearchPage.FacetBucket>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            List<SearchPage.FacetBucket> buckets = new ArrayList<>();
            for (StringTermsBucket b : response.aggregations().get(name).sterms().buckets().array()) {
                buckets.add(new SearchPage.FacetBucket(b.key().stringValue(), b.docCount()));
            }
            facets.put(name, buckets);
        }
        return facets;
    }

    private static List<SearchPage.HistogramBucket> histogram(SearchResponse<ArticleSource> response) {
        Map<String, Long> all = new HashMap<>();
        response.aggregations().get("all").global().aggregations().get("filtered").filter()
                .aggregations().get("histogram").dateHistogram().buckets().array()
                .forEach(b -> all.put(b.keyAsString(), b.docCount()));
        List<SearchPage.HistogramBucket> out = new ArrayList<>();
        for (DateHistogramBucket b : response.aggregations().get("histogram").dateHistogram().buckets().array()) {
            long denominator = all.getOrDefault(b.keyAsString(), 0L);
            double share = denominator == 0 ? 0.0 : (double) b.docCount() / denominator;
            out.add(new SearchPage.HistogramBucket(b.keyAsString(), b.docCount(), denominator, share));
        }
        return out;
    }

    private static ResultRow row(Hit<ArticleSource> hit, boolean collapsed) {
        ArticleSource a = hit.source();
        Long clusterSize = null;
        if (collapsed && hit.innerHits().get(COPIES) != null) {
            clusterSize = totalOf(hit.innerHits().get(COPIES).hits().total());
        }
        return new ResultRow(a.articleId(), a.title(), a.url(), a.outlet(), a.outletCountry(), a.publishedAt(),
                a.language(), a.topics() == null ? List.of() : a.topics(), a.tags() == null ? List.of() : a.tags(),
                hit.highlight(), a.clusterId(), clusterSize);
    }

    private static long totalOf(TotalHits total) {
        return total == null ? 0 : total.value();
    }

    private String nextCursor(SearchRequest request, SearchResponse<ArticleSource> response,
            List<Hit<ArticleSource>> hits, int offset) {
        if (hits.size() < request.size()) {
            return null;
        }
        String pit = response.pitId();
        if (request.allCopies()) {
            return new PageCursor(pit, request.fingerprint(), hits.get(hits.size() - 1).sort(), null).encode();
        }
        int next = offset + hits.size();
        if (next + request.size() > MAX_RESULT_WINDOW) {
            return null;
        }
        return new PageCursor(pit, request.fingerprint(), null, next).encode();
    }

    private void closeQuietly(String pit) {
        try {
            client.closePointInTime(c -> c.id(pit));
        } catch (IOException | ElasticsearchException e) {
            // It expires by itself after the keep-alive.
            LOG.debugf("closing point in time failed: %s", e.getMessage());
        }
    }

    private static Map<String, String> facets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("topics", "topics");
        m.put("countries", "countries");
        m.put("outletCountry", "outletCountry");
        m.put("language", "language");
        m.put("outlet", "outlet");
        m.put("sourceKind", "sourceKind");
        m.put("organisations", "organisations");
        return Collections.unmodifiableMap(m);
    }
}
