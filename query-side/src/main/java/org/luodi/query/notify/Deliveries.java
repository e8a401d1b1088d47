package org.luodi.query.notify;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table notify_delivery, an outbox: a notice becomes one row per robot serving its township, written in the
 * transaction that decided it, so a message is owed exactly when the decision stands; each (robot, notice key) once.
 */
@Repository
public class Deliveries {
    /** A message due to be posted. */
    record Due(long id, long robotId, String title, String text, String link, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final Robots robots;

    public Deliveries(JdbcTemplate jdbc, Robots robots) {
        this.jdbc = jdbc;
        this.robots = robots;
    }

    /** Owes {@code notice} to every active robot serving its township; a key already owed is not owed twice. */
    public void owe(Notice notice, Instant now) {
        for (long robot : robots.serving(notice.township())) {
            jdbc.update("INSERT INTO notify_delivery (robot_id, notice_key, kind, title, text, link, next_attempt_at, "
                            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (robot_id, notice_key) DO NOTHING",
                    robot, notice.key(), notice.kind().name(), notice.title(), notice.text(), notice.link(),
                    Timestamp.from(now), Timestamp.from(now));
        }
    }

    /** Whether a notice of this key has been owed to any robot (the bulletin's is decided once a month). */
    boolean owed(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM notify_delivery WHERE notice_key = ?)", Boolean.class, key));
    }

    /** The oldest due message, locked for this transaction; another instance's worker skips it. */
    Optional<Due> lockNextDue(Instant now) {
        return jdbc.query("SELECT id, robot_id, title, text, link, attempts FROM notify_delivery WHERE status = "
                        + "'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
                (rs, i) -> new Due(rs.getLong("id"), rs.getLong("robot_id"), rs.getString("title"),
                        rs.getString("text"), rs.getString("link"), rs.getInt("attempts")),
                Timestamp.from(now)).stream().findFirst();
    }

    void sent(long id, Instant at) {
        jdbc.update("UPDATE notify_delivery SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL "
                + "WHERE id = ?", Timestamp.from(at), id);
    }

    /** A failed attempt: tried again at {@code retryAt}, or given up (FAILED) when that is null. */
    void failed(long id, String error, Instant retryAt) {
        String cut = error.length() > 500 ? error.substring(0, 500) : error;
        if (retryAt == null) {
            jdbc.update("UPDATE notify_delivery SET status = 'FAILED', attempts = attempts + 1, last_error = ? "
                    + "WHERE id = ?", cut, id);
        } else {
            jdbc.update("UPDATE notify_delivery SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                    + "WHERE id = ?", cut, Timestamp.from(retryAt), id);
        }
    }

    /** The latest deliveries with their robot's name, newest first, for the supervisors' page. */
    List<Map<String, Object>> latest(int limit) {
        return jdbc.queryForList("SELECT d.id, r.name AS robot, d.kind, d.title, d.status, d.attempts, d.last_error, "
                + "d.created_at, d.sent_at FROM notify_delivery d JOIN notify_robot r ON r.id = d.robot_id "
                + "ORDER BY d.id DESC LIMIT ?", limit);
    }
}
