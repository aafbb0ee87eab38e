package org.ronda.ingest.feed;

import java.util.Locale;

/**
 * A feed or sitemap document that cannot be read. The {@link #reason()} says why in a form a
 * program can act on; the message says it for a person. Neither carries the document itself.
 */
public class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a document was not read. Every reason is a soft failure for the feed: the address answers, the content is wrong. */
    public enum Reason {
        /** The body is empty or only white space. */
        EMPTY,
        /** An HTML page where a feed was expected: a moved feed, a login wall or an error page. */
        HTML,
        /** The document declares entities or a DTD internal subset; refused before parsing so nothing is expanded. */
        DOCTYPE,
        /** Not XML, or XML that is not well-formed. */
        MALFORMED,
        /** Well-formed XML, but not RSS, Atom or a sitemap. */
        NOT_A_FEED,
        /** Larger than the parser accepts once decompressed. */
        TOO_LARGE;

        /** The label used in metrics and reports, e.g. {@code not-a-feed}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public FeedParseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public FeedParseException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** A malformed document; kept for callers of the first version. */
    public FeedParseException(String message, Throwable cause) {
        this(Reason.MALFORMED, message, cause);
    }

    public Reason reason() {
        return reason;
    }
}
