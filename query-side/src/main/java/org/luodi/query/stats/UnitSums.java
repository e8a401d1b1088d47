package org.luodi.query.stats;

import org.luodi.query.reference.Indicator;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

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

    /** The actual value of every measured indicator, to set against its target. */
    public Map<Indicator, BigDecimal> actuals() {
        Map<Indicator, BigDecimal> actual = new EnumMap<>(Indicator.class);
        actual.put(Indicator.SIGNED_COUNT, BigDecimal.valueOf(signedCount));
        actual.put(Indicator.SIGNED_AMOUNT, signedAmountWan);
        actual.put(Indicator.SIGNED_INDUSTRIAL_COUNT, BigDecimal.valueOf(signedIndustrialCount));
        actual.put(Indicator.REGISTERED_COUNT, BigDecimal.valueOf(registeredCount));
        actual.put(Indicator.STARTED_STORED_COUNT, BigDecimal.valueOf(startedStoredCount));
        actual.put(Indicator.STARTED_STORED_PLANNED, startedStoredPlannedWan);
        actual.put(Indicator.DOMESTIC_TOTAL, domesticWan);
        actual.put(Indicator.DOMESTIC_OUT_OF_PROVINCE, outOfProvinceWan);
        actual.put(Indicator.NEW_FOREIGN_ENTERPRISES, BigDecimal.valueOf(newForeignEnterprises));
        actual.put(Indicator.FOREIGN_USD, foreignUsdWan);
        return actual;
    }
}
