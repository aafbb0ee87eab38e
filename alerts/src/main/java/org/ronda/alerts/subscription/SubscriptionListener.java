package org.ronda.alerts.subscription;

import org.ronda.contracts.Subscription;

/** Told of every change to the subscriptions, in the order the compacted topic holds them. */
public interface SubscriptionListener {

    /** {@code subscription} was created or changed. */
    void saved(Subscription subscription);

    /** The subscription {@code id} was deleted. */
    void deleted(String id);
}
