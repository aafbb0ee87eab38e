package org.ronda.alerts.webhook;

/**
 * A webhook URL that Ronda will not POST to, with a short reason code and a message fit to show the
 * subscriber (it names the host and the refused address, never the secret).
 *
 * <p>Reason codes: {@value #UNSUPPORTED_SCHEME}, {@value #BAD_URL}, {@value #BLOCKED_ADDRESS} and
 * {@value #DNS_FAILED}. Only {@code dns-failed} is {@linkplain #temporary() temporary}.
 */
public class WebhookUrlRefusedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Neither http nor https. */
    public static final String UNSUPPORTED_SCHEME = "unsupported-scheme";
    /** Not an absolute URL with a host. */
    public static final String BAD_URL = "bad-url";
    /** The host is, or resolves to, a loopback, private, link-local, metadata or other non-public address. */
    public static final String BLOCKED_ADDRESS = "blocked-address";
    /** The host name does not resolve (now). */
    public static final String DNS_FAILED = "dns-failed";

    private final String reason;
    private final boolean temporary;

    WebhookUrlRefusedException(String reason, boolean temporary, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.temporary = temporary;
    }

    /** A short code: see the class documentation. */
    public String reason() {
        return reason;
    }

    /** True when the same URL may pass later: the name did not resolve. */
    public boolean temporary() {
        return temporary;
    }
}
