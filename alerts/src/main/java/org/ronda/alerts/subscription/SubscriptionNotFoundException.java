package org.ronda.alerts.subscription;

/**
 * No subscription with this id belongs to the caller. Deliberately the same whether it does not
 * exist or belongs to someone else, so ids cannot be probed.
 */
public class SubscriptionNotFoundException extends RuntimeException {

    public SubscriptionNotFoundException(String id) {
        super("no subscription " + id + " for this API key");
    }
}
