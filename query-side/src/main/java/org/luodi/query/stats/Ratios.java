package org.luodi.query.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Every rate and completion the API shows: four decimals, HALF_UP, exact decimals throughout. */
public final class Ratios {
    public static final int SCALE = 4;

    private Ratios() {
    }

    /** {@code numerator ÷ denominator}, or null for a missing or empty (zero) denominator. */
    public static BigDecimal of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    public static BigDecimal of(long numerator, long denominator) {
        return of(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }
}
