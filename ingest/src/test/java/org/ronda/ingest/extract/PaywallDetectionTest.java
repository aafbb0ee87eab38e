package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure logic: when a page holds only part of its article, and that the notice is not body text. */
class PaywallDetectionTest {

    private static final URI URL = URI.create("https://news.example/a");
    private static final String TEASER = "<p>" + "The first paragraph of the story is shown to every reader of the site. ".repeat(3)
            + "</p><p>" + "The second paragraph is shown as well, before the wall comes down on the rest. ".repeat(3) + "</p>";
    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));

    @ParameterizedTest
    @ValueSource(strings = {
        "Subscribe to continue reading. Get unlimited access from RM14.90 a month.",
        "Untuk membaca artikel ini, silakan berlangganan.",
        "Langgan untuk terus membaca.",
        "Đăng ký để đọc tiếp. Truy cập không giới hạn.",
        "สมัครสมาชิกเพื่ออ่านต่อ อ่านได้ไม่จำกัด",
        "Mag-subscribe para mabasa ang buong balita.",
        "订阅以继续阅读全文",
    })
    void aVisibleNoticeInTheRegionsLanguagesMakesThePagePartialAndIsNotBodyText(String notice) throws Exception {
        String html = page("", TEASER + "<div class=\"box\"><p>" + notice + "</p><a href=\"/subscribe\">Go</a></div>");

        ExtractedArticle extracted = extractor.extract(html, URL);

        assertThat(extracted.partial()).isTrue();
        assertThat(extracted.text()).startsWith("The first paragraph").doesNotContain(notice.substring(0, Math.min(8, notice.length())));
    }

    @Test
    void jsonLdThatSaysTheArticleIsNotFreeMakesThePagePartial() throws Exception {
        String plain = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":false}</script>";
        String text = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":\"False\"}</script>";
        String part = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"hasPart\":{\"@type\":\"WebPageElement\","
                + "\"isAccessibleForFree\":false,\"cssSelector\":\".paywall\"}}</script>";
        String free = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"isAccessibleForFree\":true}</script>";

        assertThat(extractor.extract(page(plain, TEASER + TEASER), URL).partial()).isTrue();
        assertThat(extractor.extract(page(text, TEASER + TEASER), URL).partial()).isTrue();
        assertThat(extractor.extract(page(part, TEASER + TEASER), URL).partial()).isTrue();
        assertThat(extractor.extract(page(free, TEASER + TEASER), URL).partial()).isFalse();
    }

    @Test
    void aTeaserInTheElementThatPaywallMarkupNamesIsKept() throws Exception {
        String html = "<html lang=\"en\"><head><title>Headline of the story</title></head><body><article><h1>Headline of the story</h1>"
                + "<div class=\"paywall\"><p>" + "The only paragraph shown before the wall, long enough to read. ".repeat(3) + "</p></div>"
                + "<div class=\"subscription-wall\"><p>Subscribe to continue reading.</p></div></article></body></html>";

        ExtractedArticle extracted = extractor.extract(html, URL);

        assertThat(extracted.text()).startsWith("The only paragraph shown before the wall");
        assertThat(extracted.partial()).isTrue();
    }

    @Test
    void aVeryShortBodyIsPartial() throws Exception {
        ExtractedArticle stub = extractor.extract(page("", "<p>Fire at a warehouse near the port. Details to follow.</p>"), URL);

        assertThat(stub.partial()).isTrue();
        assertThat(stub.text()).isEqualTo("Fire at a warehouse near the port. Details to follow.");
    }

    @Test
    void aNoticeTheReaderDoesNotSeeOrASubscribeLinkInTheMenuIsNoPaywall() throws Exception {
        String hidden = "<template><div>Subscribe to continue reading.</div></template>"
                + "<div class=\"modal\" style=\"display:none\"><p>Subscribe to continue reading without limits.</p></div>";
        String menu = "<nav><a href=\"/subscribe\">Subscribe</a> <a href=\"/login\">Log in</a></nav>";

        assertThat(extractor.extract(page("", menu + TEASER + TEASER + hidden), URL).partial()).isFalse();
    }

    @Test
    void paywallWordsOfTheStoryItselfAreNoNotice() {
        assertThat(Paywall.hasNotice("Police said the syndicate sold subscriptions to pirated television channels.")).isFalse();
        assertThat(Paywall.hasNotice("Already a subscriber? Log in")).isTrue();
        assertThat(Paywall.isTooShort("short")).isTrue();
        assertThat(Paywall.isTooShort("long enough ".repeat(40))).isFalse();
    }

    private static String page(String head, String body) {
        return "<html lang=\"en\"><head><title>Headline of the story</title>" + head + "</head><body>"
                + "<article><h1>Headline of the story</h1><div class=\"article-body\">" + body + "</div></article></body></html>";
    }
}
