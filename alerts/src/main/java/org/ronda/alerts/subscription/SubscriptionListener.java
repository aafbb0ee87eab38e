package org.ronda.alerts.subscription;

import org.ronda.contracts.Subscription;

/** Told of every change to the subscriptions, in the order the compacted topic holds them. */
public interface SubscriptionListener {

    /** {@code subscription} was created or changed. */
    void saved(Subscription subscription);

    /** Many subscriptions were loaded at once (start-up); by default one {@link #saved} each. */
    default void savedAll(java.util.Collection<Subscription> subscriptions) {
        subscriptions.forEach(this::saved);
    }

    /** The subscription {@code id} was deleted. */
    void deleted(String id);
}
