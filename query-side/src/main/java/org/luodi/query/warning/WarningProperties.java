package org.luodi.query.warning;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;

/**
 * The warning ladder's rules, each on or off with its thresholds ({@code luodi.warnings.*}; the defaults below are
 * what docs/contract.md §5c explains). Months are calendar months as the alerts count them (plusMonths). The stalled
 * contract's yellow and red steps are the alerts' own {@code luodi.alerts.warning-months} / {@code overdue-months},
 * so that the ladder and GET /api/alerts never disagree; only its green step is set here. Bad thresholds stop the
 * start, rather than colour projects in a way nobody could explain.
 */
@ConfigurationProperties("luodi.warnings")
public record WarningProperties(Ladder stalledContract, Ladder stoppedAfterStart, Ladder storageLagging,
                                FundsBehind fundsBehind, Steps escalation) {

    public WarningProperties {
        stalledContract = Ladder.or(stalledContract, new Ladder(true, 3, null, null, BigDecimal.ZERO));
        stoppedAfterStart = Ladder.or(stoppedAfterStart, new Ladder(true, 2, 3, 6, BigDecimal.ZERO));
        storageLagging = Ladder.or(storageLagging, new Ladder(true, 3, 6, 9, BigDecimal.valueOf(500)));
        fundsBehind = fundsBehind == null ? new FundsBehind(null, null, null, null, null, null) : fundsBehind;
        escalation = escalation == null ? new Steps(null, null) : escalation;
        stoppedAfterStart.check("stopped-after-start", true);
        storageLagging.check("storage-lagging", true);
        stalledContract.check("stalled-contract", false);
    }

    /**
     * A rule that counts months from a milestone: green, yellow, red from so many months on; {@code minContractWan}
     * leaves out smaller projects (入库 is owed from 500 万元 of investment on).
     */
    public record Ladder(Boolean enabled, Integer greenMonths, Integer yellowMonths, Integer redMonths,
                         BigDecimal minContractWan) {
        /** The settings given, each one left out taken from {@code defaults}. */
        static Ladder or(Ladder given, Ladder defaults) {
            if (given == null) {
                return defaults;
            }
            return new Ladder(given.enabled != null ? given.enabled : defaults.enabled,
                    given.greenMonths != null ? given.greenMonths : defaults.greenMonths,
                    given.yellowMonths != null ? given.yellowMonths : defaults.yellowMonths,
                    given.redMonths != null ? given.redMonths : defaults.redMonths,
                    given.minContractWan != null ? given.minContractWan : defaults.minContractWan);
        }

        void check(String name, boolean allSteps) {
            boolean bad = greenMonths == null || greenMonths < 1 || minContractWan.signum() < 0;
            if (allSteps) {
                bad = bad || yellowMonths == null || redMonths == null || yellowMonths < greenMonths
                        || redMonths < yellowMonths;
            }
            if (bad) {
                throw new IllegalArgumentException("luodi.warnings." + name + ": need 1 <= green-months <= "
                        + "yellow-months <= red-months and min-contract-wan >= 0");
            }
        }
    }

    /**
     * Projects signed {@code months} or more ago whose funds arrived (万美元 at {@code usdToCny}) are below a share of
     * the contract: green below {@code greenBelow}, yellow below {@code yellowBelow}, red below {@code redBelow}.
     */
    public record FundsBehind(Boolean enabled, Integer months, BigDecimal greenBelow, BigDecimal yellowBelow,
                              BigDecimal redBelow, BigDecimal usdToCny) {
        public FundsBehind {
            enabled = enabled == null || enabled;
            months = months == null ? 12 : months;
            greenBelow = greenBelow == null ? new BigDecimal("0.5") : greenBelow;
            yellowBelow = yellowBelow == null ? new BigDecimal("0.3") : yellowBelow;
            redBelow = redBelow == null ? new BigDecimal("0.1") : redBelow;
            usdToCny = usdToCny == null ? new BigDecimal("7.1") : usdToCny;
            if (months < 1 || redBelow.signum() <= 0 || redBelow.compareTo(yellowBelow) > 0
                    || yellowBelow.compareTo(greenBelow) > 0 || greenBelow.compareTo(BigDecimal.ONE) > 0
                    || usdToCny.signum() <= 0) {
                throw new IllegalArgumentException("luodi.warnings.funds-behind: need months >= 1, "
                        + "0 < red-below <= yellow-below <= green-below <= 1 and usd-to-cny > 0");
            }
        }
    }

    /** A red warning goes up to the 市招商服务中心 after so many months red, to the 市政府 after so many more. */
    public record Steps(Integer countyOfficeMonths, Integer governmentMonths) {
        public Steps {
            countyOfficeMonths = countyOfficeMonths == null ? 1 : countyOfficeMonths;
            governmentMonths = governmentMonths == null ? 3 : governmentMonths;
            if (countyOfficeMonths < 0 || governmentMonths < countyOfficeMonths) {
                throw new IllegalArgumentException("luodi.warnings.escalation: need 0 <= county-office-months <= "
                        + "government-months");
            }
        }
    }
}
