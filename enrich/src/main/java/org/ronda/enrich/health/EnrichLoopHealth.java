package org.ronda.enrich.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.ronda.enrich.stream.EnrichLoop;
import org.ronda.enrich.tag.RulesReloader;

/** DOWN when the consume loop has stopped on a fatal error: the process must then be restarted. */
@Liveness
@Readiness
@ApplicationScoped
class EnrichLoopHealth implements HealthCheck {

    private final EnrichLoop loop;
    private final RulesReloader rules;

    EnrichLoopHealth(EnrichLoop loop, RulesReloader rules) {
        this.loop = loop;
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("enrich-loop")
                .status(!loop.state().isFailed())
                .withData("status", loop.state().status())
                .withData("refusedRules", rules.lastError().orElse("none"))
                .build();
    }
}
