package org.luodi.query.targets;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The tables of the townships' categories: township_category (now) and township_category_change (how it came). */
@Repository
public class Categories {
    private final NamedParameterJdbcTemplate jdbc;

    public Categories(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the configured defaults that have no row yet; returns how many were new. */
    int insertIfAbsent(int year, Map<String, Category> defaults) {
        int count = 0;
        for (Map.Entry<String, Category> entry : defaults.entrySet()) {
            count += jdbc.update("INSERT INTO township_category (year, township, category) "
                    + "VALUES (:year, :township, :category) ON CONFLICT DO NOTHING", params(year, entry.getKey())
                    .addValue("category", entry.getValue().key()));
        }
        return count;
    }

    /**
     * The category of each township that has one in {@code year}, as it stood at record time {@code knownAt} (now
     * when null): a category changed later shows the one its first later change replaced.
     */
    public Map<String, Category> of(int year, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String sql;
        if (knownAt == null) {
            sql = "SELECT township, category FROM township_category WHERE year = :year";
        } else {
            params.addValue("knownAt", Timestamp.from(knownAt));
            sql = """
                    SELECT c.township, CASE WHEN later.id IS NULL THEN c.category ELSE later.old_category END AS category
                    FROM township_category c
                    LEFT JOIN LATERAL (
                        SELECT h.id, h.old_category FROM township_category_change h
                        WHERE h.year = c.year AND h.township = c.township AND h.changed_at > :knownAt
                        ORDER BY h.changed_at, h.id LIMIT 1) later ON TRUE
                    WHERE c.year = :year""";
        }
        Map<String, Category> byTownship = new HashMap<>();
        jdbc.query(sql, params, rs -> {
            String township = rs.getString("township");
            Category.byKey(rs.getString("category")).ifPresent(c -> byTownship.put(township, c));
        });
        return byTownship;
    }

    /** Serialises concurrent changes of a year's categories, so that each change records what it replaced. */
    void lock(int year) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(:key))",
                new MapSqlParameterSource("key", "township_category:" + year), rs -> {
                });
    }

    /** Sets one township's category (null: none) and records the change; nothing happens when it is the same. */
    boolean set(int year, String township, Category category, Targets.Author author) {
        MapSqlParameterSource params = params(year, township)
                .addValue("category", category == null ? null : category.key());
        List<String> before = jdbc.query("SELECT category FROM township_category WHERE year = :year "
                + "AND township = :township", params, (rs, i) -> rs.getString("category"));
        String old = before.isEmpty() ? null : before.get(0);
        if (Objects.equals(old, params.getValue("category"))) {
            return false;
        }
        jdbc.update("INSERT INTO township_category (year, township, category) VALUES (:year, :township, :category) "
                + "ON CONFLICT (year, township) DO UPDATE SET category = EXCLUDED.category", params);
        jdbc.update("INSERT INTO township_category_change (year, township, old_category, new_category, changed_at, "
                + "changed_by, changed_role, reason) VALUES (:year, :township, :old, :category, :at, :by, :role, "
                + ":reason)", params.addValue("old", old).addValue("at", Timestamp.from(author.at()))
                .addValue("by", author.username()).addValue("role", author.role())
                .addValue("reason", author.reason()));
        return true;
    }

    /** A year's changes, newest first; {@code township} null: every township; {@code knownAt} null: all so far. */
    List<Row> changes(int year, String township, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String sql = "SELECT * FROM township_category_change WHERE year = :year";
        if (knownAt != null) {
            sql += " AND changed_at <= :knownAt";
            params.addValue("knownAt", Timestamp.from(knownAt));
        }
        if (township != null) {
            sql += " AND township = :township";
            params.addValue("township", township);
        }
        return jdbc.query(sql + " ORDER BY changed_at DESC, id DESC", params, (rs, i) -> new Row(rs.getLong("id"),
                rs.getString("township"), rs.getString("old_category"), rs.getString("new_category"),
                rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"), rs.getString("changed_role"),
                rs.getString("reason")));
    }

    /** One stored change. */
    record Row(long id, String township, String oldCategory, String newCategory, Instant changedAt, String changedBy,
               String changedRole, String reason) {
    }

    private static MapSqlParameterSource params(int year, String township) {
        return new MapSqlParameterSource("year", year).addValue("township", township);
    }
}
