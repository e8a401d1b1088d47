package org.luodi.query.targets;

import java.math.BigDecimal;
import java.util.Map;

/**
 * PUT /api/targets/{year}/{township}: the targets to set, by indicator key (a number, or null to remove the target);
 * keys left out keep their value. {@code reason} (why the target changes) is required.
 */
public record TargetUpdate(Map<String, BigDecimal> targets, String reason) {
}
