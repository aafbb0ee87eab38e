package org.ronda.search.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronda.contracts.ArticleIds;
import org.ronda.contracts.EnrichedArticle;
import org.ronda.contracts.Enrichment;
import org.ronda.contracts.EntityTag;
import org.ronda.contracts.Evidence;
import org.ronda.contracts.RawArticle;
import org.ronda.contracts.SourceRef;
import org.ronda.contracts.TopicTag;
import org.ronda.index.elastic.ArticleDocuments;
import org.ronda.index.elastic.IndexSetup;
import org.ronda.search.config.SearchConfig;

/**
 * The search API over 30 hand-built articles indexed with the index service's own template and
 * document conversion. Real: Elasticsearch (./ronda engines up), the service. Faked: nothing.
 */
@QuarkusTest
@WithTestResource(IsolatedSearchIndex.class)
public class SearchResourceIT {

    static final SourceRef STAR = new SourceRef("my-star", "The Star", "MY", "en", "media");
    static final SourceRef KHMER_TIMES = new SourceRef("kh-khmertimes", "Khmer Times", "KH", "en", "media");
    static final SourceRef VNEXPRESS = new SourceRef("vn-vnexpress", "VnExpress", "VN", "vi", "media");
    static final SourceRef BANGKOK_POST = new SourceRef("th-bangkokpost", "Bangkok Post", "TH", "en", "media");
    static final SourceRef UNODC = new SourceRef("unodc-press", "UNODC", "AT", "en", "official");
    static final List<SourceRef> MEDIA = List.of(STAR, KHMER_TIMES, VNEXPRESS, BANGKOK_POST);

    /** The seeded articles; ResearcherPageIT shares them, as both classes share one index. */
    public static final List<EnrichedArticle> ARTICLES = new ArrayList<>();
    static final EnrichedArticle RAID = add(KHMER_TIMES, "Police raid scam centre in Sihanoukville",
            "Cambodian police raided a scam centre in Sihanoukville and freed trafficking victims held in a casino compound.",
            "en", day(3), List.of("scam", "human-trafficking"), List.of("KH"), List.of(), "c-raid");
    static final EnrichedArticle RAID_COPY = add(STAR, "Police raid scam centre in Sihanoukville, Malaysians freed",
            "Malaysians were freed from the compound after the raid, officials said.",
            "en", day(3), List.of("scam", "human-trafficking"), List.of("KH", "MY"), List.of(), "c-raid");
    static final EnrichedArticle LAUNDERING = add(BANGKOK_POST, "Thai police arrest money laundering ring",
            "Police arrested five suspects accused of laundering money through shell companies.",
            "en", day(4), List.of("money-laundering"), List.of("TH"), List.of(), null);
    static final EnrichedArticle VIETNAMESE = add(VNEXPRESS, "Cảnh sát bắt giữ đường dây lừa đảo",
            "Công an đã bắt giữ một đường dây lừa đảo trực tuyến.",
            "vi", day(5), List.of("scam"), List.of("VN"), List.of(), null);
    static final EnrichedArticle METH = add(UNODC, "UNODC report on methamphetamine trafficking in the Mekong",
            "Seizures of methamphetamine reached a record in the Golden Triangle, the report says.",
            "en", day(10), List.of("drugs"), List.of("MM", "LA", "TH"), List.of("unodc"), null);
    static final EnrichedArticle LOTTERY = add(STAR, "Lottery scam victims lose millions",
            "Victims of a lottery scam lost millions of ringgit to a syndicate.",
            "en", day(11), List.of("scam"), List.of("MY"), List.of(), null);
    static final EnrichedArticle RESCUE = add(KHMER_TIMES, "Trafficked workers rescued from casino",
            "Police in Sihanoukville rescued trafficked workers from a casino compound; the victims were held for months.",
            "en", day(12), List.of("human-trafficking"), List.of("KH", "TH"), List.of(), null);

    static {
        for (int i = 0; i < 23; i++) {
            SourceRef source = MEDIA.get(i % 4);
            // One title with a comma and quotes, for the CSV export.
            String title = i == 0 ? "Market report 0: rice \"prices\" steady, traders say" : "Market report " + i + ": rice prices steady";
            add(source, title, "Rice prices were steady at the wholesale market this week.",
                    source == VNEXPRESS ? "vi" : "en", day(3 + i % 10), List.of(), List.of(), List.of(), null);
        }
    }

    private static final Set<String> SEEDED = new HashSet<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ElasticsearchClient client;

    @Inject
    SearchConfig config;

    @BeforeEach
    void seedOnce() throws IOException {
        if (!SEEDED.add(config.alias())) {
            return;
        }
        IndexSetup.install(client, config.alias());
        List<BulkOperation> ops = new ArrayList<>();
        Instant now = Instant.now();
        for (EnrichedArticle a : ARTICLES) {
            Map<String, Object> doc = ArticleDocuments.toDocument(a, now);
            ops.add(BulkOperation.of(b -> b.index(i -> i.index(config.alias()).id(a.articleId()).document(doc))));
        }
        BulkResponse response = client.bulk(b -> b.operations(ops));
        assertThat(response.errors()).as("bulk errors").isFalse();
        client.indices().refresh(r -> r.index(config.alias()));
    }

    @Test
    void wordQueryGivesOneRowPerStoryWithHighlightsAndEvidence() {
        JsonPath page = search(given().queryParam("q", "scam"));
        assertThat(page.getLong("total")).isEqualTo(3);
        assertThat(page.getLong("stories")).isEqualTo(2);
        assertThat(ids(page)).hasSize(2).contains(LOTTERY.articleId()).containsAnyOf(RAID.articleId(), RAID_COPY.articleId());
        Map<String, Object> raid = row(page, "c-raid");
        assertThat(raid.get("clusterSize")).isEqualTo(2);
        assertThat(raid.get("highlights").toString()).contains("<em>scam</em>");
        assertThat(raid.get("evidence").toString()).contains("topic=scam").contains("term=scam centre");
    }

    @Test
    void allCopiesListsBothCopiesOfTheStory() {
        JsonPath page = search(given().queryParam("q", "\"scam centre\"").queryParam("allCopies", "true"));
        assertThat(ids(page)).containsExactlyInAnyOrder(RAID.articleId(), RAID_COPY.articleId());
        assertThat(page.getList("results.clusterSize")).containsOnlyNulls();
        assertThat(page.getString("stories")).isNull();

        JsonPath collapsed = search(given().queryParam("q", "\"scam centre\""));
        assertThat(collapsed.getList("results")).hasSize(1);
        assertThat(collapsed.getInt("results[0].clusterSize")).isEqualTo(2);
    }

    @Test
    void booleanOperatorsAndPrefixes() {
        assertThat(allIds("scam -lottery")).containsExactlyInAnyOrder(RAID.articleId(), RAID_COPY.articleId());
        assertThat(allIds("scam NOT lottery")).containsExactlyInAnyOrder(RAID.articleId(), RAID_COPY.articleId());
        assertThat(allIds("scam OR laundering"))
                .containsExactlyInAnyOrder(RAID.articleId(), RAID_COPY.articleId(), LOTTERY.articleId(), LAUNDERING.articleId());
        assertThat(allIds("police AND laundering")).containsExactly(LAUNDERING.articleId());
        assertThat(allIds("(lottery OR laundering) victims")).containsExactly(LOTTERY.articleId());
        assertThat(allIds("traffick*")).containsExactlyInAnyOrder(RAID.articleId(), METH.articleId(), RESCUE.articleId());
        assertThat(allIds("\"casino compound\"")).containsExactlyInAnyOrder(RAID.articleId(), RESCUE.articleId());
    }

    @Test
    void fieldFilters() {
        assertThat(allIds("outlet:\"The Star\" scam")).containsExactlyInAnyOrder(RAID_COPY.articleId(), LOTTERY.articleId());
        assertThat(allIds("title:raid")).containsExactlyInAnyOrder(RAID.articleId(), RAID_COPY.articleId());
        assertThat(allIds("text:raid")).containsExactly(RAID_COPY.articleId());
        assertThat(allIds("org:UNODC")).containsExactly(METH.articleId());
        assertThat(allIds("topic:drugs OR country:my"))
                .containsExactlyInAnyOrder(METH.articleId(), RAID_COPY.articleId(), LOTTERY.articleId());
        assertThat(allIds("lang:vi lừa")).containsExactly(VIETNAMESE.articleId());
    }

    @Test
    void topicAndCountryFiltersWithCountryScope() {
        JsonPath mentioned = search(given().queryParam("topic", "scam").queryParam("country", "kh").queryParam("allCopies", "true"));
        assertThat(ids(mentioned)).containsExactlyInAnyOrder(RAID.articleId(), RAID_COPY.articleId());
        JsonPath outlet = search(given().queryParam("topic", "scam").queryParam("country", "KH")
                .queryParam("countryScope", "outlet").queryParam("allCopies", "true"));
        assertThat(ids(outlet)).containsExactly(RAID.articleId());
        JsonPath any = search(given().queryParam("topic", "scam").queryParam("country", "MY")
                .queryParam("countryScope", "any").queryParam("allCopies", "true"));
        assertThat(ids(any)).containsExactlyInAnyOrder(RAID_COPY.articleId(), LOTTERY.articleId());
        JsonPath official = search(given().queryParam("kind", "official"));
        assertThat(ids(official)).containsExactly(METH.articleId());
        JsonPath languages = search(given().queryParam("lang", "vi").queryParam("from", "2025-03-05").queryParam("to", "2025-03-05"));
        assertThat(languages.getLong("total")).isEqualTo(count(a -> a.enrichment().language().equals("vi") && a.article().publishedAt().equals(day(5))));
    }

    @Test
    void facetsCountMatchingArticles() {
        JsonPath page = search(given().queryParam("q", "scam"));
        assertThat(facet(page, "topics")).containsEntry("scam", 3).containsEntry("human-trafficking", 2);
        assertThat(facet(page, "outlet")).containsEntry("The Star", 2).containsEntry("Khmer Times", 1);
        assertThat(facet(page, "countries")).containsEntry("KH", 2).containsEntry("MY", 2);

        JsonPath all = search(given());
        assertThat(all.getLong("total")).isEqualTo(30);
        assertThat(facet(all, "language")).containsEntry("vi", 7).containsEntry("en", 23);
        assertThat(facet(all, "sourceKind")).containsEntry("official", 1).containsEntry("media", 29);
        assertThat(facet(all, "outletCountry")).containsEntry("MY", 8).containsEntry("KH", 8).containsEntry("AT", 1);
        assertThat(facet(all, "organisations")).containsEntry("unodc", 1);
    }

    @Test
    void histogramGivesCountsAndShareOfAllArticlesUnderTheSameFilters() {
        JsonPath page = search(given().queryParam("q", "scam").queryParam("lang", "en"));
        List<Map<String, Object>> buckets = page.getList("histogram");
        assertThat(buckets).extracting(b -> b.get("date")).startsWith("2025-03-03").endsWith("2025-03-11");
        Map<String, Object> first = buckets.get(0);
        long all = count(a -> a.enrichment().language().equals("en") && a.article().publishedAt().equals(day(3)));
        assertThat(((Number) first.get("count")).longValue()).isEqualTo(2);
        assertThat(((Number) first.get("all")).longValue()).isEqualTo(all);
        assertThat(((Number) first.get("share")).doubleValue()).isEqualTo(2.0 / all);

        JsonPath weekly = search(given().queryParam("interval", "week"));
        long sum = weekly.getList("histogram.count", Integer.class).stream().mapToLong(Integer::longValue).sum();
        assertThat(sum).isEqualTo(30);
        assertThat(weekly.getList("histogram.share", Float.class)).allMatch(s -> s == 1.0f);
    }

    @Test
    void cursorPagesThroughEveryArticleWithoutOverlap() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification spec = given().queryParam("allCopies", "true").queryParam("sort", "date").queryParam("size", 7);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = search(spec);
            if (pages > 0) {
                assertThat(page.getString("facets")).as("facets on the first page only").isNull();
            }
            seen.addAll(ids(page));
            cursor = page.getString("cursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(30).doesNotHaveDuplicates();

        List<String> clusters = new ArrayList<>();
        cursor = null;
        pages = 0;
        do {
            RequestSpecification spec = given().queryParam("size", 10);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = search(spec);
            clusters.addAll(page.getList("results.clusterId", String.class));
            cursor = page.getString("cursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(clusters).hasSize(29).doesNotHaveDuplicates();
    }

    @Test
    void cursorFromOtherParametersIsRefused() {
        String cursor = search(given().queryParam("size", 5)).getString("cursor");
        given().queryParam("size", 5).queryParam("q", "scam").queryParam("cursor", cursor).when().get("/api/search")
                .then().statusCode(400).body("parameter", equalTo("cursor"));
        given().queryParam("cursor", "not-a-cursor").when().get("/api/search")
                .then().statusCode(400).body("parameter", equalTo("cursor"));
    }

    @Test
    void badQueryAndBadParametersAre400() {
        given().queryParam("q", "scam \"centre").when().get("/api/search")
                .then().statusCode(400)
                .body("error", equalTo("unclosed quote at 5"))
                .body("position", equalTo(5));
        given().queryParam("q", "foo:bar").when().get("/api/search")
                .then().statusCode(400).body("error", containsString("unknown field 'foo' at 0 (fields: title"));
        given().queryParam("topic", "burglary").when().get("/api/search")
                .then().statusCode(400).body("parameter", equalTo("topic"));
        given().queryParam("size", "1000").when().get("/api/search")
                .then().statusCode(400).body("parameter", equalTo("size"));
        given().queryParam("from", "last week").when().get("/api/search")
                .then().statusCode(400).body("parameter", equalTo("from"));
        given().queryParam("sort", "random").when().get("/api/search")
                .then().statusCode(400).body("error", containsString("relevance, date"));
    }

    @Test
    void articleDetailHasTheOtherCopyThenSimilarStories() {
        JsonPath detail = given().when().get("/api/articles/" + RAID.articleId())
                .then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("article.title")).isEqualTo("Police raid scam centre in Sihanoukville");
        assertThat(detail.getString("article.text")).startsWith("Cambodian police");
        assertThat(detail.getList("sameStory.articleId")).containsExactly(RAID_COPY.articleId());
        List<String> related = detail.getList("related.articleId");
        assertThat(related).contains(RESCUE.articleId()).doesNotContain(RAID.articleId(), RAID_COPY.articleId());

        given().when().get("/api/articles/" + "0".repeat(32)).then().statusCode(404).body("error", containsString("no article"));
        given().when().get("/api/articles/nope").then().statusCode(400);
    }

    @Test
    void csvExportHasItsHeaderThenEveryCopyQuoted() throws IOException {
        Response response = given().queryParam("format", "csv").when().get("/api/search/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().response();
        assertThat(response.header("Content-Disposition")).matches("attachment; filename=\"ronda-export-\\d{8}T\\d{6}Z\\.csv\"");
        String body = response.asString();
        String[] lines = body.split("\r\n", 2);
        assertThat(lines[0]).startsWith("# ");
        JsonNode header = JSON.readTree(lines[0].substring(2));
        assertThat(header.get("query").asText()).isEmpty();
        assertThat(header.get("total").asLong()).isEqualTo(30);
        assertThat(header.get("rulesVersions").toString()).isEqualTo("[\"test-rules\"]");
        assertThat(header.get("exportedAt").asText()).isNotEmpty();

        List<List<String>> rows = csv(lines[1]);
        assertThat(rows.get(0)).containsExactly("articleId", "publishedAt", "outlet", "outletCountry", "sourceKind", "language",
                "topics", "countries", "organisations", "clusterId", "title", "url", "rulesVersion");
        assertThat(rows.subList(1, rows.size())).hasSize(30).extracting(r -> r.get(0)).doesNotHaveDuplicates()
                .containsAll(ARTICLES.stream().map(EnrichedArticle::articleId).toList());
        assertThat(body).contains(",\"Market report 0: rice \"\"prices\"\" steady, traders say\",");
        List<String> raid = rows.stream().filter(r -> r.get(0).equals(RAID_COPY.articleId())).findFirst().orElseThrow();
        assertThat(raid).containsExactly(RAID_COPY.articleId(), day(3).toString(), "The Star", "MY", "media", "en",
                "scam;human-trafficking", "KH;MY", "", "c-raid", "Police raid scam centre in Sihanoukville, Malaysians freed",
                RAID_COPY.article().url(), "test-rules");
    }

    @Test
    void ndjsonExportAppliesTheQueryAndFilters() throws IOException {
        long total = search(given().queryParam("q", "scam OR trafficking").queryParam("lang", "en").queryParam("allCopies", "true"))
                .getLong("total");
        String body = given().queryParam("format", "ndjson").queryParam("q", "scam OR trafficking").queryParam("lang", "en")
                .when().get("/api/search/export")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", containsString(".ndjson\""))
                .extract().asString();
        List<String> lines = body.lines().toList();
        JsonNode header = JSON.readTree(lines.get(0)).get("export");
        assertThat(header.get("query").asText()).isEqualTo("scam OR trafficking");
        assertThat(header.get("filters").get("languages").toString()).isEqualTo("[\"en\"]");
        assertThat(header.get("total").asLong()).isEqualTo(total);
        assertThat(lines).hasSize((int) total + 1);
        for (String line : lines.subList(1, lines.size())) {
            JsonNode row = JSON.readTree(line);
            assertThat(row.get("language").asText()).isEqualTo("en");
            assertThat(row.get("rulesVersion").asText()).isEqualTo("test-rules");
        }
        given().queryParam("format", "xlsx").when().get("/api/search/export").then().statusCode(400).body("parameter", equalTo("format"));
        given().queryParam("q", "scam \"centre").when().get("/api/search/export").then().statusCode(400).body("position", equalTo(5));
    }

    @Test
    void coverageCountsArticlesPerOutletPerDayAndFindsGaps() {
        JsonPath coverage = given().queryParam("from", "2025-03-01").queryParam("to", "2025-03-14")
                .when().get("/api/coverage").then().statusCode(200).extract().jsonPath();
        List<String> days = coverage.getList("days", String.class);
        assertThat(days).hasSize(14).startsWith("2025-03-01").endsWith("2025-03-14");
        List<Map<String, Object>> outlets = coverage.getList("outlets");
        assertThat(outlets).extracting(o -> o.get("outlet"))
                .containsExactlyInAnyOrder("The Star", "Khmer Times", "VnExpress", "Bangkok Post", "UNODC");
        for (Map<String, Object> outlet : outlets) {
            List<Long> expected = new ArrayList<>();
            for (int d = 1; d <= 14; d++) {
                Instant at = day(d);
                expected.add(count(a -> a.article().source().outlet().equals(outlet.get("outlet")) && a.article().publishedAt().equals(at)));
            }
            List<Long> counts = ((List<?>) outlet.get("counts")).stream().map(n -> ((Number) n).longValue()).toList();
            assertThat(counts).as("counts of %s", outlet.get("outlet")).isEqualTo(expected);
        }
        Map<String, Object> unodc = outlets.stream().filter(o -> o.get("outlet").equals("UNODC")).findFirst().orElseThrow();
        assertThat(unodc.get("outletCountry")).isEqualTo("AT");
        assertThat((List<?>) unodc.get("gaps")).isEmpty();

        JsonPath scam = given().queryParam("from", "2025-03-01").queryParam("to", "2025-03-14").queryParam("topic", "scam")
                .queryParam("outlet", "The Star").when().get("/api/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(scam.getList("outlets.outlet")).containsExactly("The Star");
        assertThat(scam.getList("outlets[0].gaps", String.class))
                .containsExactly("2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09", "2025-03-10");
        given().queryParam("from", "2025-03-10").queryParam("to", "2025-03-01").when().get("/api/coverage")
                .then().statusCode(400).body("parameter", equalTo("from"));
    }

    @Test
    void openApiDescribesTheSearch() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/search"));
    }

    /** Records of an RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> csv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }

    private static JsonPath search(RequestSpecification spec) {
        return spec.when().get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath page) {
        return page.getList("results.articleId", String.class);
    }

    private static List<String> allIds(String q) {
        return ids(search(given().queryParam("q", q).queryParam("allCopies", "true").queryParam("size", 100)));
    }

    private static Map<String, Object> row(JsonPath page, String clusterId) {
        List<Map<String, Object>> rows = page.getList("results");
        return rows.stream().filter(r -> clusterId.equals(r.get("clusterId"))).findFirst().orElseThrow();
    }

    private static Map<String, Integer> facet(JsonPath page, String name) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        List<Map<String, Object>> buckets = page.getList("facets." + name);
        buckets.forEach(b -> counts.put((String) b.get("key"), ((Number) b.get("count")).intValue()));
        return counts;
    }

    private static long count(java.util.function.Predicate<EnrichedArticle> p) {
        return ARTICLES.stream().filter(p).count();
    }

    private static Instant day(int dayOfMarch) {
        return LocalDate.of(2025, 3, dayOfMarch).atTime(8, 0).toInstant(ZoneOffset.UTC);
    }

    private static EnrichedArticle add(SourceRef source, String title, String text, String language, Instant publishedAt,
            List<String> topics, List<String> countries, List<String> organisations, String clusterId) {
        String url = "https://" + source.id() + ".example/" + ARTICLES.size();
        String id = ArticleIds.of(url);
        Instant now = Instant.parse("2025-03-20T00:00:00Z");
        RawArticle raw = new RawArticle(RawArticle.SCHEMA_VERSION, "raw-" + id, id, now, url, null, source, title, text,
                null, publishedAt, language, now, null, null, null, false, null);
        List<TopicTag> tags = new ArrayList<>();
        for (String topic : topics) {
            int at = title.indexOf("scam centre");
            Evidence evidence = topic.equals("scam") && at >= 0
                    ? new Evidence("scam centre", "title", at, at + "scam centre".length())
                    : new Evidence(topic, "text", 0, 1);
            tags.add(new TopicTag(topic, 1.0, List.of(evidence)));
        }
        Enrichment enrichment = new Enrichment("test-rules", language, tags, now,
                entities(countries), entities(organisations), clusterId, clusterId == null || source == KHMER_TIMES);
        EnrichedArticle event = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "enriched-" + id, id, now, raw, enrichment);
        ARTICLES.add(event);
        return event;
    }

    private static List<EntityTag> entities(List<String> ids) {
        return ids.stream().map(i -> new EntityTag(i, List.of(new Evidence(i.toLowerCase(), "text", 0, 1)))).toList();
    }
}
