package org.luodi.query.warning;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.query.alert.AlertProperties;
import org.luodi.query.project.ProjectQueries;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The warning ladder worked out from the record: the projects' facts on a day, as recorded up to knownAt, from the
 * project versions and the fund arrivals (so a start, an arrival or a storage clears or lowers a warning with
 * nothing else to keep in step), then {@link WarningRules} on each. Only projects old enough for the earliest step
 * of a rule switched on are read. {@link WarningLadder} keeps today's answer; this is the answer of any other day.
 */
@Component
class WarningsWorkedOut {
    /** Most urgent first: red before yellow before green, the oldest first, then by project and rule. */
    static final Comparator<Warning> MOST_URGENT_FIRST = Comparator
            .comparing((Warning w) -> w.colour().ordinal()).reversed()
            .thenComparing(Warning::since).thenComparing(Warning::projectId).thenComparing(Warning::rule);

    private final NamedParameterJdbcTemplate jdbc;
    private final WarningRules rules;
    private final WarningProperties settings;
    private final AlertProperties alerts;
    private final ReferenceData reference;

    WarningsWorkedOut(NamedParameterJdbcTemplate jdbc, WarningProperties settings, AlertProperties alerts,
                      ReferenceData reference) {
        this.jdbc = jdbc;
        this.rules = new WarningRules(settings, alerts);
        this.settings = settings;
        this.alerts = alerts;
        this.reference = reference;
    }

    /** The thresholds the answers depend on, as text: a ladder kept under other settings is not today's. */
    String settings() {
        return settings + " " + alerts;
    }

    /**
     * The warnings of {@code townships} (null: all), of the projects {@code leader} 包保s (null: all) and of
     * {@code projectIds} (null: all), most urgent first.
     */
    List<Warning> warnings(LocalDate asOf, Instant knownAt, Set<String> townships, String leader,
                           Collection<String> projectIds) {
        List<Warning> warnings = new ArrayList<>();
        if ((townships != null && townships.isEmpty()) || (projectIds != null && projectIds.isEmpty())) {
            return warnings;
        }
        for (ProjectFacts p : facts(asOf, knownAt, townships, leader, projectIds)) {
            for (WarningRules.Finding f : rules.findings(p, asOf)) {
                warnings.add(warning(p, f, asOf));
            }
        }
        warnings.sort(MOST_URGENT_FIRST);
        return warnings;
    }

    private Warning warning(ProjectFacts p, WarningRules.Finding f, LocalDate asOf) {
        Escalation escalation = rules.escalation(f, asOf);
        return new Warning(p.projectId(), p.name(), p.township(), townshipName(p.township()), p.leader(),
                p.contractAmountWan(), p.signedOn(), f.rule(), f.rule().label(), f.colour(), f.colour().label(),
                f.since(), escalation, escalation.label(), f.detail());
    }

    String townshipName(String code) {
        var township = reference.township(code);
        return township == null ? code : township.name();
    }

    private List<ProjectFacts> facts(LocalDate asOf, Instant knownAt, Set<String> townships, String leader,
                                     Collection<String> projectIds) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("signedBy", signedBy(asOf));
        String arrivals = ProjectQueries.arrivalsKnownAt(knownAt, params);
        String sql = "SELECT p.project_id, p.name, p.township, p.leader, p.contract_amount_wan, p.signed_on, "
                + "CASE WHEN p.started_on <= :asOf THEN p.started_on END AS started_on, "
                + "CASE WHEN p.stored_on <= :asOf THEN p.stored_on END AS stored_on, "
                + "CASE WHEN p.production_on <= :asOf THEN p.production_on END AS production_on, "
                + "f.wan, f.usd, f.last_on "
                + "FROM (" + ProjectQueries.versionsKnownAt(knownAt, params) + ") p "
                + "LEFT JOIN LATERAL (SELECT coalesce(sum(a.amount_wan) FILTER (WHERE a.source <> 'FOREIGN'), 0) AS wan, "
                + "coalesce(sum(a.amount_usd_wan) FILTER (WHERE a.source = 'FOREIGN'), 0) AS usd, "
                + "max(a.arrived_on) AS last_on FROM (" + arrivals + ") a "
                + "WHERE a.project_id = p.project_id AND a.arrived_on <= :asOf) f ON true "
                + "WHERE NOT p.voided AND coalesce(p.terminated_on, 'infinity'::date) > :asOf "
                + "AND p.signed_on <= :signedBy";
        if (townships != null) {
            sql += " AND p.township IN (:townships)";
            params.addValue("townships", townships);
        }
        if (leader != null) {
            sql += " AND p.leader = :leader";
            params.addValue("leader", leader);
        }
        if (projectIds != null) {
            sql += " AND p.project_id IN (:ids)";
            params.addValue("ids", projectIds);
        }
        return jdbc.query(sql, params, (rs, i) -> new ProjectFacts(rs.getString("project_id"), rs.getString("name"),
                rs.getString("township"), rs.getString("leader"), strip(rs.getBigDecimal("contract_amount_wan")),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("started_on", LocalDate.class),
                rs.getObject("stored_on", LocalDate.class), rs.getObject("production_on", LocalDate.class),
                strip(rs.getBigDecimal("wan")), strip(rs.getBigDecimal("usd")),
                rs.getObject("last_on", LocalDate.class)));
    }

    /**
     * No rule colours a project signed after this day: every step counts at least the earliest switched-on step's
     * months from the signing or a later day. Three days later than {@code asOf} minus those months, because
     * plusMonths clamps to the month's end (08-31 plus 6 months is 02-28).
     */
    private LocalDate signedBy(LocalDate asOf) {
        IntStream earliest = IntStream.of(
                settings.stalledContract().enabled()
                        ? Math.min(settings.stalledContract().greenMonths(), alerts.warningMonths()) : Integer.MAX_VALUE,
                settings.stoppedAfterStart().enabled() ? settings.stoppedAfterStart().greenMonths() : Integer.MAX_VALUE,
                settings.storageLagging().enabled() ? settings.storageLagging().greenMonths() : Integer.MAX_VALUE,
                settings.fundsBehind().enabled() ? settings.fundsBehind().months() : Integer.MAX_VALUE);
        int months = earliest.min().orElse(Integer.MAX_VALUE);
        return months == Integer.MAX_VALUE ? LocalDate.of(1900, 1, 1) : asOf.minusMonths(months).plusDays(3);
    }

    static BigDecimal strip(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
