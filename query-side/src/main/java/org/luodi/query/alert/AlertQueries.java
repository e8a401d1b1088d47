package org.luodi.query.alert;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.query.project.ProjectQueries;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stalled contracts on any date, computed from the project versions (so a start clears an alert, a corrected
 * signing date moves it and a retracted start brings it back, with nothing else to keep in step). PostgreSQL's
 * {@code date + interval 'n months'} clamps to the month's end exactly like {@code LocalDate.plusMonths}
 * (08-31 + 6 months = 02-28).
 */
@Service
@EnableConfigurationProperties(AlertProperties.class)
public class AlertQueries {
    private final NamedParameterJdbcTemplate jdbc;
    private final AlertProperties thresholds;
    private final ReferenceData reference;

    public AlertQueries(NamedParameterJdbcTemplate jdbc, AlertProperties thresholds, ReferenceData reference) {
        this.jdbc = jdbc;
        this.thresholds = thresholds;
        this.reference = reference;
    }

    /**
     * Alerts on {@code asOf} as recorded up to {@code knownAt}, newest crossing first; {@code townships} null means
     * all, {@code level} null means both.
     */
    public List<Alert> alerts(LocalDate asOf, Instant knownAt, Set<String> townships, AlertLevel level) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT p.project_id, p.name, p.township, p.industry_chain, p.contract_amount_wan, p.signed_on "
                + stalledOn(asOf, knownAt, params);
        if (townships != null) {
            if (townships.isEmpty()) {
                return List.of();
            }
            sql += " AND p.township IN (:townships)";
            params.addValue("townships", townships);
        }
        List<Alert> alerts = jdbc.query(sql, params, (rs, i) -> {
            LocalDate signedOn = rs.getObject("signed_on", LocalDate.class);
            LocalDate overdueOn = signedOn.plusMonths(thresholds.overdueMonths());
            AlertLevel reached = overdueOn.isAfter(asOf) ? AlertLevel.WARNING : AlertLevel.OVERDUE;
            String township = rs.getString("township");
            var townshipRef = reference.township(township);
            return new Alert(rs.getString("project_id"), rs.getString("name"), township,
                    townshipRef == null ? null : townshipRef.name(), rs.getString("industry_chain"),
                    rs.getBigDecimal("contract_amount_wan").stripTrailingZeros(), signedOn,
                    monthsSince(signedOn, asOf), reached,
                    reached == AlertLevel.OVERDUE ? overdueOn : signedOn.plusMonths(thresholds.warningMonths()));
        });
        return alerts.stream()
                .filter(a -> level == null || a.level() == level)
                .sorted(Comparator.comparing(Alert::crossedOn).reversed().thenComparing(Alert::projectId))
                .toList();
    }

    /**
     * How many projects of each township are WARNING and OVERDUE on {@code asOf} (the bulletin's columns), counted
     * in the database rather than by listing every alert.
     */
    public Map<String, Map<AlertLevel, Long>> countsByTownship(LocalDate asOf, Instant knownAt) {
        MapSqlParameterSource params = new MapSqlParameterSource("overdueMonths", thresholds.overdueMonths());
        Map<String, Map<AlertLevel, Long>> counts = new HashMap<>();
        jdbc.query("SELECT p.township, count(*) AS stalled, count(*) FILTER (WHERE "
                + "(p.signed_on + make_interval(months => :overdueMonths))::date <= :asOf) AS overdue "
                + stalledOn(asOf, knownAt, params) + " GROUP BY p.township", params, (RowCallbackHandler) rs -> {
            long overdue = rs.getLong("overdue");
            counts.put(rs.getString("township"), Map.of(AlertLevel.OVERDUE, overdue,
                    AlertLevel.WARNING, rs.getLong("stalled") - overdue));
        });
        return counts;
    }

    /** FROM and WHERE of the projects stalled on {@code asOf}: signed, unstarted, not terminated, not void. */
    private String stalledOn(LocalDate asOf, Instant knownAt, MapSqlParameterSource params) {
        params.addValue("asOf", asOf).addValue("warningMonths", thresholds.warningMonths())
                .addValue("signedBy", latestSigning(asOf, thresholds.warningMonths()));
        return "FROM (" + ProjectQueries.versionsKnownAt(knownAt, params) + ") p "
                + "WHERE NOT p.voided "
                // written as the expressions of project_version_unstarted_idx (V12) so that the index answers them
                + "AND coalesce(p.terminated_on, 'infinity'::date) > :asOf "
                + "AND coalesce(p.started_on, 'infinity'::date) > :asOf "
                + "AND p.signed_on <= :signedBy "
                + "AND (p.signed_on + make_interval(months => :warningMonths))::date <= :asOf";
    }

    /**
     * A bound on signing dates that the index can use: signed + months &lt;= asOf implies signed &lt;= asOf - months
     * + 3 days, because plusMonths clamps to the month's end, which moves a date back by at most 3 days. The exact
     * test follows it in SQL.
     */
    static LocalDate latestSigning(LocalDate asOf, int months) {
        return asOf.minusMonths(months).plusDays(3);
    }

    /**
     * Whole calendar months from signing to {@code asOf} the way the thresholds count them ({@code plusMonths}):
     * 2024-08-31 to 2025-02-28 is 6 months, where {@code ChronoUnit.MONTHS} says 5 and an OVERDUE alert would
     * read "5 months since signing".
     */
    static long monthsSince(LocalDate signedOn, LocalDate asOf) {
        long months = ChronoUnit.MONTHS.between(signedOn, asOf);
        return signedOn.plusMonths(months + 1).isAfter(asOf) ? months : months + 1;
    }
}
