package org.ronda.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ronda.ingest.feed.Fixtures.bytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.ronda.ingest.feed.FeedParseException.Reason;

/**
 * Pure logic: news sitemaps, plain sitemaps and sitemap indexes from fixtures
 * (src/test/resources/feed/), gzip bodies, W3C dates as sites really write them, and hostile
 * documents. The only network is {@link CountingServer} on 127.0.0.1, which must see no request.
 */
class SitemapReaderTest {

    private static final String BASE = "http://127.0.0.1:8090";
    private final SitemapReader reader = new SitemapReader();

    @Test
    void readsANewsSitemap() throws Exception {
        Sitemap sitemap = reader.read(bytes("news-sitemap.xml"), "application/xml", URI.create(BASE + "/warta-nusantara/sitemap-news.xml"));

        assertThat(sitemap.index()).isFalse();
        assertThat(sitemap.skipped()).as("the javascript: loc").isEqualTo(1);
        assertThat(sitemap.entries()).hasSize(2);
        SitemapEntry first = sitemap.entries().get(0);
        assertThat(first.news()).isTrue();
        assertThat(first.loc()).isEqualTo(BASE + "/warta-nusantara/hukum/penipuan-lowongan-kerja-kamboja");
        assertThat(first.title()).as("news:title, not image:title").isEqualTo("Polisi pulangkan 25 korban penipuan lowongan kerja di Kamboja");
        assertThat(first.publication()).isEqualTo("Warta Nusantara");
        assertThat(first.language()).isEqualTo("id");
        assertThat(first.published()).isEqualTo(Instant.parse("2025-03-16T02:45:00Z"));
        assertThat(first.lastModified()).isEqualTo(Instant.parse("2025-03-16T03:15:00Z"));
        assertThat(sitemap.entries().get(1).loc()).as("CDATA with an ampersand")
                .isEqualTo(BASE + "/warta-nusantara/hukum/sabu-sabu-selundupan?src=sitemap&page=1");
        assertThat(sitemap.entries().get(1).published()).isEqualTo(Instant.parse("2025-03-16T00:00:00Z"));

        FeedItem item = sitemap.items().get(0);
        assertThat(item.link()).isEqualTo(first.loc());
        assertThat(item.title()).isEqualTo(first.title());
        assertThat(item.published()).isEqualTo(first.published());
    }

    @Test
    void readsAPlainSitemapAndKeepsOnlyRecentPagesWhenAsked() throws Exception {
        Sitemap sitemap = reader.read(bytes("sitemap-plain.xml"), "text/xml", URI.create(BASE + "/kl-herald/sitemap.xml"));

        assertThat(sitemap.entries()).hasSize(5);
        assertThat(sitemap.entries()).extracting(SitemapEntry::lastModified).containsExactly(
                null,
                Instant.parse("2025-03-16T00:00:00Z"),
                Instant.parse("2025-03-12T00:00:00Z"),
                Instant.parse("2024-06-01T00:00:00Z"),
                null);
        assertThat(sitemap.entries()).noneMatch(SitemapEntry::news);
        assertThat(sitemap.itemsSince(Instant.parse("2025-03-14T00:00:00Z"))).extracting(FeedItem::link)
                .containsExactly(BASE + "/kl-herald/2025/03/16/macau-scam-syndicate-crippled");
    }

    @Test
    void readsASitemapIndexAndReturnsTheChildrenToFetch() throws Exception {
        Sitemap sitemap = reader.read(bytes("sitemap-index.xml"), "application/xml", URI.create(BASE + "/kl-herald/sitemap_index.xml"));

        assertThat(sitemap.index()).isTrue();
        assertThat(sitemap.entries()).isEmpty();
        assertThat(sitemap.childUrls()).containsExactly(
                URI.create(BASE + "/kl-herald/sitemap-news.xml"),
                URI.create(BASE + "/kl-herald/sitemap-2025-03.xml.gz"),
                URI.create(BASE + "/kl-herald/sitemap-2019-01.xml"));
        assertThat(sitemap.children().get(0).lastModified()).isEqualTo(Instant.parse("2025-03-16T10:20:00Z"));
        assertThat(sitemap.children().get(2).lastModified()).isNull();
    }

    @Test
    void readsAGzipSitemap() throws Exception {
        byte[] gzip = gzip(bytes("sitemap-index.xml"));

        Sitemap sitemap = reader.read(gzip, "application/x-gzip", URI.create(BASE + "/kl-herald/sitemap_index.xml.gz"));

        assertThat(sitemap.children()).hasSize(3);
    }

    @Test
    void refusesAGzipBombBeforeItFillsTheHeap() throws Exception {
        byte[] zeros = new byte[1024 * 1024];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            for (int i = 0; i < 51; i++) {
                gz.write(zeros);
            }
        }

        assertThatThrownBy(() -> reader.read(out.toByteArray(), "application/x-gzip", URI.create(BASE + "/bomb.xml.gz")))
                .isInstanceOf(FeedParseException.class)
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void refusesAnExternalEntity() {
        assertThatThrownBy(() -> reader.read(bytes("sitemap-with-xxe.xml"), "application/xml", URI.create(BASE + "/evil/sitemap.xml")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageContaining("no entity is expanded")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.DOCTYPE);
    }

    @Test
    void neverFetchesAnExternalDtd() throws Exception {
        try (CountingServer server = new CountingServer()) {
            String sitemap = "<?xml version=\"1.0\"?><!DOCTYPE urlset SYSTEM \"" + server.url("/sitemap.dtd") + "\">"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://127.0.0.1/&leaked;</loc></url></urlset>";

            assertThatThrownBy(() -> reader.read(sitemap.getBytes(StandardCharsets.UTF_8), "application/xml", URI.create(BASE + "/s.xml")))
                    .isInstanceOf(FeedParseException.class)
                    .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.MALFORMED);
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void anHtmlPageIsNotASitemap() {
        assertThatThrownBy(() -> reader.read(bytes("html-page-served-as-feed.html"), "text/html", URI.create(BASE + "/sitemap.xml")))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("an HTML page, not a sitemap (Content-Type text/html)")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.HTML);
    }

    @Test
    void aFeedIsNotASitemap() {
        assertThatThrownBy(() -> reader.read(bytes("rss-20.xml"), "application/xml", URI.create(BASE + "/sitemap.xml")))
                .isInstanceOf(FeedParseException.class)
                .hasMessage("not a sitemap: the root element is <rss>, not <urlset> or <sitemapindex>")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.NOT_A_FEED);
    }

    @Test
    void aSitemapCutShortIsMalformed() {
        byte[] cut = "<urlset><url><loc>http://127.0.0.1/a</loc>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(cut, "application/xml", URI.create(BASE + "/sitemap.xml")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable sitemap")
                .extracting(e -> ((FeedParseException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void readsW3cDatesAsSitesWriteThem() {
        assertThat(SitemapReader.w3cDate("2025-03-16T09:45:00+07:00")).isEqualTo(Instant.parse("2025-03-16T02:45:00Z"));
        assertThat(SitemapReader.w3cDate("2025-03-16T09:45+07:00")).isEqualTo(Instant.parse("2025-03-16T02:45:00Z"));
        assertThat(SitemapReader.w3cDate("2025-03-16T09:45:00.5Z")).isEqualTo(Instant.parse("2025-03-16T09:45:00.500Z"));
        assertThat(SitemapReader.w3cDate("2025-03-16T09:45:00+0700")).isEqualTo(Instant.parse("2025-03-16T02:45:00Z"));
        assertThat(SitemapReader.w3cDate("2025-03-16T09:45:00")).as("no offset: read as UTC").isEqualTo(Instant.parse("2025-03-16T09:45:00Z"));
        assertThat(SitemapReader.w3cDate("2025-03-16")).isEqualTo(Instant.parse("2025-03-16T00:00:00Z"));
        assertThat(SitemapReader.w3cDate("2025-03")).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(SitemapReader.w3cDate("2025")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(SitemapReader.w3cDate("16/03/2025")).isNull();
        assertThat(SitemapReader.w3cDate("yesterday")).isNull();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
