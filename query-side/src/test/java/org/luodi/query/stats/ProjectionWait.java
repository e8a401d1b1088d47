package org.luodi.query.stats;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Waits until a processing group's tracking tokens have passed the last event in the store, i.e. until its read
 * model shows everything written so far. Polls every 20 ms; fails after ten seconds.
 */
public final class ProjectionWait {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private ProjectionWait() {
    }

    public static void caughtUp(JdbcTemplate jdbc, String processingGroup) {
        Long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            // the tokens are Jackson JSON ({"index": n, "gaps": [...]}); a segment without one has read nothing yet
            List<Long> positions = jdbc.queryForList("SELECT CASE WHEN token IS NULL THEN -1 ELSE "
                    + "coalesce((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint, -1) END "
                    + "FROM token_entry WHERE processor_name = ?", Long.class, processingGroup);
            if (!positions.isEmpty() && (last == null || positions.stream().allMatch(p -> p >= last))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processing group " + processingGroup + " at " + positions
                        + ", still short of event " + last);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
