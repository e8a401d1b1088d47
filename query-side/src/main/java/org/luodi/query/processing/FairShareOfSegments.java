package org.luodi.query.processing;

import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many segments of a processor this query-side instance may claim: an equal share, rounded up, of the
 * processor's segments among the query-side instances that are up. Without it the first instance claims every
 * segment and the others only stand by (Axon Framework balances segments only with Axon Server); with it, a second
 * instance gets half the stream, and an instance left alone takes everything once the others' claims time out.
 * <p>
 * Instances are counted by their open connections to the database: each names itself in {@code application_name}
 * ({@code spring.datasource.hikari.data-source-properties.ApplicationName} in application.yml, unique per process),
 * and a process that dies loses its connections at once. While the database cannot be asked, the last answer stands.
 */
class FairShareOfSegments implements MaxSegmentProvider {
    static final String APPLICATION_NAME_PREFIX = "luodi-query-side ";
    private static final Logger log = LoggerFactory.getLogger(FairShareOfSegments.class);

    private final JdbcTemplate jdbc;
    private final Map<String, Integer> lastShare = new ConcurrentHashMap<>();

    FairShareOfSegments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int getMaxSegments(String processor) {
        try {
            int[] counts = jdbc.queryForObject("""
                            SELECT (SELECT count(*) FROM token_entry WHERE processor_name = ?),
                                   (SELECT count(DISTINCT application_name) FROM pg_stat_activity
                                     WHERE datname = current_database() AND application_name LIKE ?)""",
                    (rs, row) -> new int[] {rs.getInt(1), rs.getInt(2)}, processor, APPLICATION_NAME_PREFIX + "%");
            int segments = counts[0];
            int instances = Math.max(1, counts[1]);
            int share = segments == 0 ? Short.MAX_VALUE : (segments + instances - 1) / instances;
            Integer before = lastShare.put(processor, share);
            if (before != null && before != share) {
                log.info("processor {}: {} query-side instances up, this one now claims at most {} of {} segments",
                        processor, instances, share, segments);
            }
            return share;
        } catch (DataAccessException e) {
            return lastShare.getOrDefault(processor, (int) Short.MAX_VALUE);
        }
    }
}
