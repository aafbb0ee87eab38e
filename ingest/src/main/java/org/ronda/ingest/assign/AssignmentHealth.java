package org.ronda.ingest.assign;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the group has given this instance its share of the hosts (possibly none, when there are
 * more instances than partitions); DOWN when the membership loop stopped on a fatal error.
 */
@Readiness
@ApplicationScoped
class AssignmentHealth implements HealthCheck {

    private final PollAssignment assignment;

    AssignmentHealth(PollAssignment assignment) {
        this.assignment = assignment;
    }

    @Override
    public HealthCheckResponse call() {
        HostOwnership o = assignment.ownership();
        return HealthCheckResponse.named("ingest-host-assignment")
                .status(!assignment.state().isFailed() && o.assigned())
                .withData("status", assignment.state().status())
                .withData("partitions", o.partitions().stream().sorted().toList().toString())
                .withData("partitionCount", o.partitionCount())
                .build();
    }
}
