package org.ronda.ingest.health;

import java.util.Locale;

/**
 * How a feed poll failed, which decides what happens next.
 */
public enum FailureClass {
    /** Likely to pass by itself: timeouts, connection resets, HTTP 5xx, 429. Retried with growing intervals. */
    TEMPORARY,
    /**
     * The address answers but the content is wrong: parse errors, an empty feed, an HTML page instead
     * of a feed. Retried like a temporary failure; an operator should look if it lasts.
     */
    SOFT,
    /**
     * The feed is gone or may not be fetched: 404, 410, other 4xx, a blocked address, robots.txt
     * disallow, a host that does not resolve. After several in a row the feed is backed off.
     */
    HARD;

    /**
     * The class of an HTTP error status: 408, 429 and 5xx are temporary, every other 4xx is hard.
     *
     * @throws IllegalArgumentException for a status below 400, which is not an error
     */
    public static FailureClass ofHttpStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HTTP " + status + " is not an error status");
        }
        if (status >= 500 || status == 408 || status == 429) {
            return TEMPORARY;
        }
        return HARD;
    }

    /**
     * The class of a failed feed fetch, from the fetcher's reason code, HTTP status (0 for none) and
     * its own temporary flag. For a feed, a host that does not resolve, an address the SSRF guard
     * refuses, a robots.txt disallow, a redirect that leads nowhere and a TLS certificate that does
     * not fit are hard even when a page fetch would retry them: they rarely heal within minutes, and
     * the back-off only starts after several in a row. An oversize or undecodable body is soft.
     *
     * @param reason a fetch reason code such as {@code dns-failed} or {@code http-404}; unknown codes fall back on the status and flag
     */
    public static FailureClass ofFetch(String reason, int status, boolean temporary) {
        if (status >= 400 && status <= 599) {
            return ofHttpStatus(status);
        }
        String code = reason == null ? "" : reason;
        return switch (code) {
            case "dns-failed", "blocked-address", "robots-disallowed", "bad-url", "unsupported-scheme", "redirect-loop",
                    "too-many-redirects", "bad-redirect", "tls-failed" -> HARD;
            case "too-large", "bad-response", "bad-encoding", "unsupported-encoding" -> SOFT;
            default -> temporary ? TEMPORARY : SOFT;
        };
    }

    /** The label used in metrics and reports, e.g. {@code temporary}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
