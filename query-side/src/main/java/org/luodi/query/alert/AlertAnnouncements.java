package org.luodi.query.alert;

import org.luodi.platform.reference.ReferenceData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tables of announced alerts: the log (alert_announcement) and the last level per project. */
@Repository
public class AlertAnnouncements {
    /** Arbitrary key of the PostgreSQL advisory lock under which the instances' sweeps take turns. */
    private static final long SWEEP_LOCK = 0x4c756f6469_0001L;

    private final JdbcTemplate jdbc;
    private final ReferenceData reference;
    private final RowMapper<AlertChange> change = this::change;

    public AlertAnnouncements(JdbcTemplate jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** What was last announced for a project: a level, or none (null) together with why it cleared. */
    record Announced(AlertLevel level, AlertChange.Cause cause) {
    }

    /** Waits for any other instance's sweep to commit; released when the caller's transaction ends. */
    void lockSweeps() {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", (ResultSetExtractor<Void>) rs -> null, SWEEP_LOCK);
    }

    Map<String, Announced> announcedLevels() {
        Map<String, Announced> levels = new HashMap<>();
        jdbc.query("SELECT project_id, level, cause FROM alert_announced_level", rs -> {
            levels.put(rs.getString("project_id"), new Announced(level(rs.getString("level")),
                    rs.getString("cause") == null ? null : AlertChange.Cause.valueOf(rs.getString("cause"))));
        });
        return levels;
    }

    /** Appends {@code c} (its id is ignored) to the log and makes its level the project's announced one. */
    AlertChange record(AlertChange c) {
        Long id = jdbc.queryForObject("""
                        INSERT INTO alert_announcement (project_id, name, township, kind, level, previous_level, cause,
                            signed_on, crossed_on, announced_on, announced_at, message)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", Long.class,
                c.projectId(), c.name(), c.township(), c.kind().name(), name(c.level()), name(c.previousLevel()),
                c.cause() == null ? null : c.cause().name(), Date.valueOf(c.signedOn()), date(c.crossedOn()),
                Date.valueOf(c.announcedOn()), Timestamp.from(c.announcedAt()), c.message());
        jdbc.update("""
                        INSERT INTO alert_announced_level (project_id, level, cause, announcement_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT (project_id) DO UPDATE
                        SET level = excluded.level, cause = excluded.cause, announcement_id = excluded.announcement_id""",
                c.projectId(), name(c.level()), c.cause() == null ? null : c.cause().name(), id);
        return new AlertChange(id, c.kind(), c.projectId(), c.name(), c.township(), c.townshipName(), c.level(),
                c.previousLevel(), c.cause(), c.signedOn(), c.crossedOn(), c.announcedOn(), c.announcedAt(),
                c.message());
    }

    long lastId() {
        Long last = jdbc.queryForObject("SELECT max(id) FROM alert_announcement", Long.class);
        return last == null ? 0 : last;
    }

    /** Announcements with {@code afterId < id <= upToId}, oldest first; {@code township} null means every one. */
    List<AlertChange> between(long afterId, long upToId, String township, int limit) {
        List<Object> args = new ArrayList<>(List.of(afterId, upToId));
        String sql = "SELECT * FROM alert_announcement WHERE id > ? AND id <= ?";
        if (township != null) {
            sql += " AND township = ?";
            args.add(township);
        }
        args.add(limit);
        return jdbc.query(sql + " ORDER BY id LIMIT ?", change, args.toArray());
    }

    private AlertChange change(ResultSet rs, int row) throws SQLException {
        String township = rs.getString("township");
        ReferenceData.Township known = reference.township(township);
        String cause = rs.getString("cause");
        return new AlertChange(rs.getLong("id"), AlertChange.Kind.valueOf(rs.getString("kind")),
                rs.getString("project_id"), rs.getString("name"), township, known == null ? null : known.name(),
                level(rs.getString("level")), level(rs.getString("previous_level")),
                cause == null ? null : AlertChange.Cause.valueOf(cause), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("crossed_on", LocalDate.class), rs.getObject("announced_on", LocalDate.class),
                rs.getTimestamp("announced_at").toInstant(), rs.getString("message"));
    }

    private static AlertLevel level(String name) {
        return name == null ? null : AlertLevel.valueOf(name);
    }

    private static String name(AlertLevel level) {
        return level == null ? null : level.name();
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
