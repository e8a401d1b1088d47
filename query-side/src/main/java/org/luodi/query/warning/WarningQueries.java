package org.luodi.query.warning;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.query.alert.AlertProperties;
import org.luodi.query.project.ProjectQueries;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The warning ladder on any date, as recorded up to knownAt: the projects' facts from the project versions and the
 * fund arrivals (so a start, an arrival or a storage clears or lowers a warning with nothing else to keep in step),
 * then {@link WarningRules} on each. Only projects old enough for the earliest step of a rule switched on are read.
 */
@Service
@EnableConfigurationProperties(WarningProperties.class)
public class WarningQueries {
    private static final Comparator<Warning> MOST_URGENT_FIRST = Comparator
            .comparing((Warning w) -> w.colour().ordinal()).reversed()
            .thenComparing(Warning::since).thenComparing(Warning::projectId).thenComparing(Warning::rule);

    private final NamedParameterJdbcTemplate jdbc;
    private final WarningRules rules;
    private final WarningProperties settings;
    private final AlertProperties alerts;
    private final ReferenceData reference;

    public WarningQueries(NamedParameterJdbcTemplate jdbc, WarningProperties settings, AlertProperties alerts,
                          ReferenceData reference) {
        this.jdbc = jdbc;
        this.rules = new WarningRules(settings, alerts);
        this.settings = settings;
        this.alerts = alerts;
        this.reference = reference;
    }

    /** The warnings of {@code townships} (null: all), of one rule and one colour when given, most urgent first. */
    public List<Warning> warnings(LocalDate asOf, Instant knownAt, Set<String> townships, WarningRule rule,
                                  Colour colour) {
        return warnings(asOf, knownAt, townships, null, rule, colour);
    }

    /** The same, of the projects that 包保 {@code leader} has on {@code asOf}'s record (null: every project). */
    public List<Warning> warnings(LocalDate asOf, Instant knownAt, Set<String> townships, String leader,
                                  WarningRule rule, Colour colour) {
        if (townships != null && townships.isEmpty()) {
            return List.of();
        }
        List<Warning> warnings = new ArrayList<>();
        for (ProjectFacts p : facts(asOf, knownAt, townships, leader)) {
            for (WarningRules.Finding f : rules.findings(p, asOf)) {
                if ((rule == null || f.rule() == rule) && (colour == null || f.colour() == colour)) {
                    warnings.add(warning(p, f, asOf));
                }
            }
        }
        warnings.sort(MOST_URGENT_FIRST);
        return warnings;
    }

    /** One township's warnings on a day: how many of each colour, and how many red ones went up beyond it. */
    public record TownshipCount(String township, String name, long red, long yellow, long green, long escalated) {
    }

    /**
     * The warnings of each township of {@code townships} (null: all) that has any, in the reference data's order,
     * with a total line (township null, name "合计") when there are any: the bulletin's 预警分级 sheet.
     */
    public List<TownshipCount> countsByTownship(LocalDate asOf, Instant knownAt, Set<String> townships) {
        List<Warning> all = warnings(asOf, knownAt, townships, null, null);
        List<TownshipCount> counts = new ArrayList<>();
        for (var place : reference.townships()) {
            List<Warning> own = all.stream().filter(w -> w.township().equals(place.code())).toList();
            if (!own.isEmpty()) {
                counts.add(count(place.code(), place.name(), own));
            }
        }
        if (!counts.isEmpty()) {
            counts.add(count(null, "合计", all));
        }
        return counts;
    }

    private static TownshipCount count(String township, String name, List<Warning> warnings) {
        return new TownshipCount(township, name, colour(warnings, Colour.RED), colour(warnings, Colour.YELLOW),
                colour(warnings, Colour.GREEN), warnings.stream().filter(w -> w.escalation() != Escalation.TOWNSHIP).count());
    }

    private static long colour(List<Warning> warnings, Colour colour) {
        return warnings.stream().filter(w -> w.colour() == colour).count();
    }

    private Warning warning(ProjectFacts p, WarningRules.Finding f, LocalDate asOf) {
        var township = reference.township(p.township());
        Escalation escalation = rules.escalation(f, asOf);
        return new Warning(p.projectId(), p.name(), p.township(), township == null ? p.township() : township.name(),
                p.contractAmountWan(), p.signedOn(), f.rule(), f.rule().label(), f.colour(), f.colour().label(),
                f.since(), escalation, escalation.label(), f.detail());
    }

    private List<ProjectFacts> facts(LocalDate asOf, Instant knownAt, Set<String> townships, String leader) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf)
                .addValue("signedBy", signedBy(asOf));
        String arrivals = ProjectQueries.arrivalsKnownAt(knownAt, params);
        String sql = "SELECT p.project_id, p.name, p.township, p.contract_amount_wan, p.signed_on, "
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
        return jdbc.query(sql, params, (rs, i) -> new ProjectFacts(rs.getString("project_id"), rs.getString("name"),
                rs.getString("township"), strip(rs.getBigDecimal("contract_amount_wan")),
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

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.stripTrailingZeros();
    }
}
