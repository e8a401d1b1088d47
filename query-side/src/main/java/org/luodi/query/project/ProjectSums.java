package org.luodi.query.project;

import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SPEC §3 in SQL (and #17's size tiers and starts), for the statistics and the bulletin: one pass over the project versions and one over the fund arrivals valid at record time knownAt,
 * aggregated per township or chain in the database (it has to hold 400,000 projects). The period is
 * [Y-01-01, min(asOf, Y-12-31)]; voided projects are left out everywhere (their fund arrivals too); terminated
 * projects keep what they reached; a retracted milestone is simply absent from the version.
 */
@Repository
public class ProjectSums {
    /**
     * The unit the sums are per: a column of project_version that every fund_arrival_version row repeats as its
     * project stood when the arrival's version was made (V31, V67).
     */
    public enum Unit {
        TOWNSHIP("township"), CHAIN("industry_chain"), DEPARTMENT("introduced_by");

        private final String column;

        Unit(String column) {
            this.column = column;
        }
    }

    /**
     * One count per project type and per investor category over the period's signings of any amount, named
     * type_<name> and investor_<name>; the names are the enums' own, never user input.
     */
    private static final Map<String, String> KIND_COUNTS = kindCounts();

    /** Column alias → its count, in the enums' order. */
    private static Map<String, String> kindCounts() {
        Map<String, String> counts = new LinkedHashMap<>();
        for (ProjectType type : ProjectType.values()) {
            counts.put("type_" + type.name().toLowerCase(), kindCount("types", type.name()));
        }
        for (InvestorCategory category : InvestorCategory.values()) {
            counts.put("investor_" + category.name().toLowerCase(), kindCount("investor_categories", category.name()));
        }
        return counts;
    }

    private static String kindCount(String column, String name) {
        return "count(*) FILTER (WHERE p.signed_on BETWEEN :from AND :to AND '" + name + "' = ANY (p." + column + "))";
    }

    /** 1 亿元 in 万元: the boundary is inclusive (contractAmountWan ≥ 10,000). */
    static final BigDecimal ONE_YI_WAN = BigDecimal.valueOf(10_000);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ProjectSums(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Sums per unit code; units with nothing in the period are absent. */
    public Map<String, UnitSums> byUnit(Unit unit, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt) {
        return byUnit(unit, from, to, asOf, knownAt, false);
    }

    /**
     * The same, counting with {@code verifiedOnly} only the milestones (注册, 开工, 入库, 投产) whose latest finding
     * recorded by knownAt is 已核实 (luodi.bulletin.verified-only): the others count as not reached.
     */
    public Map<String, UnitSums> byUnit(Unit unit, LocalDate from, LocalDate to, LocalDate asOf, Instant knownAt,
                                        boolean verifiedOnly) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", from)
                .addValue("to", to)
                .addValue("asOf", asOf)
                .addValue("oneYi", ONE_YI_WAN);
        String versions = verifiedOnly ? verifiedVersionsKnownAt(knownAt, params)
                : ProjectQueries.versionsKnownAt(knownAt, params);
        String arrivals = ProjectQueries.arrivalsKnownAt(knownAt, params);
        // Every milestone lies on or after signing, so projects signed after the period cannot count in it; and a
        // project counts only if signed, registered, started, stored or in production in the period, so one whose
        // latest of those dates lies before it is skipped (written as project_version_current_stats_idx's
        // expression, V70).
        String sql = """
                WITH projects AS (
                    SELECT p.%1$s AS unit,
                           count(*) FILTER (WHERE cohort) AS signed_count,
                           coalesce(sum(p.contract_amount_wan) FILTER (WHERE cohort), 0) AS signed_amount,
                           count(*) FILTER (WHERE cohort AND p.industrial) AS signed_industrial,
                           count(*) FILTER (WHERE p.registered_on BETWEEN :from AND :to) AS registered,
                           count(*) FILTER (WHERE p.contract_amount_wan >= :oneYi
                                              AND p.stored_on BETWEEN :from AND :to) AS stored,
                           coalesce(sum(p.planned_investment_wan) FILTER (WHERE p.contract_amount_wan >= :oneYi
                                              AND p.stored_on BETWEEN :from AND :to), 0) AS stored_planned,
                           count(*) FILTER (WHERE p.registered_on BETWEEN :from AND :to
                                              AND p.foreign_invested) AS new_foreign,
                           count(*) FILTER (WHERE p.registered_on BETWEEN :from AND :to
                                              AND p.export_oriented) AS export_oriented,
                           count(*) FILTER (WHERE cohort AND p.started_on <= :asOf) AS cohort_started,
                           count(*) FILTER (WHERE cohort AND p.stored_on <= :asOf) AS cohort_stored,
                           count(*) FILTER (WHERE cohort AND p.production_on <= :asOf) AS cohort_in_production,
                           count(*) FILTER (WHERE p.signed_on >= :from
                                              AND p.production_on <= :to) AS signed_and_in_production,
                           count(*) FILTER (WHERE cohort AND p.contract_amount_wan >= 50000) AS above_5yi,
                           count(*) FILTER (WHERE cohort AND p.contract_amount_wan >= 100000) AS above_10yi,
                           count(*) FILTER (WHERE cohort AND p.contract_amount_wan >= 100000
                                              AND p.contract_amount_wan < 500000) AS from_10_to_50yi,
                           count(*) FILTER (WHERE cohort AND p.contract_amount_wan >= 500000
                                              AND p.contract_amount_wan < 1000000) AS from_50_to_100yi,
                           count(*) FILTER (WHERE cohort AND p.contract_amount_wan >= 1000000) AS above_100yi,
                           count(*) FILTER (WHERE cohort AND p.source_region <> 'IN_PROVINCE') AS from_outside,
                           count(*) FILTER (WHERE p.started_on BETWEEN :from AND :to
                                              AND p.start_kind = 'NEW') AS started_new,
                           count(*) FILTER (WHERE p.started_on BETWEEN :from AND :to
                                              AND p.start_kind = 'RESUMED') AS started_resumed,
                           coalesce(sum(p.planned_investment_wan) FILTER (WHERE p.started_on BETWEEN :from AND :to
                                              AND p.start_kind = 'NEW'), 0) AS started_new_planned,
                           count(*) FILTER (WHERE p.started_on BETWEEN :from AND :to AND p.start_kind = 'NEW'
                                              AND p.planned_investment_wan >= :oneYi) AS started_new_above_1yi,
                           count(*) FILTER (WHERE p.production_on BETWEEN :from AND :to) AS in_production,
                           coalesce(sum(p.planned_investment_wan) FILTER (WHERE p.production_on BETWEEN :from AND :to),
                                    0) AS in_production_planned,
                           count(*) FILTER (WHERE p.stored_on BETWEEN :from AND :to AND p.contract_amount_wan >= :oneYi
                                              AND 'TECHNICAL_UPGRADE' = ANY (p.types)) AS stored_upgrades,
                           %5$s
                    FROM (SELECT v.*, (v.signed_on >= :from AND v.contract_amount_wan >= :oneYi) AS cohort
                          FROM (%2$s) v) p
                    WHERE NOT p.voided AND p.signed_on <= :to AND p.%1$s IS NOT NULL
                      AND greatest(p.signed_on, p.registered_on, p.stored_on, p.started_on, p.production_on) >= :from
                    GROUP BY 1),
                funds AS (
                    SELECT f.%1$s AS unit,
                           coalesce(sum(f.amount_wan) FILTER (WHERE f.source IN ('IN_PROVINCE', 'OUT_OF_PROVINCE')), 0)
                               AS domestic,
                           coalesce(sum(f.amount_wan) FILTER (WHERE f.source = 'OUT_OF_PROVINCE'), 0) AS out_of_province,
                           coalesce(sum(f.amount_usd_wan) FILTER (WHERE f.source = 'FOREIGN'), 0) AS foreign_usd
                    FROM (%3$s) f
                    WHERE f.arrived_on BETWEEN :from AND :to AND f.%1$s IS NOT NULL
                      AND f.project_id NOT IN (%4$s)
                    GROUP BY 1)
                SELECT coalesce(projects.unit, funds.unit) AS unit, signed_count, signed_amount, signed_industrial,
                       registered, stored, stored_planned, new_foreign, export_oriented, cohort_started, cohort_stored,
                       cohort_in_production, signed_and_in_production, domestic, out_of_province, foreign_usd,
                       above_5yi, above_10yi, from_10_to_50yi, from_50_to_100yi, above_100yi, from_outside,
                       started_new, started_resumed, started_new_planned, started_new_above_1yi, in_production,
                       in_production_planned, stored_upgrades, %6$s
                FROM projects FULL JOIN funds ON funds.unit = projects.unit
                """.formatted(unit.column, versions, arrivals, voidedKnownAt(knownAt),
                KIND_COUNTS.entrySet().stream().map(c -> c.getValue() + " AS " + c.getKey())
                        .collect(Collectors.joining(",\n")), String.join(", ", KIND_COUNTS.keySet()));
        Map<String, UnitSums> sums = new HashMap<>();
        readOnly.executeWithoutResult(tx -> {
            // The period decides the plan: a national year is ~300,000 arrivals, worth PostgreSQL's parallel
            // workers. After five runs PgJDBC's prepared statement gets a generic plan, which guesses a narrow date
            // range and scans serially (the bench's stats p95 rose from ~150 to ~200 ms), so plan every run.
            jdbc.getJdbcOperations().execute("SET LOCAL plan_cache_mode = force_custom_plan");
            jdbc.query(sql, params, rs -> {
                sums.put(rs.getString("unit"), sums(rs));
            });
        });
        return sums;
    }

    /**
     * The project versions valid at record time knownAt, each with the dates of its milestones not found 已核实 by
     * then taken out (V140's verified_milestones_only): a function call per version, paid only where a city asks.
     */
    private static String verifiedVersionsKnownAt(Instant knownAt, MapSqlParameterSource params) {
        if (knownAt == null) {
            return "SELECT o.* FROM project_version pv CROSS JOIN LATERAL verified_milestones_only(pv, NULL) o "
                    + "WHERE pv.recorded_to IS NULL";
        }
        params.addValue("knownAt", java.sql.Timestamp.from(knownAt));
        return "SELECT o.* FROM project_version pv CROSS JOIN LATERAL verified_milestones_only(pv, :knownAt) o "
                + "WHERE pv.recorded_from <= :knownAt AND (pv.recorded_to IS NULL OR pv.recorded_to > :knownAt)";
    }

    /**
     * The projects void at record time knownAt: voiding is final, so those with a void version recorded by then
     * (a handful, from project_version_voided_idx, V31).
     */
    private static String voidedKnownAt(Instant knownAt) {
        return "SELECT project_id FROM project_version WHERE voided"
                + (knownAt == null ? "" : " AND recorded_from <= :knownAt");
    }

    private static UnitSums sums(ResultSet rs) throws SQLException {
        return new UnitSums(rs.getLong("signed_count"), amount(rs, "signed_amount"), rs.getLong("signed_industrial"),
                rs.getLong("registered"), rs.getLong("stored"), amount(rs, "stored_planned"),
                amount(rs, "domestic"), amount(rs, "out_of_province"), amount(rs, "foreign_usd"),
                rs.getLong("new_foreign"), rs.getLong("export_oriented"), rs.getLong("cohort_started"), rs.getLong("cohort_stored"),
                rs.getLong("cohort_in_production"), rs.getLong("signed_and_in_production"),
                new UnitSums.SizeTiers(rs.getLong("above_5yi"), rs.getLong("above_10yi"), rs.getLong("from_10_to_50yi"),
                        rs.getLong("from_50_to_100yi"), rs.getLong("above_100yi")), rs.getLong("from_outside"),
                new UnitSums.Starts(rs.getLong("started_new"), rs.getLong("started_resumed"),
                        amount(rs, "started_new_planned"), rs.getLong("started_new_above_1yi")),
                new UnitSums.InProduction(rs.getLong("in_production"), amount(rs, "in_production_planned")),
                kinds(rs));
    }

    private static UnitSums.Kinds kinds(ResultSet rs) throws SQLException {
        Map<ProjectType, Long> types = new EnumMap<>(ProjectType.class);
        for (ProjectType type : ProjectType.values()) {
            types.put(type, rs.getLong("type_" + type.name().toLowerCase()));
        }
        Map<InvestorCategory, Long> investors = new EnumMap<>(InvestorCategory.class);
        for (InvestorCategory category : InvestorCategory.values()) {
            investors.put(category, rs.getLong("investor_" + category.name().toLowerCase()));
        }
        return new UnitSums.Kinds(types, investors, rs.getLong("stored_upgrades"));
    }

    /** Exact decimal, zero when the unit had no row on that side of the join; trailing zeros of NUMERIC dropped. */
    private static BigDecimal amount(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
