package org.ronda.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jsoup.Jsoup;

/** Parses RSS and Atom documents with Rome into {@link FeedItem}s. Document type declarations are refused. */
public class FeedReader {

    /**
     * Parses a feed document. Relative item links are resolved against {@code feedUrl}; items with
     * no link are dropped, since an article is identified by its URL.
     */
    public List<FeedItem> read(byte[] document, String contentType, URI feedUrl) throws FeedParseException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(document), contentType, true)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(reader);
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedParseException("not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if (link == null || link.isBlank()) {
                continue;
            }
            String resolved = feedUrl.resolve(link.strip()).toString();
            items.add(new FeedItem(resolved, entry.getUri(), entry.getTitle(), plainText(entry.getDescription()),
                    date(entry.getPublishedDate(), entry.getUpdatedDate())));
        }
        return items;
    }

    private static String plainText(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        return Jsoup.parse(content.getValue()).text();
    }

    private static java.time.Instant date(Date published, Date updated) {
        Date d = published != null ? published : updated;
        return d == null ? null : d.toInstant();
    }
}
