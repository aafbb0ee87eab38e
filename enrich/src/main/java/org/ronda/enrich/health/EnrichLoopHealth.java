package org.ronda.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.ronda.enrich.stream.EnrichLoop;

/** DOWN when the consume loop has stopped on a fatal error: the process must then be restarted. */
@Liveness
@Readiness
@ApplicationScoped
class EnrichLoopHealth implements HealthCheck {

    private final EnrichLoop loop;

    EnrichLoopHealth(EnrichLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrich-loop")
                .status(!loop.state().isFailed())
                .withData("status", loop.state().status())
                .build();
    }
}
