package org.ronda.sample;

import static org.ronda.sample.MarkupEscaper.escape;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders an outlet's feed: RSS 2.0 or Atom 1.0 as its {@link Outlet#feedFormat()} says, every
 * article of the outlet, newest first, dates in the outlet's time zone.
 *
 * <p>Item links of every third item (indexes 1, 4, 7, ...) carry {@link #TRACKING_SUFFIX}, as
 * real feeds do; the RSS guid and the Atom id are always the clean article URL, which is also
 * the page's canonical link. Ingest must normalise links to see that both name one article.
 */
public final class FeedRenderer {

    /** The query string appended to some item links. */
    public static final String TRACKING_SUFFIX = "?utm_source=rss&utm_medium=feed";

    private static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    /** An empty outlet's feed still needs an Atom {@code updated}; the first day of the corpus window. */
    private static final OffsetDateTime EMPTY_FEED_UPDATED = OffsetDateTime.parse("2026-09-15T00:00:00Z");

    private final SampleCorpus corpus;
    private final String baseUrl;

    /**
     * @param corpus  the articles to render
     * @param baseUrl scheme, host and port of every absolute URL in the feed, e.g. {@code http://127.0.0.1:8090}
     */
    public FeedRenderer(SampleCorpus corpus, String baseUrl) {
        this.corpus = corpus;
        this.baseUrl = baseUrl;
    }

    /** The outlet's feed document, UTF-8 declared. */
    public String render(Outlet outlet) {
        return switch (outlet.feedFormat()) {
            case RSS -> renderRss(outlet);
            case ATOM -> renderAtom(outlet);
        };
    }

    /** Whether the item at this position of the feed links with {@link #TRACKING_SUFFIX}. */
    public static boolean isTracked(int index) {
        return index % 3 == 1;
    }

    private String renderRss(Outlet outlet) {
        List<SampleArticle> articles = corpus.articlesOf(outlet);
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
                .append(" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n")
                .append("  <channel>\n");
        element(xml, 4, "title", outlet.name());
        element(xml, 4, "link", baseUrl + outlet.homePath());
        element(xml, 4, "description", "Latest news from " + outlet.name());
        element(xml, 4, "language", outlet.language());
        if (!articles.isEmpty()) {
            element(xml, 4, "lastBuildDate", local(articles.get(0).published(), outlet).format(RFC_822));
        }
        element(xml, 4, "generator", "Ronda sample-news");
        xml.append("    <atom:link href=\"").append(escape(baseUrl + outlet.feedPath()))
                .append("\" rel=\"self\" type=\"").append(FeedFormat.RSS.mediaType()).append("\"/>\n");
        for (int i = 0; i < articles.size(); i++) {
            SampleArticle article = articles.get(i);
            String url = baseUrl + corpus.pathOf(article);
            xml.append("    <item>\n");
            element(xml, 6, "title", article.title());
            element(xml, 6, "link", isTracked(i) ? url + TRACKING_SUFFIX : url);
            xml.append("      <guid isPermaLink=\"false\">").append(escape(url)).append("</guid>\n");
            element(xml, 6, "pubDate", local(article.published(), outlet).format(RFC_822));
            element(xml, 6, "description", article.summary());
            if (article.author() != null) {
                element(xml, 6, "dc:creator", article.author());
            }
            element(xml, 6, "category", article.section());
            xml.append("    </item>\n");
        }
        return xml.append("  </channel>\n</rss>\n").toString();
    }

    private String renderAtom(Outlet outlet) {
        List<SampleArticle> articles = corpus.articlesOf(outlet);
        OffsetDateTime feedUpdated = EMPTY_FEED_UPDATED;
        for (int i = 0; i < articles.size(); i++) {
            OffsetDateTime updated = updated(articles.get(i), i);
            if (updated.isAfter(feedUpdated)) {
                feedUpdated = updated;
            }
        }
        StringBuilder xml = new StringBuilder(4096);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
                .append(escape(outlet.language())).append("\">\n");
        element(xml, 2, "id", baseUrl + outlet.homePath());
        element(xml, 2, "title", outlet.name());
        element(xml, 2, "subtitle", "Latest news from " + outlet.name());
        element(xml, 2, "updated", local(feedUpdated, outlet).format(RFC_3339));
        link(xml, 2, "self", FeedFormat.ATOM.mediaType(), baseUrl + outlet.feedPath());
        link(xml, 2, "alternate", "text/html", baseUrl + outlet.homePath());
        xml.append("  <author>\n");
        element(xml, 4, "name", outlet.name());
        xml.append("  </author>\n");
        element(xml, 2, "generator", "Ronda sample-news");
        for (int i = 0; i < articles.size(); i++) {
            SampleArticle article = articles.get(i);
            String url = baseUrl + corpus.pathOf(article);
            xml.append("  <entry");
            if (!article.lang().equals(outlet.language())) {
                xml.append(" xml:lang=\"").append(escape(article.lang())).append('"');
            }
            xml.append(">\n");
            element(xml, 4, "id", url);
            element(xml, 4, "title", article.title());
            link(xml, 4, "alternate", "text/html", isTracked(i) ? url + TRACKING_SUFFIX : url);
            element(xml, 4, "published", local(article.published(), outlet).format(RFC_3339));
            element(xml, 4, "updated", local(updated(article, i), outlet).format(RFC_3339));
            element(xml, 4, "summary", article.summary());
            if (article.author() != null) {
                xml.append("    <author>\n");
                element(xml, 6, "name", article.author());
                xml.append("    </author>\n");
            }
            xml.append("    <category term=\"").append(escape(article.section())).append("\"/>\n");
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /** Every fifth entry was corrected after publication, so readers must not take updated for published. */
    private static OffsetDateTime updated(SampleArticle article, int index) {
        return index % 5 == 3 ? article.published().plusMinutes(95) : article.published();
    }

    private static OffsetDateTime local(OffsetDateTime time, Outlet outlet) {
        return time.atZoneSameInstant(outlet.timeZone()).toOffsetDateTime();
    }

    private static void element(StringBuilder xml, int indent, String name, String text) {
        xml.append(" ".repeat(indent)).append('<').append(name).append('>').append(escape(text))
                .append("</").append(name).append(">\n");
    }

    private static void link(StringBuilder xml, int indent, String rel, String type, String href) {
        xml.append(" ".repeat(indent)).append("<link rel=\"").append(rel).append("\" type=\"").append(type)
                .append("\" href=\"").append(escape(href)).append("\"/>\n");
    }
}
