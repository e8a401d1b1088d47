package org.luodi.query.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded adjustment, as the audit list shows it: {@code points} is its signed effect on the score (a
 * cancellation carries the opposite of the one it cancels, named by {@code cancels}); {@code cancelledBy} the id
 * of the adjustment that cancelled it, when that was known at the list's knownAt (null otherwise).
 */
public record Adjustment(UUID id, int year, String unitKind, String unit, String unitName, AdjustmentKind kind,
                         String kindName, BigDecimal points, UUID cancels, UUID cancelledBy, Instant recordedAt,
                         String recordedBy, String recordedRole, String reason) {
}
