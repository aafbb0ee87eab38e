package org.ronda.index.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.ronda.index.stream.IndexLoop;

/** DOWN only after a fatal error: waiting for Elasticsearch is not a reason to restart the process. */
@Liveness
@ApplicationScoped
class IndexLoopLiveness implements HealthCheck {

    private final IndexLoop loop;

    IndexLoopLiveness(IndexLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("index-loop-alive")
                .status(!loop.state().isFailed())
                .withData("status", loop.state().status())
                .build();
    }
}
