package org.luodi.query.targets;

import org.luodi.events.Departments;
import org.luodi.events.LeadUnits;
import org.luodi.platform.reference.ReferenceData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tables of the "targets" model: target (the value now) and target_change (how it came to be). */
@Repository
public class Targets {
    /** How the county as a whole is named beside its units (大冶 is a county-level city: 全市). */
    public static final String COUNTY_NAME = "全市";
    private final NamedParameterJdbcTemplate jdbc;
    private final ReferenceData reference;

    public Targets(NamedParameterJdbcTemplate jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** Inserts the file's targets that have no row yet, whatever their value now; returns how many were new. */
    int insertIfAbsent(List<TargetFiles.FileTarget> targets) {
        SqlParameterSource[] rows = targets.stream()
                .map(t -> new MapSqlParameterSource("year", t.year()).addValue("kind", t.kind().code())
                        .addValue("unit", t.unitCode()).addValue("indicator", t.indicator().key())
                        .addValue("value", t.value()))
                .toArray(SqlParameterSource[]::new);
        int[] inserted = jdbc.batchUpdate("INSERT INTO target (year, unit_kind, unit_code, indicator, value) "
                + "VALUES (:year, :kind, :unit, :indicator, :value) ON CONFLICT DO NOTHING", rows);
        int count = 0;
        for (int n : inserted) {
            count += Math.max(n, 0);
        }
        return count;
    }

    /**
     * A shipped 项目信息 target of the county (reference/lead-info-targets-*.csv) when it has no row yet, with a first
     * change carrying its seed line, dated the year's first moment: the plan sets it for the whole year, so a reading
     * of the year as it stood on any of its days (knownAt) has it, and a supervisor's later change is newer.
     */
    @org.springframework.transaction.annotation.Transactional
    public boolean seedLeadTargetIfAbsent(int year, String key, BigDecimal value, String basis) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("kind", UnitKind.COUNTY.code())
                .addValue("indicator", key).addValue("value", value).addValue("basis", basis)
                .addValue("at", Timestamp.from(java.time.LocalDate.of(year, 1, 1)
                        .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        int added = jdbc.update("INSERT INTO target (year, unit_kind, unit_code, indicator, value) "
                + "VALUES (:year, :kind, :kind, :indicator, :value) ON CONFLICT DO NOTHING", params);
        if (added == 1) {
            jdbc.update("INSERT INTO target_change (year, unit_kind, unit_code, indicator, old_value, new_value, "
                    + "changed_at, changed_by, changed_role, reason) VALUES (:year, :kind, :kind, :indicator, NULL, "
                    + ":value, :at, 'seed', 'SYSTEM', :basis)", params);
        }
        return added == 1;
    }

    /**
     * The targets of {@code year} for each unit of {@code kind} (units without any are absent), as they stood at
     * record time {@code knownAt} (now when null): a target changed later shows the value its first later change
     * replaced, so that a bulletin reproduced with knownAt is measured against the targets it was published with.
     */
    public Map<String, Map<Indicator, BigDecimal>> of(int year, UnitKind kind, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("kind", kind.code());
        String sql;
        if (knownAt == null) {
            sql = "SELECT unit_code, indicator, value FROM target WHERE year = :year AND unit_kind = :kind";
        } else {
            params.addValue("knownAt", Timestamp.from(knownAt));
            sql = """
                    SELECT t.unit_code, t.indicator, CASE WHEN later.id IS NULL THEN t.value ELSE later.old_value END AS value
                    FROM target t
                    LEFT JOIN LATERAL (
                        SELECT c.id, c.old_value FROM target_change c
                        WHERE c.year = t.year AND c.unit_kind = t.unit_kind AND c.unit_code = t.unit_code
                          AND c.indicator = t.indicator AND c.changed_at > :knownAt
                        ORDER BY c.changed_at, c.id LIMIT 1) later ON TRUE
                    WHERE t.year = :year AND t.unit_kind = :kind""";
        }
        Map<String, Map<Indicator, BigDecimal>> byUnit = new LinkedHashMap<>();
        jdbc.query(sql, params, rs -> {
            BigDecimal value = rs.getBigDecimal("value");
            String unit = rs.getString("unit_code");
            // a removed target (null) is no target; an indicator no longer known is ignored
            Indicator.byKey(rs.getString("indicator")).filter(i -> value != null).ifPresent(indicator ->
                    byUnit.computeIfAbsent(unit, u -> new EnumMap<>(Indicator.class))
                            .put(indicator, value.stripTrailingZeros()));
        });
        return byUnit;
    }

    /**
     * Serialises concurrent changes of one unit's targets until the transaction ends, so that each change records
     * the value it really replaced.
     */
    void lock(int year, UnitKind kind, String unit) {
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext(:key))",
                new MapSqlParameterSource("key", "target:" + year + ":" + kind.code() + ":" + unit), rs -> {
                });
    }

    /** Sets one target (null removes it) and records the change; nothing happens when the value is the same. */
    boolean set(int year, UnitKind kind, String unit, Indicator indicator, BigDecimal value, Author author) {
        return set(year, kind, unit, indicator.key(), value, author);
    }

    /** As {@link #set(int, UnitKind, String, Indicator, BigDecimal, Author)}, by the stored key (项目信息 keys too). */
    boolean set(int year, UnitKind kind, String unit, String key, BigDecimal value, Author author) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year).addValue("kind", kind.code())
                .addValue("unit", unit).addValue("indicator", key).addValue("value", value);
        List<BigDecimal> before = jdbc.query("SELECT value FROM target WHERE year = :year AND unit_kind = :kind "
                + "AND unit_code = :unit AND indicator = :indicator", params, (rs, i) -> rs.getBigDecimal("value"));
        BigDecimal old = before.isEmpty() ? null : before.get(0);
        if (sameValue(old, value)) {
            return false;
        }
        jdbc.update("INSERT INTO target (year, unit_kind, unit_code, indicator, value) "
                + "VALUES (:year, :kind, :unit, :indicator, :value) "
                + "ON CONFLICT (year, unit_kind, unit_code, indicator) DO UPDATE SET value = EXCLUDED.value", params);
        jdbc.update("INSERT INTO target_change (year, unit_kind, unit_code, indicator, old_value, new_value, "
                + "changed_at, changed_by, changed_role, reason) VALUES (:year, :kind, :unit, :indicator, :old, "
                + ":value, :at, :by, :role, :reason)", params.addValue("old", old)
                .addValue("at", Timestamp.from(author.at())).addValue("by", author.username())
                .addValue("role", author.role()).addValue("reason", author.reason()));
        return true;
    }

    /** One stored 项目信息 target, with the reason of its latest change (its seed line, until a supervisor's). */
    record LeadRow(UnitKind kind, String unit, LeadInfoKey key, BigDecimal value, String basis) {
    }

    /**
     * The 项目信息 targets of {@code year} (removed ones left out), as they stood at {@code knownAt} (now when null),
     * each with the reason it was last set for by then.
     */
    List<LeadRow> leadInfo(int year, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year)
                .addValue("knownAt", knownAt == null ? null : Timestamp.from(knownAt), java.sql.Types.TIMESTAMP);
        String sql = """
                SELECT t.unit_kind, t.unit_code, t.indicator,
                       CASE WHEN later.id IS NULL THEN t.value ELSE later.old_value END AS value,
                       (SELECT c.reason FROM target_change c
                        WHERE c.year = t.year AND c.unit_kind = t.unit_kind AND c.unit_code = t.unit_code
                          AND c.indicator = t.indicator
                          AND (CAST(:knownAt AS TIMESTAMPTZ) IS NULL OR c.changed_at <= :knownAt)
                        ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) AS basis
                FROM target t
                LEFT JOIN LATERAL (
                    SELECT c.id, c.old_value FROM target_change c
                    WHERE c.year = t.year AND c.unit_kind = t.unit_kind AND c.unit_code = t.unit_code
                      AND c.indicator = t.indicator AND c.changed_at > :knownAt
                    ORDER BY c.changed_at, c.id LIMIT 1) later ON TRUE
                WHERE t.year = :year AND t.indicator LIKE 'leadInfo.%'""";
        List<LeadRow> rows = new java.util.ArrayList<>();
        jdbc.query(sql, params, rs -> {
            BigDecimal value = rs.getBigDecimal("value");
            String kindCode = rs.getString("unit_kind");
            String unit = rs.getString("unit_code");
            String basis = rs.getString("basis");
            UnitKind kind = java.util.Arrays.stream(UnitKind.values())
                    .filter(k -> k.code().equals(kindCode)).findFirst().orElse(null);
            // a removed target (null) is no target
            LeadInfoKey.parse(rs.getString("indicator")).filter(k -> value != null && kind != null).ifPresent(key ->
                    rows.add(new LeadRow(kind, unit, key, value.stripTrailingZeros(), basis)));
        });
        return rows;
    }

    /** Who changes targets, when and why. */
    record Author(String username, String role, Instant at, String reason) {
    }

    /** The years with at least one target (a removed target leaves a row with a null value, which does not count). */
    public Set<Integer> years() {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT year FROM target WHERE value IS NOT NULL", Map.of(),
                Integer.class));
    }

    /**
     * The changes of {@code year}'s targets, newest first; {@code township} null means every unit, {@code knownAt}
     * null every change so far.
     */
    public List<TargetChange> changes(int year, String township, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("year", year);
        String sql = "SELECT * FROM target_change WHERE year = :year";
        if (knownAt != null) {
            sql += " AND changed_at <= :knownAt";
            params.addValue("knownAt", Timestamp.from(knownAt));
        }
        if (township != null) {
            sql += " AND unit_kind = 'township' AND unit_code = :township";
            params.addValue("township", township);
        }
        return jdbc.query(sql + " ORDER BY changed_at DESC, id DESC", params, (rs, i) -> {
            String kind = rs.getString("unit_kind");
            String unit = rs.getString("unit_code");
            return new TargetChange(rs.getLong("id"), rs.getInt("year"), kind, unit, unitName(kind, unit),
                    rs.getString("indicator"), strip(rs.getBigDecimal("old_value")),
                    strip(rs.getBigDecimal("new_value")), rs.getTimestamp("changed_at").toInstant(),
                    rs.getString("changed_by"), rs.getString("changed_role"), rs.getString("reason"));
        });
    }

    String unitName(String kind, String code) {
        if (UnitKind.COUNTY.code().equals(kind)) {
            return COUNTY_NAME;
        }
        if (UnitKind.CHAIN.code().equals(kind)) {
            var chain = reference.chain(code);
            return chain == null ? null : chain.name();
        }
        if (UnitKind.DEPARTMENT.code().equals(kind)) {
            return Departments.nameOf(code);
        }
        if (UnitKind.CENTER.code().equals(kind)) {
            return LeadUnits.CENTER_NAME;
        }
        var township = reference.township(code);
        return township == null ? null : township.name();
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
