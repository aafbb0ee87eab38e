package org.ronda.alerts.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.ronda.alerts.feed.AlertRecorder;
import org.ronda.alerts.stream.MatchLoop;
import org.ronda.alerts.subscription.SubscriptionStore;

/** DOWN only after a fatal error in a loop; waiting for Kafka or Elasticsearch is not one. */
@Liveness
@ApplicationScoped
class AlertsLiveness implements HealthCheck {

    private final SubscriptionStore store;
    private final MatchLoop match;
    private final AlertRecorder recorder;

    AlertsLiveness(SubscriptionStore store, MatchLoop match, AlertRecorder recorder) {
        this.store = store;
        this.match = match;
        this.recorder = recorder;
    }

    @Override
    public HealthCheckResponse call() {
        boolean failed = store.state().isFailed() || match.state().isFailed() || recorder.state().isFailed();
        return HealthCheckResponse.named("alerts-alive")
                .status(!failed)
                .withData("match", match.state().status())
                .withData("recorder", recorder.state().status())
                .withData("subscriptions", store.state().status())
                .build();
    }
}
