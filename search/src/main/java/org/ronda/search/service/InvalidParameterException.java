package org.ronda.search.service;

/** A request parameter with a value the service cannot use; the message says what is accepted. */
public final class InvalidParameterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter's name as the API spells it. */
    public String parameter() {
        return parameter;
    }
}
