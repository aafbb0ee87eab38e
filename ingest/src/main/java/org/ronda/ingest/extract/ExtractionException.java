package org.ronda.ingest.extract;

/** A page from which no article could be extracted; the message says why. */
public class ExtractionException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExtractionException(String message) {
        super(message);
    }
}
