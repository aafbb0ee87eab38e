package org.ronda.net;

import java.net.URI;
import java.util.Objects;

/**
 * The {@link AddressGuard} would not let a request to {@link #url()} go out: a short reason code for
 * metrics and dead letters, whether asking again later may succeed, and a detail naming the host and
 * the refused address (never a request body).
 *
 * <p>Reason codes: {@value #BLOCKED_ADDRESS} and {@value #BAD_URL} are permanent for this URL;
 * {@value #DNS_FAILED} is temporary (the name may resolve later).
 */
public class AddressRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The host resolves to an address the guard refuses (loopback, private, link-local, metadata ...). */
    public static final String BLOCKED_ADDRESS = "blocked-address";
    /** The host name did not resolve, or resolved to nothing. */
    public static final String DNS_FAILED = "dns-failed";
    /** A URL without a usable host. */
    public static final String BAD_URL = "bad-url";

    private final URI url;
    private final String reason;
    private final boolean temporary;
    private final String detail;

    AddressRefusedException(URI url, String reason, boolean temporary, String detail, Throwable cause) {
        super(reason + ": " + detail + " (" + url + ")", cause);
        this.url = Objects.requireNonNull(url, "url");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.temporary = temporary;
        this.detail = detail;
    }

    /** The URL that was vetted. */
    public URI url() {
        return url;
    }

    /** {@value #BLOCKED_ADDRESS}, {@value #DNS_FAILED} or {@value #BAD_URL}. */
    public String reason() {
        return reason;
    }

    /** True when the same URL may pass later (a DNS failure). */
    public boolean temporary() {
        return temporary;
    }

    /** What was refused, e.g. {@code metadata.test resolves to 169.254.169.254 (metadata)}. */
    public String detail() {
        return detail;
    }
}
