package org.ronda.alerts.subscription;

import java.util.Collection;
import java.util.Optional;
import org.ronda.contracts.Subscription;

/** Read access to the current subscriptions, for the delivery channels. */
public interface SubscriptionDirectory {

    /** The subscription with this id, or empty when it does not exist (any more). */
    Optional<Subscription> find(String id);

    /** Every current subscription. */
    Collection<Subscription> all();
}
