package org.ronda.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Article pages as an extractor will meet them: the article is all there, and so is the junk it
 * must leave out. Real: corpus, renderer, jsoup; no server.
 */
class PageRendererTest {

    private static final String BASE = "http://127.0.0.1:8090";
    /** The inline elements that the renderer puts inside body paragraphs. */
    private static final String INLINE_JUNK = "p > span.ad-label, p > span.slideshow-label";

    private static SampleCorpus corpus;
    private static PageRenderer renderer;

    @BeforeAll
    static void renderBundledCorpus() {
        corpus = SampleCorpus.load();
        renderer = new PageRenderer(corpus, BASE);
    }

    private static Document page(SampleArticle article) {
        return Jsoup.parse(renderer.render(article), BASE + corpus.pathOf(article));
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Test
    void everyPageHasTheHeadlineInItsOnlyH1AndTheMetadata() {
        for (SampleArticle article : corpus.articles()) {
            Outlet outlet = corpus.outletOf(article);
            Document page = page(article);
            String url = BASE + corpus.pathOf(article);

            assertThat(page.select("h1")).as(url).hasSize(1);
            assertThat(page.selectFirst("h1").text()).isEqualTo(normalised(article.title()));
            assertThat(page.title()).isEqualTo(normalised(article.title() + " | " + outlet.name()));
            assertThat(page.selectFirst("html").attr("lang")).isEqualTo(article.lang());
            assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
            assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo(article.summary());
            assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(article.title());
            assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
            assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(url);
            String published = page.selectFirst("meta[property=article:published_time]").attr("content");
            assertThat(OffsetDateTime.parse(published).toInstant()).isEqualTo(article.published().toInstant());
            assertThat(OffsetDateTime.parse(page.selectFirst("time[datetime]").attr("datetime")).toInstant())
                    .isEqualTo(article.published().toInstant());
        }
    }

    @Test
    void everyParagraphAppearsWholeOnceInlineJunkIsRemoved() {
        for (SampleArticle article : corpus.articles()) {
            Document page = page(article);
            page.select(INLINE_JUNK).remove();
            List<String> paragraphTexts = page.select("p").eachText();

            for (String paragraph : article.paragraphs()) {
                assertThat(paragraphTexts).as(corpus.pathOf(article)).contains(normalised(paragraph));
            }
        }
    }

    @Test
    void everyPageHasAdvertisementJunkInsideABodyParagraph() {
        for (SampleArticle article : corpus.articles()) {
            Elements interrupted = page(article).select("p:has(> span.ad-label)");

            assertThat(interrupted).as(corpus.pathOf(article)).isNotEmpty();
            assertThat(interrupted.first().text()).contains("ADVERTISEMENT")
                    .isNotIn(article.paragraphs().stream().map(PageRendererTest::normalised).toList());
        }
    }

    @Test
    void somePagesHaveTheSeedPagesSlideshowJunkInsideASentence() {
        long withSlideshow = corpus.articles().stream()
                .filter(article -> !page(article).select("p > span.slideshow-label:contains(bootstrap slideshow)").isEmpty())
                .count();

        assertThat(withSlideshow).isGreaterThanOrEqualTo(corpus.articles().size() / 3);
    }

    @Test
    void everyPageHasTheBoilerplateAnExtractorMustDrop() {
        for (SampleArticle article : corpus.articles()) {
            Document page = page(article);
            String text = page.body().text();

            assertThat(page.select("#cookie-consent button")).as(corpus.pathOf(article)).isNotEmpty();
            assertThat(page.select("nav[aria-label=Main menu] a")).hasSizeGreaterThanOrEqualTo(10);
            assertThat(page.select("nav[aria-label=Breadcrumb] li")).hasSize(3);
            assertThat(page.select("a:contains(Share on)").eachText()).containsExactly(
                    "Share on Facebook", "Share on X", "Share on WhatsApp", "Share on Telegram");
            assertThat(page.select("figure img[src]")).hasSize(1);
            assertThat(page.select("figure figcaption .photo-credit")).hasSize(1);
            assertThat(page.select("div.ad")).hasSize(1);
            assertThat(text).contains("READ ALSO:", "Get our newsletter", "Try our app", "Hashtags",
                    "Related Articles", "Comments", "No comments yet...", "All rights reserved.");
            assertThat(page.select("footer a")).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void relatedArticlesCarryAnotherStorysOpeningAsSnippet() {
        for (SampleArticle article : corpus.articles()) {
            Document page = page(article);
            Element related = page.selectFirst("section:has(> h2:contains(Related Articles))");
            Elements items = related.select(".related-item");

            assertThat(items).as(corpus.pathOf(article)).hasSize(Math.min(3, corpus.articlesOf(corpus.outletOf(article)).size() - 1));
            for (Element item : items) {
                SampleArticle other = corpus.articleAt(item.selectFirst("h3 a").attr("href")).orElseThrow();
                assertThat(other).isNotEqualTo(article);
                assertThat(item.selectFirst("h3").text()).isEqualTo(normalised(other.title()));
                assertThat(item.selectFirst(".related-source").text()).isEqualTo(corpus.outletOf(other).name());
                assertThat(item.selectFirst(".related-time").text()).matches("\\d+ (minute|hour|day)s? ago");
                assertThat(normalised(other.paragraphs().get(0))).startsWith(item.selectFirst("p").text());
            }
        }
    }

    @Test
    void stylesUseDifferentMarkup() {
        for (Outlet outlet : corpus.outlets()) {
            Document page = page(corpus.articlesOf(outlet).get(0));
            String body = switch (outlet.style()) {
                case PORTAL -> "article div.article-body";
                case BROADSHEET -> "article.story div.story__body";
                case TABLOID -> "div.td-post-content";
                case WIRE -> "div.story-body";
                case BLOG -> "article.post div.entry-content";
            };
            assertThat(page.select(body)).as(outlet.id()).hasSize(1);
            if (outlet.style() == PageStyle.TABLOID || outlet.style() == PageStyle.WIRE) {
                assertThat(page.select("article")).as(outlet.id()).isEmpty();
            }
        }
    }

    @Test
    void portalBroadsheetAndWirePagesCarryNewsArticleJsonLd() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (SampleArticle article : corpus.articles()) {
            Outlet outlet = corpus.outletOf(article);
            Elements scripts = page(article).select("script[type=application/ld+json]");
            if (outlet.style() == PageStyle.TABLOID || outlet.style() == PageStyle.BLOG) {
                assertThat(scripts).isEmpty();
                continue;
            }
            JsonNode ld = json.readTree(scripts.first().data());
            assertThat(ld.path("@type").asText()).isEqualTo("NewsArticle");
            assertThat(ld.path("headline").asText()).isEqualTo(article.title());
            assertThat(OffsetDateTime.parse(ld.path("datePublished").asText()).toInstant())
                    .isEqualTo(article.published().toInstant());
            assertThat(ld.path("author").path("name").asText())
                    .isEqualTo(article.author() == null ? outlet.name() : article.author());
            assertThat(ld.path("publisher").path("name").asText()).isEqualTo(outlet.name());
        }
    }

    @Test
    void markupCharactersInTextAreEscapedNotInterpreted() {
        SampleCorpus small = SampleCorpus.load("/corpus-with-markup-characters");
        PageRenderer smallRenderer = new PageRenderer(small, BASE);
        for (SampleArticle article : small.articles()) {
            Document page = Jsoup.parse(smallRenderer.render(article));
            page.select(INLINE_JUNK).remove();

            assertThat(page.selectFirst("h1").text()).isEqualTo(article.title());
            assertThat(page.select("p").eachText()).containsAll(article.paragraphs());
            assertThat(page.select("b, script:not([src]):not([type])").eachText())
                    .noneMatch(text -> text.contains("alert"));
        }
    }

    @Test
    void renderingIsDeterministic() {
        PageRenderer again = new PageRenderer(SampleCorpus.load(), BASE);
        for (SampleArticle article : corpus.articles()) {
            assertThat(again.render(article)).isEqualTo(renderer.render(article));
        }
    }
}
