package org.ronda.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the feeds a web page announces with
 * {@code <link rel="alternate" type="application/rss+xml" href="...">} (or Atom, or RSS 1.0's RDF
 * type), for sources listed with a homepage and no feed.
 */
public class FeedDiscoverer {

    private static final Set<String> FEED_TYPES = Set.of("application/rss+xml", "application/atom+xml", "application/rdf+xml");

    /**
     * The absolute http(s) URLs of the feeds {@code html} announces, in document order, without
     * duplicates. Relative links are resolved against {@code <base href>} or {@code pageUrl}.
     * Comment feeds (WordPress's {@code /comments/feed/}) are left out: they carry readers'
     * comments, not articles. An empty list means the page announces no feed.
     */
    public List<URI> discover(String html, URI pageUrl) {
        return discover(Jsoup.parse(html, pageUrl.toString()));
    }

    /**
     * As {@link #discover(String, URI)}, for a page as fetched: the charset comes from
     * {@code contentType}, else from the page's byte order mark or {@code <meta charset>}.
     */
    public List<URI> discover(byte[] body, String contentType, URI pageUrl) {
        String charset = XmlDecoder.headerCharset(contentType).map(c -> c.name()).orElse(null);
        try {
            return discover(Jsoup.parse(new ByteArrayInputStream(body), charset, pageUrl.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory page cannot fail", e);
        }
    }

    private static List<URI> discover(Document page) {
        List<URI> feeds = new ArrayList<>();
        for (Element link : page.select("link[href][type][rel]")) {
            if (!isAlternate(link.attr("rel")) || !FEED_TYPES.contains(mediaType(link.attr("type")))) {
                continue;
            }
            String resolved = ItemLinks.resolve(null, link.absUrl("href"));
            if (resolved == null || isCommentFeed(resolved, link.attr("title"))) {
                continue;
            }
            URI feed = URI.create(resolved);
            if (!feeds.contains(feed)) {
                feeds.add(feed);
            }
        }
        return feeds;
    }

    private static boolean isAlternate(String rel) {
        for (String token : rel.strip().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("alternate")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String type) {
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isCommentFeed(String url, String title) {
        String path = URI.create(url).getPath();
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return p.endsWith("/comments/feed") || p.endsWith("/comments/feed/")
                || title.toLowerCase(Locale.ROOT).contains("comments feed");
    }
}
