package org.ronda.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.ronda.ingest.feed.Fixtures.bytes;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ronda.ingest.feed.FeedParseException.Reason;
import org.ronda.sample.FeedFormat;
import org.ronda.sample.FeedRenderer;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleCorpus;

/**
 * Pure logic: every RSS and Atom version through Rome, from small fixture feeds named for what they
 * prove (src/test/resources/feed/), plus the bundled sample renderers; hostile and broken
 * documents. The only network is {@link CountingServer} on 127.0.0.1, which must see no request.
 */
class FeedReaderTest {

    private static final String BASE = "http://127.0.0.1:8090";
    private final FeedReader reader = new FeedReader();

    @Test
    void readsEveryItemOfRssAndAtomSampleFeeds() throws Exception {
        SampleCorpus corpus = SampleCorpus.load();
        FeedRenderer renderer = new FeedRenderer(corpus, BASE);
        for (FeedFormat format : FeedFormat.values()) {
            Outlet outlet = corpus.outlets().stream().filter(o -> o.feedFormat() == format).findFirst().orElseThrow();
            byte[] feed = renderer.render(outlet).getBytes(StandardCharsets.UTF_8);

            List<FeedItem> items = reader.read(feed, format.mediaType(), URI.create(BASE + outlet.feedPath()));

            assertThat(items).hasSize(corpus.articlesOf(outlet).size());
            assertThat(items).allSatisfy(item -> {
                assertThat(item.link()).startsWith(BASE + "/" + outlet.id() + "/");
                assertThat(item.title()).isNotBlank();
                assertThat(item.published()).isNotNull();
            });
        }
    }

    @Test
    void readsRss091AndResolvesRelativeLinks() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rss-091.xml"), "application/rss+xml", URI.create(BASE + "/borneo-evening/rss.xml"));

        assertThat(feed.feedType()).isEqualTo("rss_0.91U");
        assertThat(feed.title()).isEqualTo("Borneo Evening Wire");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                BASE + "/borneo-evening/2025/03/customs-syabu-durian",
                BASE + "/borneo-evening/2025/03/cafe-wifi-phishing");
        assertThat(feed.items().get(1).title()).isEqualTo("Police warn of café Wi-Fi phishing pages");
        assertThat(feed.items().get(0).summary()).startsWith("Officers at the Kuala Lurah checkpoint");
    }

    @Test
    void readsRss091WithTheNetscapeDoctypeWithoutFetchingTheDtd() throws Exception {
        try (CountingServer server = new CountingServer()) {
            String feed = new String(bytes("rss-091-netscape-doctype.xml"), StandardCharsets.UTF_8)
                    .replace("http://127.0.0.1:9/never-fetched/rss-0.91.dtd", server.url("/rss-0.91.dtd"));

            ParsedFeed parsed = reader.parse(feed.getBytes(StandardCharsets.UTF_8), "text/xml", URI.create(BASE + "/mekong-dispatch/rss"));

            assertThat(parsed.items()).extracting(FeedItem::title).containsExactly("Casino raid frees 40 trafficked workers");
            assertThat(parsed.items().get(0).summary()).isEqualTo("Workers\u00A0held in a compound near the border were released after a joint operation.");
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void readsRss092AndTurnsHtmlDescriptionsIntoPlainText() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rss-092.xml"), "application/rss+xml", URI.create(BASE + "/kabar-selat/rss"));

        assertThat(feed.feedType()).isEqualTo("rss_0.92");
        assertThat(feed.items()).hasSize(2);
        assertThat(feed.items().get(1).summary()).isEqualTo("Lima suspek ditahan dalam serbuan.");
    }

    @Test
    void readsRss10Rdf() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rdf-10.xml"), "application/rdf+xml", URI.create(BASE + "/lanna-news/rss"));

        assertThat(feed.feedType()).isEqualTo("rss_1.0");
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                BASE + "/lanna-news/ya-ba-seizure", BASE + "/lanna-news/call-centre-gang");
        assertThat(feed.items().get(0).published()).isEqualTo(Instant.parse("2025-03-13T23:30:00Z"));
    }

    @Test
    void readsRss20WithGuidsDatesAndNonLatinText() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rss-20.xml"), "application/rss+xml; charset=UTF-8", URI.create(BASE + "/tin-nhanh/rss"));

        assertThat(feed.feedType()).isEqualTo("rss_2.0");
        assertThat(feed.skipped()).as("the item without a link").isEqualTo(1);
        assertThat(feed.repaired()).isZero();
        FeedItem first = feed.items().get(0);
        assertThat(first.title()).isEqualTo("Triệt phá đường dây lừa đảo đầu tư tiền ảo");
        assertThat(first.guid()).isEqualTo("tin-nhanh-20250315-001");
        assertThat(first.published()).isEqualTo(Instant.parse("2025-03-15T01:00:00Z"));
    }

    @Test
    void readsAtom03() throws Exception {
        ParsedFeed feed = reader.parse(bytes("atom-03.xml"), "application/atom+xml", URI.create(BASE + "/manila-night/atom"));

        assertThat(feed.feedType()).isEqualTo("atom_0.3");
        FeedItem item = feed.items().get(0);
        assertThat(item.link()).isEqualTo(BASE + "/manila-night/naia-trafficking");
        assertThat(item.guid()).isEqualTo("tag:127.0.0.1,2025:manila-night/naia-trafficking");
        assertThat(item.published()).isEqualTo(Instant.parse("2025-03-15T04:00:00Z"));
        assertThat(item.summary()).startsWith("Three women bound for a scam hub");
    }

    @Test
    void readsAtom10WithHtmlTitlesContentAndRelativeLinks() throws Exception {
        ParsedFeed feed = reader.parse(bytes("atom-10.xml"), "application/atom+xml", URI.create(BASE + "/pp-ledger/atom.xml"));

        assertThat(feed.feedType()).isEqualTo("atom_1.0");
        assertThat(feed.items()).extracting(FeedItem::title).containsExactly(
                "Online scam compound raided in Sihanoukville", "Court jails money mule recruiter");
        assertThat(feed.items().get(0).summary()).isEqualTo("Police detained 300 foreign workers.");
        assertThat(feed.items().get(1).link()).isEqualTo(BASE + "/pp-ledger/money-mule-recruiter");
        assertThat(feed.items().get(1).published()).as("updated, when there is no published date")
                .isEqualTo(Instant.parse("2025-03-15T08:00:00Z"));
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        assertThatThrownBy(() -> reader.parse(bytes("feed-with-xxe.xml"), "application/rss+xml", URI.create(BASE + "/evil/rss")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("declares a DTD internal subset")
                .hasMessageContaining("no entity is expanded")
                .hasMessageNotContaining("root:")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.DOCTYPE);
    }

    @Test
    void refusesAnExternalEntityOnALocalServerWithoutFetchingIt() throws Exception {
        try (CountingServer server = new CountingServer()) {
            String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + server.url("/secret") + "\">]>"
                    + "<rss version=\"2.0\"><channel><title>&x;</title><item><link>http://127.0.0.1/a</link></item></channel></rss>";

            assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create(BASE + "/f")))
                    .isInstanceOf(FeedParseException.class)
                    .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.DOCTYPE);
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void anEntityFromAnExternalDtdStaysUndeclaredAndTheDtdIsNotFetched() throws Exception {
        try (CountingServer server = new CountingServer()) {
            String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"" + server.url("/evil.dtd") + "\">"
                    + "<rss version=\"2.0\"><channel><title>&leaked;</title><link>http://127.0.0.1/</link>"
                    + "<description>d</description><item><link>http://127.0.0.1/a</link></item></channel></rss>";

            assertThatThrownBy(() -> reader.read(feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create(BASE + "/f")))
                    .isInstanceOf(FeedParseException.class)
                    .hasMessageContaining("leaked")
                    .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.MALFORMED);
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void refusesBillionLaughsQuicklyWithoutExpandingAnything() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> reader.parse(bytes("feed-with-billion-laughs.xml"), "application/rss+xml", URI.create(BASE + "/laughs/rss")))
                        .isInstanceOf(FeedParseException.class)
                        .hasMessageNotContaining("lollol")
                        .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.DOCTYPE));
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> reader.read(bytes("html-page-served-as-feed.html"), "text/html; charset=utf-8", URI.create(BASE + "/f")))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("an HTML page, not a feed (Content-Type text/html; charset=utf-8)")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.HTML);
    }

    @Test
    void anHtmlFragmentServedAsHtmlIsNamedAsHtml() {
        assertThatThrownBy(() -> reader.read(bytes("html-fragment-served-as-feed.html"), "text/html", URI.create(BASE + "/f")))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("an HTML page, not a feed (Content-Type text/html)")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.HTML);
    }

    @Test
    void aFeedMislabelledAsHtmlIsStillRead() throws Exception {
        List<FeedItem> items = reader.read(bytes("rss-20.xml"), "text/html; charset=UTF-8", URI.create(BASE + "/tin-nhanh/rss"));

        assertThat(items).hasSize(2);
    }

    @Test
    void wellFormedXmlOfAnotherKindIsNotAFeed() {
        assertThatThrownBy(() -> reader.read(bytes("opml-not-a-feed.xml"), "text/xml", URI.create(BASE + "/f")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable RSS or Atom feed")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.NOT_A_FEED);
    }

    @Test
    void anEmptyBodyAndANonXmlBodyAreNamed() {
        assertThatThrownBy(() -> reader.read(" \n ".getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create(BASE + "/f")))
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.EMPTY);
        assertThatThrownBy(() -> reader.read("{\"items\":[]}".getBytes(StandardCharsets.UTF_8), "application/json", URI.create(BASE + "/f")))
                .hasMessageStartingWith("not XML where a feed was expected: starts with '{\"items\"")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aFeedWithNoItemIsReadAndSaysSo() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rss-without-items.xml"), "application/rss+xml", URI.create(BASE + "/vientiane-weekly/rss"));

        assertThat(feed.empty()).isTrue();
        assertThat(feed.title()).isEqualTo("Vientiane Weekly");
    }

    @Test
    void windows1252BytesDeclaredAsUtf8AreReadWithReplacementCharacters() throws Exception {
        ParsedFeed feed = reader.parse(bytes("utf8-declared-cp1252-bytes.xml"), "application/rss+xml", URI.create(BASE + "/jakarta-late/rss"));

        assertThat(feed.items()).hasSize(1);
        assertThat(feed.repaired()).isEqualTo(5);
        assertThat(feed.items().get(0).title()).isEqualTo("Police bust \uFFFDfake investment\uFFFD ring \uFFFD 9 arrested");
        assertThat(feed.items().get(0).link()).isEqualTo(BASE + "/jakarta-late/fake-investment-ring");
    }

    @Test
    void whenTheDeclarationIsWrongAHeaderCharsetThatFitsTheBytesIsUsed() throws Exception {
        ParsedFeed feed = reader.parse(bytes("utf8-declared-cp1252-bytes.xml"), "text/xml; charset=windows-1252",
                URI.create(BASE + "/jakarta-late/rss"));

        assertThat(feed.repaired()).isZero();
        assertThat(feed.items().get(0).title()).isEqualTo("Police bust “fake investment” ring – 9 arrested");
        assertThat(feed.items().get(0).summary()).isEqualTo("Victims lost Rp 3 billion to the so-called café owners’ fund.");
    }

    @Test
    void theHeaderCharsetIsUsedWhenTheDocumentDeclaresNone() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>ข่าวด่วน</title><link>http://127.0.0.1/</link><description>d</description>"
                + "<item><title>ตำรวจจับแก๊งคอลเซ็นเตอร์</title><link>http://127.0.0.1/a</link></item></channel></rss>";
        byte[] thai = rss.getBytes(Charset.forName("x-windows-874"));

        ParsedFeed feed = reader.parse(thai, "application/rss+xml; charset=windows-874", URI.create(BASE + "/f"));

        assertThat(feed.items().get(0).title()).isEqualTo("ตำรวจจับแก๊งคอลเซ็นเตอร์");
        assertThat(feed.repaired()).isZero();
    }

    @Test
    void readsUtf16WithAByteOrderMark() throws Exception {
        String text = new String(bytes("rss-20.xml"), StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16);

        List<FeedItem> items = reader.read(utf16, "application/rss+xml", URI.create(BASE + "/tin-nhanh/rss"));

        assertThat(items.get(1).title()).isEqualTo("Bắt giữ nhóm buôn người qua biên giới");
    }

    @Test
    void controlCharactersForbiddenInXmlAreDroppedNotFatal() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rss-with-control-characters.xml"), "application/rss+xml", URI.create(BASE + "/yangon-brief/rss"));

        assertThat(feed.repaired()).isEqualTo(3);
        assertThat(feed.items().get(0).title()).isEqualTo("Jade smuggling case goes to court");
    }

    @Test
    void unescapedLinksAreRepairedAndNonWebLinksSkipped() throws Exception {
        ParsedFeed feed = reader.parse(bytes("rss-with-unescaped-links.xml"), "application/rss+xml", URI.create(BASE + "/cebu-scan/rss"));

        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                BASE + "/cebu-scan/news/drug%20bust%20in%20mandaue", BASE + "/cebu-scan/news/ordinary");
        assertThat(feed.skipped()).isEqualTo(2);
    }

    @Test
    void relativeLinksAreResolvedAgainstTheFeed() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>http://127.0.0.1/</link><description>d</description>"
                + "<item><title>a</title><link>/news/a</link></item><item><title>no link</title></item></channel></rss>";

        List<FeedItem> items = reader.read(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create("http://127.0.0.1:9/feeds/rss"));

        assertThat(items).extracting(FeedItem::link).containsExactly("http://127.0.0.1:9/news/a");
    }
}
