package org.luodi.query.bulletin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.luodi.query.stats.StatsRow;

import java.math.BigDecimal;

/**
 * One township in the monthly bulletin: its statistics row (the same fields as GET /api/stats, unwrapped), its
 * stalled contracts, its score and rank among the townships that have targets, and the 约谈 ladder of seed 001:
 * last place two months running → a talk with the city leader in charge, three months running → with the city's
 * top leaders. {@code score}, {@code scoreDetail} and {@code rank} are null for a township without targets.
 */
public record BulletinRow(@JsonUnwrapped StatsRow indicators,
                          long warningCount,
                          long overdueCount,
                          long signedAndInProductionCount,
                          BigDecimal score,
                          Score scoreDetail,
                          Integer rank,
                          boolean lastPlace,
                          int lastPlaceMonthsRunning,
                          boolean talkWithLeaderInCharge,
                          boolean talkWithTopLeaders) {
}
