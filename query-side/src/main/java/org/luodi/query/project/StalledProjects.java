package org.luodi.query.project;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projects stalled on a date, for the alerts: signed at least {@code months} ago, not started, not terminated,
 * not void, as recorded up to knownAt. PostgreSQL's {@code date + interval 'n months'} clamps to the month's end
 * exactly like {@code LocalDate.plusMonths} (08-31 + 6 months = 02-28).
 */
@Repository
public class StalledProjects {
    private final NamedParameterJdbcTemplate jdbc;

    public StalledProjects(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Stalled(String projectId, String name, String township, String industryChain,
                          BigDecimal contractAmountWan, LocalDate signedOn) {
    }

    /** One township's stalled projects, and how many of them are stalled for {@code longMonths} or more. */
    public record Count(long stalled, long stalledLong) {
    }

    /** The stalled projects of {@code townships} (null: all). */
    public List<Stalled> on(LocalDate asOf, Instant knownAt, int months, Set<String> townships) {
        if (townships != null && townships.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT p.project_id, p.name, p.township, p.industry_chain, p.contract_amount_wan, p.signed_on "
                + stalledOn(asOf, knownAt, months, params);
        if (townships != null) {
            sql += " AND p.township IN (:townships)";
            params.addValue("townships", townships);
        }
        return jdbc.query(sql, params, (rs, i) -> new Stalled(rs.getString("project_id"), rs.getString("name"),
                rs.getString("township"), rs.getString("industry_chain"),
                rs.getBigDecimal("contract_amount_wan").stripTrailingZeros(),
                rs.getObject("signed_on", LocalDate.class)));
    }

    /** Per township, counted in the database rather than by listing every project (the bulletin's columns). */
    public Map<String, Count> countsByTownship(LocalDate asOf, Instant knownAt, int months, int longMonths) {
        MapSqlParameterSource params = new MapSqlParameterSource("longMonths", longMonths);
        Map<String, Count> counts = new HashMap<>();
        jdbc.query("SELECT p.township, count(*) AS stalled, count(*) FILTER (WHERE "
                + "(p.signed_on + make_interval(months => :longMonths))::date <= :asOf) AS stalled_long "
                + stalledOn(asOf, knownAt, months, params) + " GROUP BY p.township", params, (RowCallbackHandler) rs ->
                counts.put(rs.getString("township"), new Count(rs.getLong("stalled"), rs.getLong("stalled_long"))));
        return counts;
    }

    private static String stalledOn(LocalDate asOf, Instant knownAt, int months, MapSqlParameterSource params) {
        params.addValue("asOf", asOf).addValue("months", months).addValue("signedBy", latestSigning(asOf, months));
        return "FROM (" + ProjectQueries.versionsKnownAt(knownAt, params) + ") p "
                + "WHERE NOT p.voided "
                // written as the expressions of project_version_unstarted_idx (V12) so that the index answers them
                + "AND coalesce(p.terminated_on, 'infinity'::date) > :asOf "
                + "AND coalesce(p.started_on, 'infinity'::date) > :asOf "
                + "AND p.signed_on <= :signedBy "
                + "AND (p.signed_on + make_interval(months => :months))::date <= :asOf";
    }

    /**
     * A bound on signing dates that the index can use: signed + months &lt;= asOf implies signed &lt;= asOf - months
     * + 3 days, because plusMonths clamps to the month's end, which moves a date back by at most 3 days. The exact
     * test follows it in SQL.
     */
    static LocalDate latestSigning(LocalDate asOf, int months) {
        return asOf.minusMonths(months).plusDays(3);
    }
}
