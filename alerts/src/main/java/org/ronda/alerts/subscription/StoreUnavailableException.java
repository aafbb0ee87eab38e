package org.ronda.alerts.subscription;

/** Kafka did not take a subscription change; the API answers 503 and nothing was changed. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
