package org.ronda.ingest.feed;

import java.util.Locale;
import org.ronda.ingest.feed.FeedParseException.Reason;

/**
 * Looks at what comes before the root element of a decoded document, before any XML parser sees
 * it: HTML pages are named as such, document type declarations are handled without a parser.
 *
 * <p>A DOCTYPE with an internal subset ({@code <!DOCTYPE rss [ ... ]>}) is where entities are
 * declared, which is how XXE and billion-laughs documents work: it is refused. A DOCTYPE with only
 * an external identifier (Netscape's RSS 0.91 feeds still carry one) is cut out unread, so the DTD
 * is never fetched and nothing it might declare exists; an entity reference that relied on it then
 * fails as undeclared. The parsers behind this are configured to refuse any DOCTYPE as well, in
 * case one slips past.
 */
final class XmlPrologue {

    private XmlPrologue() {
    }

    /**
     * Returns {@code text} ready for a DOCTYPE-refusing parser.
     *
     * @param what what the document should be ("feed", "sitemap"), for messages
     * @throws FeedParseException EMPTY, HTML, DOCTYPE or MALFORMED (not XML at all)
     */
    static String check(String document, String contentType, String what) throws FeedParseException {
        String text = document;
        int i = 0;
        int n = text.length();
        while (true) {
            i = skipWhiteSpace(text, i);
            if (i >= n) {
                throw new FeedParseException(Reason.EMPTY, "empty document where a " + what + " was expected");
            }
            if (text.startsWith("<?", i)) {
                i = after(text, i, "?>", what);
            } else if (text.startsWith("<!--", i)) {
                i = after(text, i, "-->", what);
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int end = doctypeEnd(text, i, contentType, what);
                text = text.substring(0, i) + text.substring(end);
                n = text.length();
            } else if (text.charAt(i) == '<') {
                String root = name(text, i + 1);
                if (root.equalsIgnoreCase("html") || root.equalsIgnoreCase("head") || root.equalsIgnoreCase("body")) {
                    throw html(what, contentType);
                }
                return text;
            } else {
                String start = text.substring(i, Math.min(n, i + 20)).replaceAll("\\s+", " ");
                throw new FeedParseException(Reason.MALFORMED, "not XML where a " + what + " was expected: starts with '" + start + "'");
            }
        }
    }

    /** The error for an HTML page served where a feed or sitemap was expected. */
    static FeedParseException html(String what, String contentType) {
        return new FeedParseException(Reason.HTML, "an HTML page, not a " + what
                + (contentType == null || contentType.isBlank() ? "" : " (Content-Type " + contentType.strip() + ")"));
    }

    /** True when {@code contentType} names HTML. */
    static boolean isHtmlType(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private static int doctypeEnd(String text, int start, String contentType, String what) throws FeedParseException {
        String name = name(text, skipWhiteSpace(text, start + 9));
        if (name.equalsIgnoreCase("html")) {
            throw html(what, contentType);
        }
        char quote = 0;
        for (int i = start + 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                throw new FeedParseException(Reason.DOCTYPE, "the " + what + " declares a DTD internal subset"
                        + " (<!DOCTYPE " + name + " [...]>), where entities are defined; refused unparsed so that no"
                        + " entity is expanded and no external reference is loaded");
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new FeedParseException(Reason.MALFORMED, "unterminated <!DOCTYPE in the " + what);
    }

    private static int after(String text, int start, String end, String what) throws FeedParseException {
        int at = text.indexOf(end, start);
        if (at < 0) {
            throw new FeedParseException(Reason.MALFORMED, "unterminated '" + text.substring(start, start + 2) + "' in the " + what);
        }
        return at + end.length();
    }

    private static int skipWhiteSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String name(String text, int start) {
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "/>[".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return text.substring(start, i);
    }
}
