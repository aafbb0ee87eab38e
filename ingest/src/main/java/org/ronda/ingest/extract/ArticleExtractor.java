package org.ronda.ingest.extract;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Extracts an article's body text and metadata from its HTML page with jsoup. Generic: no rule
 * names a site; the heuristics are those that hold across the region's CMSs (WordPress themes,
 * Arc and Next.js sites, Drupal, the Vietnamese and Thai portals, AMP pages).
 *
 * <p>The body is the container whose paragraphs hold the most text, after boilerplate (navigation,
 * related-article lists, comments, share widgets, newsletter and app boxes, captions and credits,
 * cookie banners, ads) has been removed, and without the labels that sites leave inside paragraphs
 * ("ADVERTISEMENT", "bootstrap slideshow"). A page that renders its body in the browser gives it
 * from its JSON state or JSON-LD instead. The headline is never part of the text.
 *
 * <p>Thread-safe: an instance holds only its clock.
 */
public class ArticleExtractor {

    private final Clock clock;

    public ArticleExtractor() {
        this(Clock.systemUTC());
    }

    /** @param clock the reading against which dates in the future are refused */
    ArticleExtractor(Clock clock) {
        this.clock = clock;
    }

    /** Extracts the article on {@code html}, a page fetched from {@code url}. */
    public ExtractedArticle extract(String html, URI url) throws ExtractionException {
        return extract(Jsoup.parse(html, url.toString()), url);
    }

    /**
     * Extracts the article from a page's bytes.
     *
     * @param in      the page, not closed here
     * @param charset the charset the server declared, or null to take it from the page (BOM, {@code <meta charset>})
     *                and else UTF-8
     * @param url     where the page was fetched from
     * @throws IOException when the bytes cannot be read
     */
    public ExtractedArticle extract(InputStream in, String charset, URI url) throws IOException, ExtractionException {
        return extract(Jsoup.parse(in, charset, url.toString()), url);
    }

    /** Extracts from a parsed page; the document is changed (boilerplate is removed from it). */
    ExtractedArticle extract(Document page, URI url) throws ExtractionException {
        PageMetadata meta = new PageMetadata(page, url);
        String title = meta.title().orElseThrow(() -> new ExtractionException("page has no headline (no og:title, h1 or title)"));
        String author = meta.author().orElse(null);
        Instant now = clock.instant();
        OffsetDateTime published = meta.published(now).orElse(null);
        OffsetDateTime updated = meta.updated(now, published).orElse(null);
        String canonical = meta.canonicalUrl().orElse(null);
        String leadImage = meta.leadImage().orElse(null);
        boolean declaredNotFree = meta.declaredNotFree();
        List<String> stateScripts = EmbeddedBody.stateScripts(page);
        // Body extraction removes boilerplate from the document, so everything above is read first.
        BodyExtractor.Body body = new BodyExtractor(page, meta.headlineElement(), title, author).extract();
        String text = String.join("\n\n", body.paragraphs());
        if (Paywall.isTooShort(text)) {
            String embedded = String.join("\n\n", embeddedParagraphs(stateScripts, meta, title));
            if (embedded.length() > text.length()) {
                text = embedded;
            }
        }
        if (author == null) {
            author = body.trailingByline();
        }
        String language = WritingSystem.language(meta.declaredLanguage(), text).orElse(null);
        boolean partial = declaredNotFree || body.paywallNotice() || Paywall.isTooShort(text);
        return new ExtractedArticle(title, text, author, published, updated, language, canonical, leadImage, partial);
    }

    private static List<String> embeddedParagraphs(List<String> stateScripts, PageMetadata meta, String title) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : EmbeddedBody.paragraphs(stateScripts, meta.jsonLd())) {
            String text = BoilerplateText.withoutInlineLabels(paragraph);
            if (!text.isEmpty() && !text.equals(title) && !BoilerplateText.isBoilerplateParagraph(text)) {
                kept.add(text);
            }
        }
        return kept;
    }
}
