package org.luodi.query.notify;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The table notify_robot: robots added and switched off by supervisors, never changed or deleted otherwise. */
@Repository
public class Robots {
    /** What the worker needs to post: the real URL and secret, never answered over HTTP. */
    record Target(long id, Platform platform, String url, String secret) {
    }

    private static final RowMapper<Robot> ROBOT = (rs, i) -> new Robot(rs.getLong("id"), rs.getString("name"),
            Platform.valueOf(rs.getString("platform")), masked(rs.getString("url")), rs.getString("secret") != null,
            rs.getString("township"), rs.getBoolean("active"), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(), rs.getString("reason"));

    private final JdbcTemplate jdbc;

    public Robots(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long add(String name, Platform platform, String url, String secret, String township, String by, Instant at,
             String reason) {
        return jdbc.queryForObject("INSERT INTO notify_robot (name, platform, url, secret, township, created_by, "
                        + "created_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", Long.class, name,
                platform.name(), url, secret, township, by, Timestamp.from(at), reason);
    }

    /** Switches the robot off; false when there is no such robot or it is off already. */
    boolean switchOff(long id, String by, Instant at, String reason) {
        return jdbc.update("UPDATE notify_robot SET active = false, switched_off_by = ?, switched_off_at = ?, "
                + "switched_off_reason = ? WHERE id = ? AND active", by, Timestamp.from(at), reason, id) == 1;
    }

    List<Robot> all() {
        return jdbc.query("SELECT * FROM notify_robot ORDER BY active DESC, id", ROBOT);
    }

    /**
     * The active robots a notice about {@code township} goes to: that township's and the county's; a notice about no
     * township (null, the bulletin) goes to every group.
     */
    List<Long> serving(String township) {
        return jdbc.queryForList("SELECT id FROM notify_robot WHERE active AND (CAST(? AS varchar) IS NULL "
                + "OR township IS NULL OR township = ?) ORDER BY id", Long.class, township, township);
    }

    Target target(long id) {
        return jdbc.queryForObject("SELECT id, platform, url, secret FROM notify_robot WHERE id = ?",
                (rs, i) -> new Target(rs.getLong("id"), Platform.valueOf(rs.getString("platform")), rs.getString("url"),
                        rs.getString("secret")), id);
    }

    /** The URL without its token: "https://oapi.dingtalk.com/robot/send?access_token=…". */
    static String masked(String url) {
        int query = url.indexOf('=');
        return query < 0 ? url : url.substring(0, query + 1) + "…";
    }
}
