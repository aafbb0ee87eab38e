package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ronda.alerts.email.EmailFixtures.newAlert;
import static org.ronda.alerts.email.EmailFixtures.subscription;
import static org.ronda.alerts.email.EmailFixtures.update;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ronda.alerts.email.DeliveryPlanner.Action;
import org.ronda.alerts.email.EmailFixtures.MutableClock;
import org.ronda.contracts.Alert;
import org.ronda.contracts.Subscription;
import org.ronda.contracts.Subscription.EmailMode;

/** Cap accounting, digest timing and updates of pending alerts, with a clock the test moves. Pure logic. */
class EmailDeliveryPlannerTest {

    private static final String SUB = EmailFixtures.subscriptionId(1);
    // 10:20 in Jakarta (UTC+7)
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T03:20:00Z"));
    private final DeliveryPlanner planner = new DeliveryPlanner(clock);

    private Subscription.Email email(EmailMode mode, String zone, int cap) {
        return subscription(SUB, "reader@example.org", mode, zone, 7, cap).email();
    }

    @Test
    void immediateAlertsAreSentUntilTheCapThenRollIntoTheNextLocalHour() {
        Subscription.Email email = email(EmailMode.IMMEDIATE, "Asia/Jakarta", 2);
        SubscriberState state = SubscriberState.empty(SUB);
        for (int i = 0; i < 2; i++) {
            DeliveryPlanner.Plan plan = planner.plan(state, email, newAlert(SUB, "c" + i, "t", clock.instant()));
            assertThat(plan.action()).isEqualTo(Action.SEND_NOW);
            state = plan.next();
        }
        assertThat(state.sentInHour()).isEqualTo(2);

        DeliveryPlanner.Plan third = planner.plan(state, email, newAlert(SUB, "c2", "t", clock.instant()));
        assertThat(third.action()).isEqualTo(Action.QUEUED);
        assertThat(third.next().digestDueAt()).isEqualTo(Instant.parse("2026-06-01T04:00:00Z"));
        state = third.next();

        // Not due yet at 10:59 local; due at 11:00.
        clock.set(Instant.parse("2026-06-01T03:59:59Z"));
        assertThat(planner.dueDigest(state)).isEmpty();
        clock.set(Instant.parse("2026-06-01T04:00:00Z"));
        DeliveryPlanner.Digest digest = planner.dueDigest(state).orElseThrow();
        assertThat(digest.alerts()).extracting(Alert::clusterId).containsExactly("c2");
        assertThat(digest.next().pending()).isEmpty();
        assertThat(digest.next().digestDueAt()).isNull();
        assertThat(digest.next().mailed()).containsKeys(SUB + "/c0", SUB + "/c1", SUB + "/c2");

        // A new hour: the count starts again.
        DeliveryPlanner.Plan nextHour = planner.plan(digest.next(), email, newAlert(SUB, "c3", "t", clock.instant()));
        assertThat(nextHour.action()).isEqualTo(Action.SEND_NOW);
        assertThat(nextHour.next().sentInHour()).isEqualTo(1);
    }

    @Test
    void capWindowFollowsTheSubscribersHalfHourZone() {
        Subscription.Email email = email(EmailMode.IMMEDIATE, "Asia/Kolkata", 1);
        clock.set(Instant.parse("2026-06-01T04:20:00Z")); // 09:50 IST
        SubscriberState state = planner.plan(SubscriberState.empty(SUB), email, newAlert(SUB, "a", "t", clock.instant())).next();
        DeliveryPlanner.Plan capped = planner.plan(state, email, newAlert(SUB, "b", "t", clock.instant()));
        assertThat(capped.action()).isEqualTo(Action.QUEUED);
        assertThat(capped.next().digestDueAt()).isEqualTo(Instant.parse("2026-06-01T04:30:00Z")); // 10:00 IST
        // At 10:00 IST a new local hour began although UTC is still in its 04:00 hour.
        clock.set(Instant.parse("2026-06-01T04:31:00Z"));
        assertThat(planner.plan(capped.next(), email, newAlert(SUB, "c", "t", clock.instant())).action()).isEqualTo(Action.SEND_NOW);
    }

    @Test
    void hourlyModeQueuesEverythingForTheNextTopOfTheHour() {
        Subscription.Email email = email(EmailMode.HOURLY, "America/New_York", 10);
        clock.set(Instant.parse("2026-03-08T06:30:00Z")); // 01:30 EST, the night clocks spring forward
        DeliveryPlanner.Plan plan = planner.plan(SubscriberState.empty(SUB), email, newAlert(SUB, "a", "t", clock.instant()));
        assertThat(plan.action()).isEqualTo(Action.QUEUED);
        assertThat(plan.next().digestDueAt()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
        // A second alert joins the same digest; the due time does not move.
        clock.set(Instant.parse("2026-03-08T06:50:00Z"));
        DeliveryPlanner.Plan second = planner.plan(plan.next(), email, newAlert(SUB, "b", "t", clock.instant()));
        assertThat(second.next().pending()).hasSize(2);
        assertThat(second.next().digestDueAt()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void dailyModeQueuesForTheDailyHour() {
        Subscription.Email email = subscription(SUB, "r@example.org", EmailMode.DAILY, "Europe/Berlin", 8, 10).email();
        clock.set(Instant.parse("2026-03-28T09:00:00Z"));
        DeliveryPlanner.Plan plan = planner.plan(SubscriberState.empty(SUB), email, newAlert(SUB, "a", "t", clock.instant()));
        assertThat(plan.next().digestDueAt()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void updateOfAPendingAlertChangesItsStorySizeAndKeepsTheFirstArticle() {
        Subscription.Email email = email(EmailMode.HOURLY, "Asia/Jakarta", 10);
        Alert first = newAlert(SUB, "story", "First report", clock.instant());
        SubscriberState state = planner.plan(SubscriberState.empty(SUB), email, first).next();
        DeliveryPlanner.Plan updated = planner.plan(state, email, update(SUB, "story", 2, 4, clock.instant()));
        assertThat(updated.action()).isEqualTo(Action.PENDING_UPDATED);
        Alert pending = updated.next().pending().get(0);
        assertThat(pending.storyOutlets()).isEqualTo(4);
        assertThat(pending.revision()).isEqualTo(2);
        assertThat(pending.article().title()).isEqualTo("First report");
        assertThat(updated.next().digestDueAt()).isEqualTo(state.digestDueAt());
        // An older revision arriving late does not shrink it.
        assertThat(planner.plan(updated.next(), email, update(SUB, "story", 2, 3, clock.instant())).action()).isEqualTo(Action.DROPPED);
    }

    @Test
    void updateOfAMailedAlertOrOfAnUnknownOneSendsNothing() {
        Subscription.Email email = email(EmailMode.IMMEDIATE, "Asia/Jakarta", 10);
        SubscriberState state = planner.plan(SubscriberState.empty(SUB), email, newAlert(SUB, "story", "t", clock.instant())).next();
        assertThat(planner.plan(state, email, update(SUB, "story", 2, 3, clock.instant())).action()).isEqualTo(Action.DROPPED);
        assertThat(planner.plan(state, email, update(SUB, "never-seen", 2, 3, clock.instant())).action()).isEqualTo(Action.DROPPED);
    }

    @Test
    void replayedNewAlertIsNotMailedTwice() {
        Subscription.Email email = email(EmailMode.IMMEDIATE, "Asia/Jakarta", 10);
        Alert alert = newAlert(SUB, "story", "t", clock.instant());
        SubscriberState state = planner.plan(SubscriberState.empty(SUB), email, alert).next();
        DeliveryPlanner.Plan replay = planner.plan(state, email, alert);
        assertThat(replay.action()).isEqualTo(Action.DROPPED);
        assertThat(replay.next().sentInHour()).isEqualTo(1);
    }

    @Test
    void mailedIdsAreForgottenAfterTheRetention() {
        Subscription.Email email = email(EmailMode.IMMEDIATE, "Asia/Jakarta", 10);
        SubscriberState state = planner.plan(SubscriberState.empty(SUB), email, newAlert(SUB, "old", "t", clock.instant())).next();
        clock.set(clock.instant().plus(DeliveryPlanner.MAILED_RETENTION).plusSeconds(1));
        SubscriberState later = planner.plan(state, email, newAlert(SUB, "new", "t", clock.instant())).next();
        assertThat(later.mailed()).containsOnlyKeys(SUB + "/new");
    }
}
