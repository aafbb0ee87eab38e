package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Pure logic: where publication and update times come from, which are refused, and that offsets are kept. */
class DateRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final ZoneOffset PLUS_7 = ZoneOffset.ofHours(7);
    private static final ZoneOffset PLUS_8 = ZoneOffset.ofHours(8);
    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(NOW, ZoneOffset.UTC));

    // --- values

    @Test
    void anOffsetStatedInAnyCommonFormIsKept() {
        assertThat(DateParser.parse("2026-10-05T08:30:00+07:00", ZoneOffset.UTC)).contains(at(2026, 10, 5, 8, 30, PLUS_7));
        assertThat(DateParser.parse("2026-10-05T08:30:00+0700", ZoneOffset.UTC)).contains(at(2026, 10, 5, 8, 30, PLUS_7));
        assertThat(DateParser.parse("2026-10-05T01:30:00.000Z", PLUS_8)).contains(at(2026, 10, 5, 1, 30, ZoneOffset.UTC));
        assertThat(DateParser.parse("Mon, 05 Oct 2026 08:30:00 +0800", ZoneOffset.UTC)).contains(at(2026, 10, 5, 8, 30, PLUS_8));
        assertThat(DateParser.parse("Chủ nhật, 5/10/2026, 08:30 (GMT+7)", ZoneOffset.UTC)).contains(at(2026, 10, 5, 8, 30, PLUS_7));
        assertThat(DateParser.parse("Senin, 06 Okt 2026 14:32 WIB", ZoneOffset.UTC)).contains(at(2026, 10, 6, 14, 32, PLUS_7));
    }

    @Test
    void aDateWithoutOffsetTakesTheFallbackOrIsRefusedWithoutOne() {
        assertThat(DateParser.parse("2026-10-05 14:20:00", PLUS_7)).contains(at(2026, 10, 5, 14, 20, PLUS_7));
        assertThat(DateParser.parse("2026/10/06 14:32:00", PLUS_7)).contains(at(2026, 10, 6, 14, 32, PLUS_7));
        assertThat(DateParser.parse("2026-10-05 14:20:00", null)).isEmpty();
        assertThat(DateParser.statesOffset("2026-10-05T14:20:00+07:00")).isTrue();
        assertThat(DateParser.statesOffset("2026-10-05T14:20:00")).isFalse();
    }

    @Test
    void monthNamesOfTheRegionAndTheThaiCalendarAreRead() {
        assertThat(DateParser.parse("12 October 2026 15:40", PLUS_7)).contains(at(2026, 10, 12, 15, 40, PLUS_7));
        assertThat(DateParser.parse("October 3, 2026 1:30 PM", PLUS_8)).contains(at(2026, 10, 3, 13, 30, PLUS_8));
        assertThat(DateParser.parse("28 Ogos 2026", PLUS_8)).contains(at(2026, 8, 28, 0, 0, PLUS_8));
        assertThat(DateParser.parse("6 ต.ค. 2569 10:15", PLUS_7)).contains(at(2026, 10, 6, 10, 15, PLUS_7));
        assertThat(DateParser.parse("no date here", PLUS_7)).isEmpty();
    }

    // --- URL pattern

    @Test
    void theUrlPathGivesTheDayInItsSlashDashOrCompactForm() {
        assertThat(DateParser.fromUrl("https://x.my/2026/10/05/police-raid/", PLUS_8)).contains(at(2026, 10, 5, 0, 0, PLUS_8));
        assertThat(DateParser.fromUrl("https://x.id/read/2026/10/08/15324561/slug", PLUS_7)).contains(at(2026, 10, 8, 0, 0, PLUS_7));
        assertThat(DateParser.fromUrl("https://x.com/news/2026-09-14-fuel-smuggling", PLUS_8)).contains(at(2026, 9, 14, 0, 0, PLUS_8));
        assertThat(DateParser.fromUrl("https://x.sg/news/singapore/story20261005-3104567", PLUS_8)).contains(at(2026, 10, 5, 0, 0, PLUS_8));
    }

    @Test
    void theUrlGivesNoDateFromItsQueryFromLongNumbersOrFromImpossibleDays() {
        assertThat(DateParser.fromUrl("https://x.com/article?date=2026-10-05", PLUS_8)).isEmpty();
        assertThat(DateParser.fromUrl("https://x.com/news/d-2026100512345/slug", PLUS_8)).isEmpty();
        assertThat(DateParser.fromUrl("https://x.com/2026/13/45/slug", PLUS_8)).isEmpty();
        assertThat(DateParser.fromUrl("https://x.com/news/4921837.html", PLUS_8)).isEmpty();
    }

    @Test
    void theUrlDateIsOnlyAFallbackAndTakesTheOffsetOfThePagesRegion() throws Exception {
        String noDates = page("en-MY", "", "");
        String withDate = page("en-MY", "<meta property=\"article:published_time\" content=\"2026-09-15T10:00:00+08:00\">", "");

        assertThat(extractor.extract(noDates, URI.create("https://x.my/2026/09/14/slug/")).publishedTime())
                .isEqualTo(at(2026, 9, 14, 0, 0, PLUS_8));
        assertThat(extractor.extract(withDate, URI.create("https://x.my/2026/09/14/slug/")).publishedTime())
                .isEqualTo(at(2026, 9, 15, 10, 0, PLUS_8));
    }

    // --- page rules

    @Test
    void aFutureDateIsRefusedAndTheNextSourceIsUsed() throws Exception {
        String html = page("en", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Headline here\","
                + "\"datePublished\":\"2027-10-06T08:00:00+08:00\"}</script>",
                "<time datetime=\"2026-10-06T08:00:00+08:00\">6 October 2026</time>");

        ExtractedArticle extracted = extractor.extract(html, URI.create("https://x.my/2027/10/06/slug"));

        assertThat(extracted.publishedTime()).isEqualTo(at(2026, 10, 6, 8, 0, PLUS_8));
    }

    @Test
    void aDateInTheFutureEverywhereGivesNoPublicationTime() throws Exception {
        String html = page("en", "<meta property=\"article:published_time\" content=\"2026-11-29T00:00:00Z\">", "");

        assertThat(extractor.extract(html, URI.create("https://x.my/a")).published()).isNull();
    }

    @Test
    void theArticleNodeOfAJsonLdGraphWinsOverItsWebPageNode() throws Exception {
        String graph = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebPage\",\"datePublished\":\"2026-10-01T00:00:00+07:00\",\"dateModified\":\"2026-10-09T00:00:00+07:00\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Headline here\",\"datePublished\":\"2026-10-05T09:00:00+07:00\","
                + "\"dateModified\":\"2026-10-05T11:00:00+07:00\"}]}</script>";

        ExtractedArticle extracted = extractor.extract(page("vi", graph, ""), URI.create("https://x.vn/a"));

        assertThat(extracted.publishedTime()).isEqualTo(at(2026, 10, 5, 9, 0, PLUS_7));
        assertThat(extracted.updatedTime()).isEqualTo(at(2026, 10, 5, 11, 0, PLUS_7));
    }

    @Test
    void anUpdateBeforePublicationOrInTheFutureIsRefused() throws Exception {
        String before = page("en", "<meta property=\"article:published_time\" content=\"2026-10-05T09:00:00+08:00\">"
                + "<meta property=\"article:modified_time\" content=\"2026-10-04T09:00:00+08:00\">", "");
        String future = page("en", "<meta property=\"article:published_time\" content=\"2026-10-05T09:00:00+08:00\">"
                + "<meta property=\"article:modified_time\" content=\"2026-12-04T09:00:00+08:00\">", "");

        assertThat(extractor.extract(before, URI.create("https://x.my/a")).updated()).isNull();
        assertThat(extractor.extract(future, URI.create("https://x.my/a")).updated()).isNull();
    }

    @Test
    void aDateWithoutOffsetTakesTheOffsetOfTheOtherDatesOrOfTheLanguage() throws Exception {
        String vietnamese = page("vi", "<meta property=\"article:published_time\" content=\"2026-10-05T14:20:00\">", "");
        String mixed = page("vi", "<meta name=\"pubdate\" content=\"2026-10-05 14:20\">"
                + "<meta property=\"article:modified_time\" content=\"2026-10-05T16:00:00+09:00\">", "");

        assertThat(extractor.extract(vietnamese, URI.create("https://x.vn/a")).publishedTime()).isEqualTo(at(2026, 10, 5, 14, 20, PLUS_7));
        assertThat(extractor.extract(mixed, URI.create("https://x.vn/a")).publishedTime())
                .isEqualTo(at(2026, 10, 5, 14, 20, ZoneOffset.ofHours(9)));
    }

    @Test
    void aDateLabelOfAnOldPortalIsReadWhenNothingElseStatesOne() throws Exception {
        String html = page("th", "", "<span class=\"news_date\">6 ต.ค. 2569 10:15</span>");

        assertThat(extractor.extract(html, URI.create("http://x.co.th/view.php?id=1")).publishedTime())
                .isEqualTo(at(2026, 10, 6, 10, 15, PLUS_7));
    }

    private static OffsetDateTime at(int y, int mo, int d, int h, int mi, ZoneOffset offset) {
        return OffsetDateTime.of(y, mo, d, h, mi, 0, 0, offset);
    }

    private static String page(String lang, String head, String byline) {
        return "<html lang=\"" + lang + "\"><head><title>Headline here</title>" + head + "</head><body><article><h1>Headline here</h1>"
                + byline + "<p>" + "A paragraph of the body that is long enough to be the article. ".repeat(4) + "</p><p>"
                + "Another paragraph that carries on with the story for the reader. ".repeat(4) + "</p></article></body></html>";
    }
}
