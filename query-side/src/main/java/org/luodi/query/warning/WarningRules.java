package org.luodi.query.warning;

import org.luodi.query.alert.AlertProperties;
import org.luodi.query.alert.AlertQueries;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ladder's rules on one project and one day, with nothing but {@link ProjectFacts} and the configuration: what
 * the tests compute by hand. A project may break several rules; 开工即停 and 入库滞后 never both (a project without
 * funds since its start has stopped, one with funds is building and owes its storage).
 */
class WarningRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final WarningProperties settings;
    private final AlertProperties alerts;

    WarningRules(WarningProperties settings, AlertProperties alerts) {
        this.settings = settings;
        this.alerts = alerts;
    }

    /** A rule's finding before it is dressed for the answer: colour, since when, and what was measured. */
    record Finding(WarningRule rule, Colour colour, LocalDate since, String detail) {
    }

    List<Finding> findings(ProjectFacts p, LocalDate asOf) {
        List<Finding> found = new ArrayList<>();
        WarningProperties.Ladder stalled = settings.stalledContract();
        if (stalled.enabled() && p.startedOn() == null) {
            months(p, stalled, stalled.greenMonths(), alerts.warningMonths(), alerts.overdueMonths(), p.signedOn(), asOf)
                    .map(colour -> finding(WarningRule.STALLED_CONTRACT, colour, p.signedOn(),
                            steps(stalled.greenMonths(), alerts.warningMonths(), alerts.overdueMonths()),
                            "签约已满" + AlertQueries.monthsSince(p.signedOn(), asOf) + "个月仍未开工"))
                    .ifPresent(found::add);
        }
        if (p.startedOn() != null) {
            boolean stopped = p.stoppedAfterStart();
            WarningProperties.Ladder ladder = stopped ? settings.stoppedAfterStart() : settings.storageLagging();
            boolean applies = ladder.enabled() && (stopped || p.storedOn() == null);
            String since = "开工已满" + AlertQueries.monthsSince(p.startedOn(), asOf) + "个月";
            if (applies) {
                months(p, ladder, ladder.greenMonths(), ladder.yellowMonths(), ladder.redMonths(), p.startedOn(), asOf)
                        .map(colour -> stopped
                                ? finding(WarningRule.STOPPED_AFTER_START, colour, p.startedOn(), steps(ladder),
                                        since + "，开工后无资金到位、未入库")
                                : finding(WarningRule.STORAGE_LAGGING, colour, p.startedOn(), steps(ladder),
                                        since + "仍未入库"))
                        .ifPresent(found::add);
            }
        }
        fundsBehind(p, asOf).ifPresent(found::add);
        return found;
    }

    /** Who follows a warning up on {@code asOf}: the township, until it has been red long enough. */
    Escalation escalation(Finding f, LocalDate asOf) {
        if (f.colour() != Colour.RED) {
            return Escalation.TOWNSHIP;
        }
        WarningProperties.Steps steps = settings.escalation();
        if (!f.since().plusMonths(steps.governmentMonths()).isAfter(asOf)) {
            return Escalation.GOVERNMENT;
        }
        return f.since().plusMonths(steps.countyOfficeMonths()).isAfter(asOf)
                ? Escalation.TOWNSHIP : Escalation.COUNTY_OFFICE;
    }

    private Optional<Finding> fundsBehind(ProjectFacts p, LocalDate asOf) {
        WarningProperties.FundsBehind rule = settings.fundsBehind();
        LocalDate due = p.signedOn().plusMonths(rule.months());
        if (!rule.enabled() || due.isAfter(asOf) || p.contractAmountWan().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal arrived = p.fundsWan().add(p.fundsUsdWan().multiply(rule.usdToCny()));
        BigDecimal share = arrived.divide(p.contractAmountWan(), 6, RoundingMode.HALF_UP);
        Colour colour = share.compareTo(rule.redBelow()) < 0 ? Colour.RED
                : share.compareTo(rule.yellowBelow()) < 0 ? Colour.YELLOW
                : share.compareTo(rule.greenBelow()) < 0 ? Colour.GREEN : null;
        if (colour == null) {
            return Optional.empty();
        }
        String percent = share.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return Optional.of(new Finding(WarningRule.FUNDS_BEHIND, colour, due, "签约已满"
                + AlertQueries.monthsSince(p.signedOn(), asOf) + "个月，资金到位" + percent + "%（"
                + arrived.setScale(0, RoundingMode.HALF_UP).toPlainString() + "/"
                + p.contractAmountWan().setScale(0, RoundingMode.HALF_UP).toPlainString() + "万元）"));
    }

    /** The highest step reached {@code from} that day on, of a project large enough for the rule. */
    private static Optional<Colour> months(ProjectFacts p, WarningProperties.Ladder ladder, int green, int yellow,
                                           int red, LocalDate from, LocalDate asOf) {
        if (p.contractAmountWan().compareTo(ladder.minContractWan()) < 0) {
            return Optional.empty();
        }
        if (!from.plusMonths(red).isAfter(asOf)) {
            return Optional.of(Colour.RED);
        }
        if (!from.plusMonths(yellow).isAfter(asOf)) {
            return Optional.of(Colour.YELLOW);
        }
        return from.plusMonths(green).isAfter(asOf) ? Optional.empty() : Optional.of(Colour.GREEN);
    }

    private static int[] steps(int green, int yellow, int red) {
        return new int[] {green, yellow, red};
    }

    private static int[] steps(WarningProperties.Ladder ladder) {
        return steps(ladder.greenMonths(), ladder.yellowMonths(), ladder.redMonths());
    }

    private static Finding finding(WarningRule rule, Colour colour, LocalDate from, int[] steps, String detail) {
        return new Finding(rule, colour, from.plusMonths(steps[colour.ordinal()]), detail);
    }
}
