package org.ronda.contracts;

/** An event that violates its contract: a missing field, a bad id, an unknown topic, a bad JSON. */
public class InvalidEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
