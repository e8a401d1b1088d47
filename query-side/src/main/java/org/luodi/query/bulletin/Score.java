package org.luodi.query.bulletin;

import java.math.BigDecimal;

/**
 * A township's score and how it came about: points for completion (two decimals), minus the penalty for OVERDUE
 * projects, plus the bonus for projects signed and in production in the year.
 */
public record Score(BigDecimal total, BigDecimal completionPoints, BigDecimal overduePenalty,
                    BigDecimal productionBonus) {
}
