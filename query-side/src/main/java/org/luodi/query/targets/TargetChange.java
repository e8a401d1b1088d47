package org.luodi.query.targets;

import java.math.BigDecimal;
import java.time.Instant;

/** One change of one target: the value before and after (null: no target), who made it, when and why. */
public record TargetChange(long id, int year, String unitKind, String unit, String unitName, String indicator,
                           BigDecimal oldValue, BigDecimal newValue, Instant changedAt, String changedBy,
                           String changedRole, String reason) {
}
