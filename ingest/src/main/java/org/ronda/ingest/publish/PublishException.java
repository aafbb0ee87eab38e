package org.ronda.ingest.publish;

/** Kafka did not acknowledge a record in time. Transient: the item is retried at the next poll. */
public class PublishException extends Exception {

    private static final long serialVersionUID = 1L;

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
