package org.ronda.ingest.feed;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;
import org.ronda.ingest.feed.FeedParseException.Reason;

/**
 * Reads RSS 0.90 to 2.0, RSS 1.0 (RDF) and Atom 0.3 and 1.0 documents with Rome into
 * {@link FeedItem}s.
 *
 * <p>What the regional web serves is taken as it comes where that is safe: a wrong charset or a
 * stray control character costs the characters concerned, not the feed ({@link XmlDecoder}); a
 * feed served as {@code text/html} is still read when its content is a feed. What is not safe is
 * refused with a {@link FeedParseException}: DTDs that declare entities ({@link XmlPrologue}), and
 * HTML pages, which are named as such so an operator can see that a feed moved.
 */
public class FeedReader {

    /**
     * Parses a feed document. Relative item links are resolved against {@code feedUrl}; items with
     * no link are dropped, since an article is identified by its URL.
     */
    public List<FeedItem> read(byte[] document, String contentType, URI feedUrl) throws FeedParseException {
        return parse(document, contentType, feedUrl).items();
    }

    /**
     * Parses a feed document and says what it was.
     *
     * @param contentType the Content-Type header, or null; its charset is used when the document declares none
     * @throws FeedParseException with reason EMPTY, HTML, DOCTYPE, MALFORMED or NOT_A_FEED
     */
    public ParsedFeed parse(byte[] document, String contentType, URI feedUrl) throws FeedParseException {
        XmlDecoder.Decoded decoded = XmlDecoder.decode(document, contentType);
        String text = XmlPrologue.check(decoded.text(), contentType, "feed");
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            input.setPreserveWireFeed(true);
            feed = input.build(new StringReader(text));
        } catch (FeedException e) {
            throw failure(e, contentType);
        } catch (IllegalArgumentException e) {
            // Rome's way of saying the root element is not one of its formats.
            if (XmlPrologue.isHtmlType(contentType)) {
                throw XmlPrologue.html("feed", contentType);
            }
            throw new FeedParseException(Reason.NOT_A_FEED, "not a readable RSS or Atom feed: well-formed XML, but "
                    + "not a format Rome reads (" + e.getMessage() + ")", e);
        }
        List<FeedItem> items = new ArrayList<>();
        int skipped = 0;
        for (SyndEntry entry : feed.getEntries()) {
            String link = ItemLinks.resolve(feedUrl, link(entry));
            if (link == null) {
                skipped++;
                continue;
            }
            items.add(new FeedItem(link, blankToNull(entry.getUri()), plainText(entry.getTitle()), summary(entry),
                    date(entry)));
        }
        return new ParsedFeed(feed.getFeedType(), plainText(feed.getTitle()), items, skipped, decoded.repaired());
    }

    private static FeedParseException failure(FeedException e, String contentType) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE is disallowed")) {
            return new FeedParseException(Reason.DOCTYPE, "the feed declares a DTD; refused so that no entity is expanded", e);
        }
        if (XmlPrologue.isHtmlType(contentType)) {
            return XmlPrologue.html("feed", contentType);
        }
        return new FeedParseException(Reason.MALFORMED, "not a readable RSS or Atom feed: " + message, e);
    }

    /** The entry's link; Atom entries without a plain link may still have an alternate one. */
    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        for (SyndLink link : entry.getLinks()) {
            if ((link.getRel() == null || "alternate".equals(link.getRel())) && link.getHref() != null) {
                return link.getHref();
            }
        }
        return null;
    }

    private static String summary(SyndEntry entry) {
        String description = plainText(entry.getDescription());
        if (description != null) {
            return description;
        }
        for (SyndContent content : entry.getContents()) {
            String text = plainText(content);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String plainText(SyndContent content) {
        return content == null ? null : plainText(content.getValue());
    }

    /** Feed text is often HTML, escaped or not; items need plain text. */
    private static String plainText(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.indexOf('<') >= 0 || value.indexOf('&') >= 0 ? Jsoup.parse(value).text() : value.strip();
        return text.isEmpty() ? null : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant date(SyndEntry entry) {
        // Rome gives an Atom 0.3 entry's <modified> as its published date; <issued> is the publication date.
        if (entry.getWireEntry() instanceof Entry atom && atom.getIssued() != null) {
            return atom.getIssued().toInstant();
        }
        Date d = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return d == null ? null : d.toInstant();
    }
}
