package org.luodi.query.assessment;

import java.math.BigDecimal;

/**
 * POST /api/assessment/{year}/adjustments: {@code unitKind} "township" or "department", {@code unit} its code,
 * {@code kind}, {@code points} (positive, at most two decimals; the kind gives the sign) and {@code reason}
 * (required). {@code cancels}: the id of an earlier adjustment of the same year that this one cancels (with its own
 * reason); the other fields may then be left out, and when given must be those of the cancelled adjustment.
 */
public record AdjustmentRequest(String unitKind, String unit, AdjustmentKind kind, BigDecimal points, String reason,
                                String cancels) {
}
