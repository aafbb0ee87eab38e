package org.ronda.ingest.feed;

/** A feed document that is not RSS or Atom, or is malformed. The message says why. */
public class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
