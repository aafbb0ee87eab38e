package org.ronda.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds as a real feed reader (Rome) sees them. Real: corpus, renderer, Rome; no server. */
class FeedRendererTest {

    private static final String BASE = "http://127.0.0.1:8090";

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    @Test
    void everyOutletsFeedParsesWithAllItsArticlesNewestFirst() throws Exception {
        SampleCorpus corpus = SampleCorpus.load();
        FeedRenderer renderer = new FeedRenderer(corpus, BASE);

        for (Outlet outlet : corpus.outlets()) {
            SyndFeed feed = parse(renderer.render(outlet));
            List<SampleArticle> articles = corpus.articlesOf(outlet);

            assertThat(feed.getFeedType()).as(outlet.id())
                    .isEqualTo(outlet.feedFormat() == FeedFormat.RSS ? "rss_2.0" : "atom_1.0");
            assertThat(feed.getTitle()).isEqualTo(outlet.name());
            assertThat(feed.getEntries()).as(outlet.id()).hasSize(articles.size());
            for (int i = 0; i < articles.size(); i++) {
                SampleArticle article = articles.get(i);
                SyndEntry entry = feed.getEntries().get(i);
                String cleanUrl = BASE + corpus.pathOf(article);
                assertThat(entry.getTitle()).isEqualTo(article.title());
                assertThat(entry.getLink()).isIn(cleanUrl, cleanUrl + FeedRenderer.TRACKING_SUFFIX);
                assertThat(entry.getUri()).as("guid or id is the clean URL").isEqualTo(cleanUrl);
                assertThat(entry.getPublishedDate()).isEqualTo(Date.from(article.published().toInstant()));
                assertThat(entry.getDescription().getValue()).isEqualTo(article.summary());
                if (article.author() == null) {
                    assertThat(entry.getAuthor()).isNullOrEmpty();
                } else {
                    assertThat(entry.getAuthor()).isEqualTo(article.author());
                }
            }
        }
    }

    @Test
    void aboutEveryThirdLinkCarriesTrackingParameters() throws Exception {
        SampleCorpus corpus = SampleCorpus.load();
        Outlet outlet = corpus.outlets().get(0);

        List<String> links = parse(new FeedRenderer(corpus, BASE).render(outlet)).getEntries().stream()
                .map(SyndEntry::getLink).toList();

        assertThat(links).filteredOn(link -> link.endsWith("?utm_source=rss&utm_medium=feed"))
                .hasSize((links.size() + 1) / 3);
        assertThat(links).filteredOn(link -> !link.contains("?")).isNotEmpty();
    }

    @Test
    void rssDatesAreRfc822InTheOutletsOffset() {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");

        String rss = new FeedRenderer(corpus, BASE).render(corpus.outlet("test-gazette").orElseThrow());

        // Written as 2026-10-05T23:30Z; the newsroom is in UTC+8.
        assertThat(rss).contains("<pubDate>Tue, 06 Oct 2026 07:30:00 +0800</pubDate>")
                .contains("<guid isPermaLink=\"false\">")
                .contains("<dc:creator>Aminah O&#39;Brien</dc:creator>")
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void atomFeedHasSelfLinkAndEntryDatesWithOffset() throws Exception {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");
        Outlet wire = corpus.outlet("test-wire").orElseThrow();

        String atom = new FeedRenderer(corpus, BASE).render(wire);

        assertThat(atom).contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + BASE + "/test-wire/atom.xml\"/>")
                .contains("<published>2026-10-10T14:00:00+07:00</published>")
                .contains("<id>" + BASE + "/test-wire/world/2026/10/10/port-seizure</id>");
        assertThat(parse(atom).getEntries().get(0).getAuthors()).isEmpty();
        assertThat(parse(atom).getEntries().get(1).getAuthor()).isEqualTo("Somchai Wong");
    }

    @Test
    void markupCharactersInTextSurviveTheRoundTrip() throws Exception {
        SampleCorpus corpus = SampleCorpus.load("/corpus-with-markup-characters");
        Outlet gazette = corpus.outlet("test-gazette").orElseThrow();

        SyndFeed feed = parse(new FeedRenderer(corpus, BASE).render(gazette));

        assertThat(feed.getTitle()).isEqualTo("Test Gazette & Sons");
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).contains(
                "Police & customs raid <b>warehouse</b> in \"Johor\"", "Why <script>alert(1)</script> is not news");
    }

    @Test
    void renderingIsDeterministic() {
        SampleCorpus corpus = SampleCorpus.load();
        for (Outlet outlet : corpus.outlets()) {
            assertThat(new FeedRenderer(corpus, BASE).render(outlet))
                    .isEqualTo(new FeedRenderer(SampleCorpus.load(), BASE).render(outlet));
        }
    }
}
