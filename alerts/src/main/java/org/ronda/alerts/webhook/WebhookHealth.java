package org.ronda.alerts.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Health of the webhook channel: ready while its loop runs; alive unless it failed. */
final class WebhookHealth {

    private WebhookHealth() {
    }

    /** Ready only while the loop runs: DOWN while waiting for subscriptions or for Kafka, or after a failure. */
    @Readiness
    @ApplicationScoped
    static class Ready implements HealthCheck {
        private final WebhookChannel channel;

        Ready(WebhookChannel channel) {
            this.channel = channel;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("alerts-webhook")
                    .status(channel.state().isRunning())
                    .withData("status", channel.state().status())
                    .build();
        }
    }

    /** DOWN only after a fatal error: a receiver or Kafka being down is no reason to restart the process. */
    @Liveness
    @ApplicationScoped
    static class Alive implements HealthCheck {
        private final WebhookChannel channel;

        Alive(WebhookChannel channel) {
            this.channel = channel;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("alerts-webhook-alive")
                    .status(!channel.state().isFailed())
                    .withData("status", channel.state().status())
                    .build();
        }
    }
}
