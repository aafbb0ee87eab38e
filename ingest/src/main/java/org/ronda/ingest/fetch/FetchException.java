package org.ronda.ingest.fetch;

import java.net.URI;

/**
 * A fetch that failed, with the URL, the HTTP status (0 when there was no response) and whether a
 * later attempt may succeed.
 */
public class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient URI url;
    private final int status;
    private final boolean temporary;

    public FetchException(URI url, int status, boolean temporary, String reason, Throwable cause) {
        super(reason + " (" + (status > 0 ? "HTTP " + status + ", " : "") + url + ")", cause);
        this.url = url;
        this.status = status;
        this.temporary = temporary;
    }

    public URI url() {
        return url;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** True when retrying later may succeed (timeouts, 429, 5xx); false for 404, 410, oversize pages. */
    public boolean temporary() {
        return temporary;
    }
}
