package org.luodi.query.alert;

import java.time.LocalDate;

/**
 * A stalled contract (签约超过 N 个月未开工): signed, not started, not terminated, not void on {@code asOf}.
 * {@code crossedOn} is the day it reached its level (signedOn plus the level's months).
 */
public record Alert(String projectId, String name, String township, String townshipName, String industryChain,
                    java.math.BigDecimal contractAmountWan, LocalDate signedOn, long monthsSinceSigning,
                    AlertLevel level, LocalDate crossedOn) {
}
