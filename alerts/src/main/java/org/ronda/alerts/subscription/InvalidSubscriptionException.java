package org.ronda.alerts.subscription;

/** A subscription request that cannot be accepted: the caller's to fix (400), naming the field. */
public class InvalidSubscriptionException extends RuntimeException {

    private final String field;

    public InvalidSubscriptionException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code topics} or {@code webhook.url}. */
    public String field() {
        return field;
    }
}
