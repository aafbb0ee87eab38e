package org.ronda.ingest.feed;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ronda.ingest.feed.FeedParseException.Reason;

/**
 * Reads sitemaps (sitemaps.org 0.9): a {@code <urlset>} of pages, with Google News
 * {@code <news:news>} data when present, or a {@code <sitemapindex>} whose child sitemaps the
 * caller fetches. Gzip bodies ({@code .xml.gz}) are inflated. Thread-safe.
 *
 * <p>Parsed with the JDK's StAX reader with DTD support and external entities off, after
 * {@link XmlPrologue} has refused internal subsets; a DTD that still reaches the parser is refused.
 * Elements are matched by local name and parent, not namespace, because many sites get the
 * namespace wrong. Dates are W3C datetimes; one that cannot be read is left null rather than
 * failing the sitemap.
 */
public class SitemapReader {

    /** The sitemap protocol's limit of URLs per sitemap; entries past it are skipped. */
    public static final int MAX_ENTRIES = 50_000;

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]xx");

    /** A factory per document: StAX does not promise that one is safe to share between threads. */
    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /**
     * Reads a sitemap. Relative {@code <loc>}s (not allowed, but seen) are resolved against
     * {@code sitemapUrl}; entries whose {@code <loc>} is not an http(s) URL are skipped.
     *
     * @throws FeedParseException EMPTY, HTML, DOCTYPE, MALFORMED, NOT_A_FEED (another root element) or TOO_LARGE
     */
    public Sitemap read(byte[] document, String contentType, URI sitemapUrl) throws FeedParseException {
        XmlDecoder.Decoded decoded = XmlDecoder.decode(document, contentType);
        String text = XmlPrologue.check(decoded.text(), contentType, "sitemap");
        XMLStreamReader xml = null;
        try {
            xml = secureFactory().createXMLStreamReader(new StringReader(text));
            return read(xml, contentType, sitemapUrl);
        } catch (XMLStreamException e) {
            if (XmlPrologue.isHtmlType(contentType)) {
                throw XmlPrologue.html("sitemap", contentType);
            }
            throw new FeedParseException(Reason.MALFORMED, "not a readable sitemap: " + e.getMessage(), e);
        } finally {
            close(xml);
        }
    }

    private static Sitemap read(XMLStreamReader xml, String contentType, URI base) throws XMLStreamException, FeedParseException {
        Deque<String> path = new ArrayDeque<>();
        String root = null;
        List<SitemapEntry> entries = new ArrayList<>();
        List<ChildSitemap> children = new ArrayList<>();
        int skipped = 0;
        Fields current = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new FeedParseException(Reason.DOCTYPE, "the sitemap declares a DTD; refused");
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                String name = path.pop();
                if (current != null && (name.equals("url") || name.equals("sitemap")) && path.size() == 1) {
                    if (root.equals("urlset") && name.equals("url")) {
                        String loc = ItemLinks.resolve(base, current.loc);
                        if (loc == null || entries.size() >= MAX_ENTRIES) {
                            skipped++;
                        } else {
                            entries.add(new SitemapEntry(loc, current.lastmod, current.title, current.published,
                                    current.language, current.publication));
                        }
                    } else if (root.equals("sitemapindex") && name.equals("sitemap")) {
                        String loc = ItemLinks.resolve(base, current.loc);
                        if (loc == null || children.size() >= MAX_ENTRIES) {
                            skipped++;
                        } else {
                            children.add(new ChildSitemap(URI.create(loc), current.lastmod));
                        }
                    }
                    current = null;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (root == null) {
                root = name;
                if (name.equalsIgnoreCase("html")) {
                    throw XmlPrologue.html("sitemap", contentType);
                }
                if (!name.equals("urlset") && !name.equals("sitemapindex")) {
                    throw new FeedParseException(Reason.NOT_A_FEED,
                            "not a sitemap: the root element is <" + name + ">, not <urlset> or <sitemapindex>");
                }
                path.push(name);
                continue;
            }
            String parent = path.peek();
            if (path.size() == 1 && (name.equals("url") || name.equals("sitemap"))) {
                current = new Fields();
                path.push(name);
                continue;
            }
            if (current != null && isField(name, parent)) {
                // getElementText consumes the end tag, so the element is never pushed.
                current.set(name, parent, xml.getElementText().strip());
                continue;
            }
            path.push(name);
        }
        if (root == null) {
            throw new FeedParseException(Reason.EMPTY, "the sitemap has no root element");
        }
        return new Sitemap(root.equals("sitemapindex"), entries, children, skipped);
    }

    private static boolean isField(String name, String parent) {
        return switch (name) {
            case "loc", "lastmod" -> parent.equals("url") || parent.equals("sitemap");
            case "publication_date", "title" -> parent.equals("news");
            case "name", "language" -> parent.equals("publication");
            default -> false;
        };
    }

    /** The fields of the {@code <url>} or {@code <sitemap>} being read. */
    private static final class Fields {
        String loc;
        Instant lastmod;
        String title;
        Instant published;
        String language;
        String publication;

        void set(String name, String parent, String value) {
            String v = value.isEmpty() ? null : value;
            switch (name) {
                case "loc" -> loc = v;
                case "lastmod" -> lastmod = w3cDate(v);
                case "publication_date" -> published = w3cDate(v);
                case "title" -> title = v;
                case "name" -> publication = v;
                case "language" -> language = v;
                default -> throw new IllegalStateException("not a sitemap field: " + parent + "/" + name);
            }
        }
    }

    /**
     * A W3C datetime ({@code 2024-05-01}, {@code 2024-05-01T09:30+07:00},
     * {@code 2024-05-01T09:30:15.5Z}), also with a {@code +0700} offset or none (read as UTC), or
     * null when it is none of these.
     */
    static Instant w3cDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // fall through to the common mistakes
        }
        try {
            return OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON).toInstant();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return switch (value.length()) {
                case 10 -> LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                case 7 -> YearMonth.parse(value).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
                default -> null;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing a reader over a string frees nothing that matters.
            }
        }
    }
}
