package org.ronda.alerts.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ronda.alerts.feed.AlertRecorder;
import org.ronda.alerts.live.LiveAlerts;
import org.ronda.alerts.stream.MatchLoop;
import org.ronda.alerts.subscription.SubscriptionStore;

/** Ready when the subscriptions are loaded and the match loop and the alert recorder run. */
@Readiness
@ApplicationScoped
class AlertsHealth implements HealthCheck {

    private final SubscriptionStore store;
    private final MatchLoop match;
    private final AlertRecorder recorder;
    private final LiveAlerts live;

    AlertsHealth(SubscriptionStore store, MatchLoop match, AlertRecorder recorder, LiveAlerts live) {
        this.store = store;
        this.match = match;
        this.recorder = recorder;
        this.live = live;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = store.isLoaded() && match.state().isRunning() && recorder.state().isRunning() && live.isTailing();
        return HealthCheckResponse.named("alerts")
                .status(up)
                .withData("subscriptions", store.isLoaded() ? "loaded" : "loading")
                .withData("subscriptionsMatched", match.subscriptionCount())
                .withData("match", match.state().status())
                .withData("recorder", recorder.state().status())
                .withData("live", live.connections() + " connections")
                .build();
    }
}
