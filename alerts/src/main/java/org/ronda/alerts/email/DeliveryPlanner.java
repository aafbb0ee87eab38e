package org.ronda.alerts.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ronda.contracts.Alert;
import org.ronda.contracts.Subscription;

/**
 * Decides what one alert means for one subscriber's mailbox, and when digests are due. Pure: it
 * reads the time from the injected clock and returns new {@link SubscriberState}s without
 * keeping any.
 *
 * <ul>
 *   <li>A {@code NEW} alert in {@code IMMEDIATE} mode is mailed at once while fewer than
 *       {@code capPerHour} immediate messages went out in the current local clock hour; beyond
 *       that it waits for the digest at the next local top of the hour.</li>
 *   <li>In {@code HOURLY} and {@code DAILY} mode every {@code NEW} alert waits for the digest.</li>
 *   <li>An {@code UPDATED} alert never makes a message: it refreshes the story size of the same
 *       alert while that is pending, and is dropped otherwise (already mailed, or never seen).</li>
 *   <li>An alert already mailed or pending, seen again (a replay after a crash), is dropped or
 *       folded in, so replaying the topic does not mail twice.</li>
 * </ul>
 */
final class DeliveryPlanner {

    /**
     * How long a mailed alert id is remembered. Stories rarely get new copies after a few days,
     * and the matcher's own story state makes an UPDATED alert for older stories unlikely.
     */
    static final Duration MAILED_RETENTION = Duration.ofDays(7);

    /** What to do with one alert. */
    enum Action {
        /** Mail it now; keep {@link Plan#next} once the mail went out. */
        SEND_NOW,
        /** Added to the pending digest. */
        QUEUED,
        /** The pending copy got the new story size. */
        PENDING_UPDATED,
        /** Nothing to do: an update of a mailed story, or a replay. */
        DROPPED
    }

    /**
     * @param action what to do
     * @param next   the state once it is done
     */
    record Plan(Action action, SubscriberState next) {
    }

    /**
     * A digest to send.
     *
     * @param alerts the pending alerts, oldest first
     * @param next   the state once it went out
     */
    record Digest(List<Alert> alerts, SubscriberState next) {
    }

    private final Clock clock;

    DeliveryPlanner(Clock clock) {
        this.clock = clock;
    }

    /** The plan for {@code alert} given what {@code state} says about the subscriber of {@code email}. */
    Plan plan(SubscriberState state, Subscription.Email email, Alert alert) {
        Instant now = clock.instant();
        int index = state.pendingIndex(alert.alertId());
        if (index >= 0) {
            Alert pending = state.pending().get(index);
            if (alert.revision() <= pending.revision()) {
                return new Plan(Action.DROPPED, state);
            }
            List<Alert> updated = state.pendingCopy();
            updated.set(index, refreshed(pending, alert));
            return new Plan(Action.PENDING_UPDATED, state.withPending(updated, state.digestDueAt()));
        }
        if (alert.kind() == Alert.Kind.UPDATED || state.mailed().containsKey(alert.alertId())) {
            return new Plan(Action.DROPPED, state);
        }
        if (email.mode() == Subscription.EmailMode.IMMEDIATE) {
            Instant hour = DigestSchedule.hourStart(now, email.zone());
            int sent = hour.equals(state.hourStart()) ? state.sentInHour() : 0;
            if (sent < email.capPerHour()) {
                SubscriberState next = state.withHourCount(hour, sent + 1).withMailed(remember(state, List.of(alert), now));
                return new Plan(Action.SEND_NOW, next);
            }
        }
        List<Alert> pending = state.pendingCopy();
        pending.add(alert);
        Instant due = state.digestDueAt() != null ? state.digestDueAt() : DigestSchedule.nextDigest(now, email);
        return new Plan(Action.QUEUED, state.withPending(pending, due));
    }

    /** The digest of {@code state} when it is due now, else empty. */
    Optional<Digest> dueDigest(SubscriberState state) {
        Instant now = clock.instant();
        if (state.pending().isEmpty() || state.digestDueAt() == null || now.isBefore(state.digestDueAt())) {
            return Optional.empty();
        }
        SubscriberState next = state.withPending(List.of(), null).withMailed(remember(state, state.pending(), now));
        return Optional.of(new Digest(state.pending(), next));
    }

    /** {@code state} without its pending alerts, after they were dead-lettered. */
    SubscriberState dropPending(SubscriberState state) {
        return state.withPending(List.of(), null);
    }

    /** The first alert's article and time with the story size and revision of the later one. */
    private static Alert refreshed(Alert pending, Alert update) {
        return new Alert(pending.schemaVersion(), pending.alertId(), update.revision(), pending.kind(),
                pending.subscriptionId(), pending.clusterId(),
                Math.max(pending.storyArticles(), update.storyArticles()),
                Math.max(pending.storyOutlets(), update.storyOutlets()),
                pending.article(), pending.enrichedAt(), pending.alertedAt());
    }

    private static Map<String, Instant> remember(SubscriberState state, List<Alert> alerts, Instant now) {
        Instant horizon = now.minus(MAILED_RETENTION);
        Map<String, Instant> mailed = new LinkedHashMap<>();
        state.mailed().forEach((id, at) -> {
            if (at.isAfter(horizon)) {
                mailed.put(id, at);
            }
        });
        alerts.forEach(a -> mailed.put(a.alertId(), now));
        return mailed;
    }
}
