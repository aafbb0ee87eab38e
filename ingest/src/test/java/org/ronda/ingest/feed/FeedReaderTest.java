package org.ronda.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ronda.sample.FeedFormat;
import org.ronda.sample.FeedRenderer;
import org.ronda.sample.Outlet;
import org.ronda.sample.SampleCorpus;

/** Pure logic: RSS and Atom from the bundled sample renderers, and hostile or broken feeds. */
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
    void refusesADocumentTypeDeclaration() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title><item><link>http://127.0.0.1/a</link></item></channel></rss>";

        assertThatThrownBy(() -> reader.read(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create(BASE + "/f")))
                .isInstanceOf(FeedParseException.class);
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        byte[] html = "<html><body><h1>Not a feed</h1></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> reader.read(html, "text/html", URI.create(BASE + "/f")))
                .isInstanceOf(FeedParseException.class)
                .hasMessageStartingWith("not a readable RSS or Atom feed");
    }

    @Test
    void relativeLinksAreResolvedAgainstTheFeed() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><link>http://127.0.0.1/</link><description>d</description>"
                + "<item><title>a</title><link>/news/a</link></item><item><title>no link</title></item></channel></rss>";

        List<FeedItem> items = reader.read(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URI.create("http://127.0.0.1:9/feeds/rss"));

        assertThat(items).extracting(FeedItem::link).containsExactly("http://127.0.0.1:9/news/a");
    }
}
