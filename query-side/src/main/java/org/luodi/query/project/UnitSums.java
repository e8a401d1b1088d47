package org.luodi.query.project;

import java.math.BigDecimal;

/**
 * What the database sums up for one township or chain (or for a total of them): the SPEC §3 indicators, the cohort
 * behind the rates (projects counted in signedAbove1Yi, terminated ones included) and how many projects were
 * signed and in production in the year (当年签约当年投产, scored by the bulletin).
 */
public record UnitSums(long signedCount, BigDecimal signedAmountWan, long signedIndustrialCount,
                       long registeredCount, long startedStoredCount, BigDecimal startedStoredPlannedWan,
                       BigDecimal domesticWan, BigDecimal outOfProvinceWan, BigDecimal foreignUsdWan,
                       long newForeignEnterprises, long cohortStarted, long cohortStored, long cohortInProduction,
                       long signedAndInProduction) {

    public static final UnitSums NONE = new UnitSums(0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0);

    public UnitSums plus(UnitSums o) {
        return new UnitSums(signedCount + o.signedCount, signedAmountWan.add(o.signedAmountWan),
                signedIndustrialCount + o.signedIndustrialCount, registeredCount + o.registeredCount,
                startedStoredCount + o.startedStoredCount, startedStoredPlannedWan.add(o.startedStoredPlannedWan),
                domesticWan.add(o.domesticWan), outOfProvinceWan.add(o.outOfProvinceWan),
                foreignUsdWan.add(o.foreignUsdWan), newForeignEnterprises + o.newForeignEnterprises,
                cohortStarted + o.cohortStarted, cohortStored + o.cohortStored,
                cohortInProduction + o.cohortInProduction, signedAndInProduction + o.signedAndInProduction);
    }
}
