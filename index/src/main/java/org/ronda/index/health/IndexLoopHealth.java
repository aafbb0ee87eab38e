package org.ronda.index.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ronda.index.stream.IndexLoop;

/** Ready only while the loop runs; DOWN while it waits for Elasticsearch or after a fatal error. */
@Readiness
@ApplicationScoped
class IndexLoopHealth implements HealthCheck {

    private final IndexLoop loop;

    IndexLoopHealth(IndexLoop loop) {
        this.loop = loop;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("index-loop")
                .status(loop.state().isRunning())
                .withData("status", loop.state().status())
                .build();
    }
}
