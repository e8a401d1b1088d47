package org.luodi.query.warning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the ladder's rules look at, of a project neither void nor terminated on the day asked: its milestones reached
 * by then (null when not yet), the funds arrived by then (万元 and 万美元 apart) and the day of the latest arrival.
 */
record ProjectFacts(String projectId, String name, String township, String leader, BigDecimal contractAmountWan,
                    LocalDate signedOn, LocalDate startedOn, LocalDate storedOn, LocalDate productionOn, BigDecimal fundsWan,
                    BigDecimal fundsUsdWan, LocalDate lastArrivalOn) {

    /** Started, not producing, and since the start neither an arrival nor the storage. */
    boolean stoppedAfterStart() {
        return startedOn != null && productionOn == null && storedOn == null
                && (lastArrivalOn == null || lastArrivalOn.isBefore(startedOn));
    }
}
