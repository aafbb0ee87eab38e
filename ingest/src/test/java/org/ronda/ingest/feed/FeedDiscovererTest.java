package org.ronda.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronda.ingest.feed.Fixtures.bytes;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pure logic: feed links announced by captured-style homepages (src/test/resources/feed/). */
class FeedDiscovererTest {

    private static final String BASE = "http://127.0.0.1:8090";
    private final FeedDiscoverer discoverer = new FeedDiscoverer();

    @Test
    void findsRssAndAtomAlternatesAsAbsoluteUrlsInPageOrder() {
        String page = new String(bytes("homepage-with-feed-links.html"), StandardCharsets.UTF_8);

        assertThat(discoverer.discover(page, URI.create(BASE + "/mekong-courier/"))).containsExactly(
                URI.create(BASE + "/mekong-courier/feed/"),
                URI.create(BASE + "/mekong-courier/feed/atom/"),
                URI.create(BASE + "/mekong-courier/crime/feed/"));
    }

    @Test
    void readsThePageFromItsBytes() {
        assertThat(discoverer.discover(bytes("homepage-with-feed-links.html"), "text/html; charset=UTF-8", URI.create(BASE + "/mekong-courier/")))
                .hasSize(3);
        assertThat(discoverer.discover(bytes("homepage-with-feed-links.html"), "", URI.create(BASE + "/mekong-courier/")))
                .hasSize(3);
    }

    @Test
    void aPageWithoutFeedLinksAnnouncesNothing() {
        assertThat(discoverer.discover(bytes("homepage-without-feed-links.html"), "text/html", URI.create(BASE + "/vientiane-news/")))
                .isEmpty();
    }

    @Test
    void relativeLinksFollowTheBaseElement() {
        String page = "<html><head><base href=\"http://127.0.0.1:8090/edition/en/\">"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"rss.xml\"></head><body></body></html>";

        assertThat(discoverer.discover(page, URI.create(BASE + "/"))).containsExactly(URI.create(BASE + "/edition/en/rss.xml"));
    }
}
