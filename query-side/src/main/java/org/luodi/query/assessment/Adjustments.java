package org.luodi.query.assessment;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The table assessment_adjustment: rows are added, never changed (a trigger refuses UPDATE and DELETE). */
@Repository
class Adjustments {
    private final NamedParameterJdbcTemplate jdbc;

    Adjustments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored row; {@code cancelledBy} filled by {@link #list} only. */
    record Row(UUID id, int year, String unitKind, String unit, AdjustmentKind kind, BigDecimal points, UUID cancels,
               UUID cancelledBy, Instant recordedAt, String recordedBy, String recordedRole, String reason) {
    }

    /** A unit of the assessment: "township" or "department" and its code. */
    record UnitKey(String kind, String code) {
    }

    /** Serialises the adjustments of a year, so that two cancellations of one adjustment cannot both pass the check. */
    void lock(int year) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(:key))",
                new MapSqlParameterSource("key", "assessment_adjustment:" + year), rs -> {
                });
    }

    void insert(Row row) {
        jdbc.update("""
                INSERT INTO assessment_adjustment (id, year, unit_kind, unit_code, kind, points, cancels, recorded_at,
                                                   recorded_by, recorded_role, reason)
                VALUES (:id, :year, :unitKind, :unit, :kind, :points, :cancels, :at, :by, :role, :reason)""",
                new MapSqlParameterSource("id", row.id()).addValue("year", row.year())
                        .addValue("unitKind", row.unitKind()).addValue("unit", row.unit())
                        .addValue("kind", row.kind().name()).addValue("points", row.points())
                        .addValue("cancels", row.cancels()).addValue("at", Timestamp.from(row.recordedAt()))
                        .addValue("by", row.recordedBy()).addValue("role", row.recordedRole())
                        .addValue("reason", row.reason()));
    }

    /** The adjustment {@code id} of {@code year} with whoever cancelled it so far, if there is one. */
    Optional<Row> find(int year, UUID id) {
        return jdbc.query("SELECT a.*, c.id AS cancelled_by FROM assessment_adjustment a "
                + "LEFT JOIN assessment_adjustment c ON c.cancels = a.id WHERE a.year = :year AND a.id = :id",
                new MapSqlParameterSource("year", year).addValue("id", id), ROW).stream().findFirst();
    }

    /**
     * The adjustments of {@code year} recorded up to {@code knownAt} (null: all), newest first; {@code township} not
     * null: that township's only (a clerk's view). {@code cancelledBy} names a cancellation recorded by then.
     */
    List<Row> list(int year, String township, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String known = "";
        if (knownAt != null) {
            known = " AND %s.recorded_at <= :knownAt";
            params.addValue("knownAt", Timestamp.from(knownAt));
        }
        String sql = "SELECT a.*, c.id AS cancelled_by FROM assessment_adjustment a "
                + "LEFT JOIN assessment_adjustment c ON c.cancels = a.id" + known.formatted("c")
                + " WHERE a.year = :year" + known.formatted("a");
        if (township != null) {
            sql += " AND a.unit_kind = 'township' AND a.unit_code = :township";
            params.addValue("township", township);
        }
        return jdbc.query(sql + " ORDER BY a.recorded_at DESC, a.id", params, ROW);
    }

    /** Each unit's sum of the effects recorded up to {@code knownAt} (null: all) in {@code year}. */
    Map<UnitKey, BigDecimal> sums(int year, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String sql = "SELECT unit_kind, unit_code, sum(points) AS points FROM assessment_adjustment WHERE year = :year";
        if (knownAt != null) {
            sql += " AND recorded_at <= :knownAt";
            params.addValue("knownAt", Timestamp.from(knownAt));
        }
        Map<UnitKey, BigDecimal> sums = new HashMap<>();
        jdbc.query(sql + " GROUP BY unit_kind, unit_code", params, rs -> {
            sums.put(new UnitKey(rs.getString("unit_kind"), rs.getString("unit_code")), rs.getBigDecimal("points"));
        });
        return sums;
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getInt("year"),
            rs.getString("unit_kind"), rs.getString("unit_code"), AdjustmentKind.valueOf(rs.getString("kind")),
            rs.getBigDecimal("points"), rs.getObject("cancels", UUID.class), rs.getObject("cancelled_by", UUID.class),
            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), rs.getString("recorded_role"),
            rs.getString("reason"));
}
