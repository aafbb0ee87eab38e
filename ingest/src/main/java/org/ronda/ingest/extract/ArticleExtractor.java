package org.ronda.ingest.extract;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts an article's body text and metadata from its HTML page with jsoup. The body is the
 * container whose paragraphs hold the most text, after boilerplate (navigation, share bars,
 * related-article lists, comments, cookie banners, ads, captions) has been removed.
 */
public class ArticleExtractor {

    /** Tags that never hold body text. */
    private static final String NEVER_BODY =
            "script, style, noscript, template, iframe, form, button, input, select, textarea, svg, nav, header, footer, aside, figure, figcaption, dialog";

    /** Class or id words of boilerplate blocks and of inline junk inside paragraphs. */
    private static final Pattern JUNK = Pattern.compile(
            "(^|[-_\\s])(related|comments?|share|sharing|social|newsletter|subscribe|subscription|cookies?|consent|gdpr|promo|"
                    + "advert|advertisement|ads?|ad-slot|adslot|sponsored|sponsor|banner|breadcrumbs?|tags|hashtags?|sidebar|widget|"
                    + "read-?also|read-?more|more-stories|recommended|popular|trending|app-promo|download-app|try-app|caption|credit|"
                    + "byline|dateline|toolbar|modal|popup|slideshow|outbrain|taboola|alerts?|mc4wp|sharedaddy|relatedposts|more-from|see-also|discussion|keywords)([-_\\s]|$)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Class words of "get our app" boxes. Matched on class only and only on short blocks, since
     * single-page sites wrap the whole page in {@code <div id="app">}.
     */
    private static final Pattern APP_PROMO = Pattern.compile("(^|[-_\\s])apps?([-_\\s]|$)", Pattern.CASE_INSENSITIVE);
    private static final int APP_PROMO_MAX_CHARS = 400;

    /** Paragraphs that are cross-links or labels rather than body text, in the region's languages. */
    private static final Pattern JUNK_PARAGRAPH = Pattern.compile(
            "^(read also|read more|also read|advertisement|baca juga|lihat juga|đọc thêm|xem thêm|อ่านเพิ่มเติม|อ่านข่าว|basahin din)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Clock clock;

    public ArticleExtractor() {
        this(Clock.systemUTC());
    }

    ArticleExtractor(Clock clock) {
        this.clock = clock;
    }

    /** Extracts the article on {@code html}, a page fetched from {@code url}. */
    public ExtractedArticle extract(String html, URI url) throws ExtractionException {
        Document page = Jsoup.parse(html, url.toString());
        PageMetadata meta = new PageMetadata(page);
        String title = meta.title().orElseThrow(() -> new ExtractionException("page has no headline (no og:title, h1 or title)"));
        String author = meta.author().orElse(null);
        var published = meta.published(clock.instant()).orElse(null);
        String language = meta.language().orElse(null);
        String canonical = meta.canonicalUrl().orElse(null);
        // Body extraction removes boilerplate from the document, so metadata is read first.
        String text = String.join("\n\n", bodyParagraphs(page));
        return new ExtractedArticle(title, text, author, published, language, canonical);
    }

    private static List<String> bodyParagraphs(Document page) {
        Element body = page.body();
        body.select(NEVER_BODY).remove();
        for (Element element : body.select("[class], [id]")) {
            if (isJunk(element)) {
                element.remove();
            }
        }
        Element container = densestContainer(body);
        List<String> paragraphs = new ArrayList<>();
        if (container == null) {
            return paragraphs;
        }
        for (Element p : container.select("p, blockquote > p, h2, h3")) {
            String text = p.text().strip();
            if (text.isEmpty() || JUNK_PARAGRAPH.matcher(text).matches() || linkDensity(p, text) > 0.5) {
                continue;
            }
            if (!p.tagName().equals("p") && text.length() < 20) {
                continue;
            }
            paragraphs.add(text);
        }
        return paragraphs;
    }

    private static boolean isJunk(Element element) {
        if (element.tagName().equals("body") || element.tagName().equals("html")) {
            return false;
        }
        if (JUNK.matcher(element.className()).find() || JUNK.matcher(element.id()).find()) {
            return true;
        }
        return APP_PROMO.matcher(element.className()).find() && element.text().length() <= APP_PROMO_MAX_CHARS;
    }

    /** The element whose paragraphs hold the most text; a paragraph also counts half for its grandparent. */
    private static Element densestContainer(Element body) {
        Map<Element, Integer> scores = new HashMap<>();
        Elements paragraphs = body.select("p");
        for (Element p : paragraphs) {
            int length = p.text().length();
            if (length < 25) {
                continue;
            }
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            scores.merge(parent, length, Integer::sum);
            Element grandparent = parent.parent();
            if (grandparent != null) {
                scores.merge(grandparent, length / 2, Integer::sum);
            }
        }
        Element best = null;
        int bestScore = 0;
        for (Map.Entry<Element, Integer> entry : scores.entrySet()) {
            if (entry.getValue() > bestScore) {
                best = entry.getKey();
                bestScore = entry.getValue();
            }
        }
        return best;
    }

    private static double linkDensity(Element p, String text) {
        int linked = 0;
        for (Element a : p.select("a")) {
            linked += a.text().length();
        }
        return text.isEmpty() ? 0 : (double) linked / text.length();
    }
}
