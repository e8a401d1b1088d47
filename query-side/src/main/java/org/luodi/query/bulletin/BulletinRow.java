package org.luodi.query.bulletin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.luodi.query.stats.StatsRow;

import java.math.BigDecimal;

/**
 * One township in the monthly bulletin: its statistics row (the same fields as GET /api/stats, unwrapped), its
 * stalled contracts, its score and rank among the townships that have targets, and the 约谈 ladder of seed 001:
 * last place two months running → a talk with the city leader in charge, three months running → with the city's
 * top leaders. {@code score}, {@code scoreDetail} and {@code rank} are null for a township without targets.
 * {@code category} is the township's category of the year ({@code first}, {@code second}, {@code third},
 * {@code apart}; null: none), {@code categoryName} its Chinese name (未分类 for none), {@code rankInCategory} its rank
 * among the scored townships of its category and {@code rankedInCategory} how many they are; both null for a township
 * without a score, without a category or assessed apart (单列考核).
 */
public record BulletinRow(@JsonUnwrapped StatsRow indicators,
                          long warningCount,
                          long overdueCount,
                          long signedAndInProductionCount,
                          BigDecimal score,
                          Score scoreDetail,
                          Integer rank,
                          String category,
                          String categoryName,
                          Integer rankInCategory,
                          Integer rankedInCategory,
                          boolean lastPlace,
                          int lastPlaceMonthsRunning,
                          boolean talkWithLeaderInCharge,
                          boolean talkWithTopLeaders) {
}
