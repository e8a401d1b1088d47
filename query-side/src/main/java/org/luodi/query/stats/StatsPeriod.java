package org.luodi.query.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;

/**
 * Year Y seen on {@code asOf}: milestones count when dated in [Y-01-01, min(asOf, Y-12-31)] (empty when asOf lies
 * before the year), and 序时进度 is the share of Y's days elapsed up to asOf inclusive.
 */
public record StatsPeriod(int year, LocalDate asOf) {

    public LocalDate from() {
        return LocalDate.of(year, 1, 1);
    }

    public LocalDate to() {
        LocalDate end = LocalDate.of(year, 12, 31);
        return asOf.isBefore(end) ? asOf : end;
    }

    public int daysInYear() {
        return Year.of(year).length();
    }

    public long elapsedDays() {
        if (asOf.isBefore(from())) {
            return 0;
        }
        return asOf.getYear() > year ? daysInYear() : asOf.getDayOfYear();
    }

    /** 序时进度, e.g. 2024-06-30 → 182/366 = 0.4973. */
    public BigDecimal scheduleProgress() {
        return Ratios.of(BigDecimal.valueOf(elapsedDays()), BigDecimal.valueOf(daysInYear()));
    }

    /**
     * Whether {@code actual ÷ target} lies below 序时进度, compared exactly (actual × days < elapsed × target) so
     * that two ratios rounding to the same four decimals are still told apart.
     */
    public boolean behindSchedule(BigDecimal actual, BigDecimal target) {
        return actual.multiply(BigDecimal.valueOf(daysInYear()))
                .compareTo(target.multiply(BigDecimal.valueOf(elapsedDays()))) < 0;
    }
}
