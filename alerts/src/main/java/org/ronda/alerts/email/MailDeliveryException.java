package org.ronda.alerts.email;

/**
 * The mail server did not take a message. Transient failures (no connection, timeouts, 4xx
 * replies) are retried; permanent ones (5xx, such as a rejected recipient) are dead-lettered.
 */
class MailDeliveryException extends Exception {

    private final boolean transientFailure;
    private final String reason;
    private final int replyCode;

    /**
     * @param reason    a short reason code: {@code smtp-unreachable}, {@code smtp-4xx}, {@code recipient-rejected}, {@code smtp-5xx}
     * @param replyCode the SMTP reply code, or -1 when there was none
     */
    MailDeliveryException(String reason, int replyCode, boolean transientFailure, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.replyCode = replyCode;
        this.transientFailure = transientFailure;
    }

    /** True when retrying the same message later may succeed. */
    boolean isTransient() {
        return transientFailure;
    }

    /** The short reason code. */
    String reason() {
        return reason;
    }

    /** The SMTP reply code, or -1. */
    int replyCode() {
        return replyCode;
    }
}
