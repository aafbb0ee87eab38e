package org.ronda.alerts.email;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ronda.contracts.Alert;

/**
 * What the e-mail channel remembers about one subscriber, persisted as JSON in the compacted
 * e-mail state topic keyed by subscription id. Immutable: the planner returns a new state, which
 * the dispatcher keeps only once the mail it implies went out.
 *
 * @param subscriptionId the subscription
 * @param hourStart      start of the local clock hour {@code sentInHour} counts, or null
 * @param sentInHour     immediate messages sent in that hour
 * @param pending        alerts waiting for the next digest, oldest first, each at its latest revision
 * @param digestDueAt    when the pending alerts are to be mailed, or null when nothing is pending
 * @param mailed         alert ids already mailed (immediately or in a digest) and when; lets a
 *                       replayed or updated alert be dropped instead of mailed twice
 */
record SubscriberState(
        String subscriptionId,
        Instant hourStart,
        int sentInHour,
        List<Alert> pending,
        Instant digestDueAt,
        Map<String, Instant> mailed) {

    SubscriberState {
        pending = pending == null ? List.of() : List.copyOf(pending);
        // LinkedHashMap keeps the JSON stable; the map is never shared with a caller that mutates it.
        mailed = mailed == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(mailed));
    }

    /** A subscriber the channel knows nothing about yet. */
    static SubscriberState empty(String subscriptionId) {
        return new SubscriberState(subscriptionId, null, 0, List.of(), null, Map.of());
    }

    /** The pending alert with this id, or -1. */
    int pendingIndex(String alertId) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).alertId().equals(alertId)) {
                return i;
            }
        }
        return -1;
    }

    SubscriberState withPending(List<Alert> newPending, Instant dueAt) {
        return new SubscriberState(subscriptionId, hourStart, sentInHour, newPending, dueAt, mailed);
    }

    SubscriberState withHourCount(Instant newHourStart, int count) {
        return new SubscriberState(subscriptionId, newHourStart, count, pending, digestDueAt, mailed);
    }

    SubscriberState withMailed(Map<String, Instant> newMailed) {
        return new SubscriberState(subscriptionId, hourStart, sentInHour, pending, digestDueAt, newMailed);
    }

    List<Alert> pendingCopy() {
        return new ArrayList<>(pending);
    }
}
