package org.luodi.query.bulletin;

import java.math.BigDecimal;

/**
 * A township's score and how it came about: points for completion (two decimals), minus the penalty for OVERDUE
 * projects, plus the bonus for projects signed and in production in the year, the bonus for the period's signings
 * of the rewarded project types (二次招商 by default) and the bonus for 技改 projects of 1 亿 or more stored.
 */
public record Score(BigDecimal total, BigDecimal completionPoints, BigDecimal overduePenalty,
                    BigDecimal productionBonus, BigDecimal typeBonus, BigDecimal storedUpgradeBonus) {
}
