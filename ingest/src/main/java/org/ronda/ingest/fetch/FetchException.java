package org.ronda.ingest.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A fetch that failed: the URL asked for, the URL of the request that failed (differs after a
 * redirect), the HTTP status (0 when no response arrived), whether a later attempt may succeed, and a
 * short reason code for metrics and dead letters.
 *
 * <p>Reason codes. Temporary: {@value #TIMEOUT}, {@value #CONNECT_FAILED}, {@value #IO_ERROR},
 * {@value #DNS_FAILED}, {@value #THROTTLED}, {@value #ROBOTS_UNAVAILABLE}, {@value #INTERRUPTED},
 * {@code http-408}, {@code http-429}, {@code http-5xx}. Permanent: {@code http-4xx} (others),
 * {@code http-3xx} (a redirect status without a usable target, or an unasked-for 304),
 * {@value #TOO_LARGE}, {@value #BLOCKED_ADDRESS}, {@value #ROBOTS_DISALLOWED}, {@value #REDIRECT_LOOP},
 * {@value #TOO_MANY_REDIRECTS}, {@value #BAD_REDIRECT}, {@value #UNSUPPORTED_SCHEME}, {@value #BAD_URL},
 * {@value #BAD_RESPONSE}, {@value #UNSUPPORTED_ENCODING}, {@value #BAD_ENCODING}, {@value #TLS_FAILED}.
 */
public class FetchException extends Exception {

    private static final long serialVersionUID = 2L;

    /** No response, or no next byte of it, within the configured time. */
    public static final String TIMEOUT = "timeout";
    /** No address of the host accepted a connection. */
    public static final String CONNECT_FAILED = "connect-failed";
    /** The connection broke while sending or reading. */
    public static final String IO_ERROR = "io-error";
    /** The host name did not resolve. */
    public static final String DNS_FAILED = "dns-failed";
    /** The per-host throttle had no slot within the configured wait. */
    public static final String THROTTLED = "throttled";
    /** The host's robots.txt could not be read (5xx, 429, timeout); its pages wait. */
    public static final String ROBOTS_UNAVAILABLE = "robots-unavailable";
    /** The fetching thread was interrupted. */
    public static final String INTERRUPTED = "interrupted";
    /** The body is larger than the policy allows, after decoding. */
    public static final String TOO_LARGE = "too-large";
    /** The host resolves to an address the guard refuses (loopback, private, link-local, metadata ...). */
    public static final String BLOCKED_ADDRESS = "blocked-address";
    /** The host's robots.txt disallows the URL for our product token. */
    public static final String ROBOTS_DISALLOWED = "robots-disallowed";
    /** A redirect led back to a URL already visited in this fetch. */
    public static final String REDIRECT_LOOP = "redirect-loop";
    /** More redirects than the policy allows. */
    public static final String TOO_MANY_REDIRECTS = "too-many-redirects";
    /** A redirect without a Location, or with one that is not a URL. */
    public static final String BAD_REDIRECT = "bad-redirect";
    /** Neither http nor https. */
    public static final String UNSUPPORTED_SCHEME = "unsupported-scheme";
    /** A URL without a usable host. */
    public static final String BAD_URL = "bad-url";
    /** The server's answer is not HTTP we accept (malformed status line, headers, framing). */
    public static final String BAD_RESPONSE = "bad-response";
    /** A Content-Encoding other than gzip, deflate or identity. */
    public static final String UNSUPPORTED_ENCODING = "unsupported-encoding";
    /** A gzip or deflate body that does not decode. */
    public static final String BAD_ENCODING = "bad-encoding";
    /** The TLS handshake failed (certificate not valid for the host, no common protocol). */
    public static final String TLS_FAILED = "tls-failed";

    private final URI url;
    private final URI failedUrl;
    private final int status;
    private final boolean temporary;
    private final String reason;
    private final Duration retryAfter;
    private final String detail;

    /**
     * A failure of a request to {@code url} itself.
     *
     * @param reason a short code; see the class documentation
     */
    public FetchException(URI url, int status, boolean temporary, String reason, Throwable cause) {
        this(url, url, status, temporary, reason, null, null, cause);
    }

    FetchException(URI url, URI failedUrl, int status, boolean temporary, String reason, String detail,
            Duration retryAfter, Throwable cause) {
        super(message(url, failedUrl, status, reason, detail), cause);
        this.url = Objects.requireNonNull(url, "url");
        this.failedUrl = Objects.requireNonNull(failedUrl, "failedUrl");
        this.status = status;
        this.temporary = temporary;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
        this.detail = detail;
    }

    static FetchException permanentFailure(URI url, URI failedUrl, String reason, String detail) {
        return new FetchException(url, failedUrl, 0, false, reason, detail, null, null);
    }

    static FetchException temporaryFailure(URI url, URI failedUrl, String reason, String detail, Throwable cause) {
        return new FetchException(url, failedUrl, 0, true, reason, detail, null, cause);
    }

    /** The same failure, reported against {@code requested}, the URL the caller asked for. */
    FetchException asPartOf(URI requested) {
        if (requested.equals(url)) {
            return this;
        }
        FetchException copy = new FetchException(requested, failedUrl, status, temporary, reason, detail,
                retryAfter, getCause());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private static String message(URI url, URI failedUrl, int status, String reason, String detail) {
        StringBuilder m = new StringBuilder(reason);
        if (detail != null && !detail.isBlank()) {
            m.append(": ").append(detail);
        }
        m.append(" (");
        if (status > 0) {
            m.append("HTTP ").append(status).append(", ");
        }
        m.append(url);
        if (failedUrl != null && !failedUrl.equals(url)) {
            m.append(", failed at ").append(failedUrl);
        }
        return m.append(')').toString();
    }

    /** The URL the caller asked for. */
    public URI url() {
        return url;
    }

    /** The URL of the request that failed: {@link #url()}, or a redirect target of it. */
    public URI failedUrl() {
        return failedUrl;
    }

    /** HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** True when retrying later may succeed (timeouts, connection errors, 408, 429, 5xx, robots.txt unreachable). */
    public boolean temporary() {
        return temporary;
    }

    /** A short code for metrics and dead letters, e.g. {@code timeout}, {@code http-404}, {@code blocked-address}. */
    public String reason() {
        return reason;
    }

    /** The delay the server asked for with {@code Retry-After} (429, 503), when it named one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
