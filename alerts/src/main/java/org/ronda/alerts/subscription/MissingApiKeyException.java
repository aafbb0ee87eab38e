package org.ronda.alerts.subscription;

/** A subscription call came without an API key (401). */
public class MissingApiKeyException extends RuntimeException {

    public MissingApiKeyException() {
        super("an API key is required: send 'Authorization: Bearer <key>' (POST /api/keys makes one)");
    }
}
