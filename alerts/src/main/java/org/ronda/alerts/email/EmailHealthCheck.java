package org.ronda.alerts.email;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ronda.kafka.LoopState;

/** Readiness: DOWN when the e-mail loop stopped on a failure (for example Kafka refusing its state writes). */
@Readiness
@ApplicationScoped
public class EmailHealthCheck implements HealthCheck {

    private final EmailService service;

    EmailHealthCheck(EmailService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        LoopState state = service.state();
        return HealthCheckResponse.named("alerts-email").status(!state.isFailed()).withData("loop", state.status()).build();
    }
}
