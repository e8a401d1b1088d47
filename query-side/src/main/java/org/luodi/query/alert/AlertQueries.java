package org.luodi.query.alert;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.query.project.StalledProjects;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 * signing date moves it and a retracted start brings it back, with nothing else to keep in step): the thresholds
 * decide WARNING and OVERDUE over what {@link StalledProjects} finds.
 */
@Service
@EnableConfigurationProperties(AlertProperties.class)
public class AlertQueries {
    private final StalledProjects stalled;
    private final AlertProperties thresholds;
    private final ReferenceData reference;

    public AlertQueries(StalledProjects stalled, AlertProperties thresholds, ReferenceData reference) {
        this.stalled = stalled;
        this.thresholds = thresholds;
        this.reference = reference;
    }

    /**
     * Alerts on {@code asOf} as recorded up to {@code knownAt}, newest crossing first; {@code townships} null means
     * all, {@code level} null means both.
     */
    public List<Alert> alerts(LocalDate asOf, Instant knownAt, Set<String> townships, AlertLevel level) {
        return stalled.on(asOf, knownAt, thresholds.warningMonths(), townships).stream()
                .map(p -> alert(p, asOf))
                .filter(a -> level == null || a.level() == level)
                .sorted(Comparator.comparing(Alert::crossedOn).reversed().thenComparing(Alert::projectId))
                .toList();
    }

    /**
     * How many projects of each township are WARNING and OVERDUE on {@code asOf} (the bulletin's columns), counted
     * in the database rather than by listing every alert.
     */
    public Map<String, Map<AlertLevel, Long>> countsByTownship(LocalDate asOf, Instant knownAt) {
        Map<String, Map<AlertLevel, Long>> counts = new HashMap<>();
        stalled.countsByTownship(asOf, knownAt, thresholds.warningMonths(), thresholds.overdueMonths())
                .forEach((township, n) -> counts.put(township, Map.of(AlertLevel.OVERDUE, n.stalledLong(),
                        AlertLevel.WARNING, n.stalled() - n.stalledLong())));
        return counts;
    }

    private Alert alert(StalledProjects.Stalled p, LocalDate asOf) {
        LocalDate overdueOn = p.signedOn().plusMonths(thresholds.overdueMonths());
        AlertLevel reached = overdueOn.isAfter(asOf) ? AlertLevel.WARNING : AlertLevel.OVERDUE;
        var township = reference.township(p.township());
        return new Alert(p.projectId(), p.name(), p.township(), township == null ? null : township.name(),
                p.industryChain(), p.contractAmountWan(), p.signedOn(), monthsSince(p.signedOn(), asOf), reached,
                reached == AlertLevel.OVERDUE ? overdueOn : p.signedOn().plusMonths(thresholds.warningMonths()));
    }

    /**
     * Whole calendar months from signing to {@code asOf} the way the thresholds count them ({@code plusMonths}):
     * 2024-08-31 to 2025-02-28 is 6 months, where {@code ChronoUnit.MONTHS} says 5 and an OVERDUE alert would
     * read "5 months since signing".
     */
    public static long monthsSince(LocalDate signedOn, LocalDate asOf) {
        long months = ChronoUnit.MONTHS.between(signedOn, asOf);
        return signedOn.plusMonths(months + 1).isAfter(asOf) ? months : months + 1;
    }
}
