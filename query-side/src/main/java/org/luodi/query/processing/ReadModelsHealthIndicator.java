package org.luodi.query.processing;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The "readModels" component of /actuator/health: DEGRADED, with every troubled read model (its processing group, the
 * kind of trouble, the first failing event), while one has parked events, fails or stalls ({@link ReadModelWatch});
 * UP otherwise. The query side still answers in that state (every other project's figures are current), so
 * DEGRADED keeps HTTP 200 unless {@code management.endpoint.health.status.http-mapping.DEGRADED} says otherwise.
 */
@Component
public class ReadModelsHealthIndicator implements HealthIndicator {
    public static final Status DEGRADED = new Status("DEGRADED", "读模型有事件被搁置或未前进");

    private final ReadModelWatch watch;

    public ReadModelsHealthIndicator(ReadModelWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        List<ReadModelWatch.Problem> problems = watch.check();
        if (problems.isEmpty()) {
            return Health.up().build();
        }
        return Health.status(DEGRADED)
                .withDetail("processingGroups", problems.stream().map(ReadModelWatch.Problem::processingGroup)
                        .distinct().toList())
                .withDetail("problems", problems)
                .build();
    }
}
