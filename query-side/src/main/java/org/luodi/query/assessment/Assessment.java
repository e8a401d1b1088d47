package org.luodi.query.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/assessment/{year}: the year-end 考核 of every township and department (seed 000 line 108, seed 001 lines
 * 485-515), as known at {@code knownAt}. {@code asOf} is 12-31, or the day the year is counted to while it is not
 * over ({@code yearEnded} false, {@code unfinishedNote} says so). A clerk's answer holds its own township only and
 * no department.
 */
public record Assessment(int year, LocalDate asOf, boolean yearEnded, String unfinishedNote, Instant knownAt,
                         String title, Rules rules, List<Row> townships, List<Row> departments) {

    /**
     * One unit. {@code score}: the December bulletin's score (null: no measured target, so no final score and no
     * rank); {@code adjustments}: the sum of its manual adjustments known at knownAt; {@code finalScore}: the two
     * added; {@code pool}/{@code poolName}: where it is ranked (a township's category first/second/third, or
     * "departments"; null: ranked nowhere — uncategorised, 单列考核, or without a score); {@code rank} within the pool
     * by final score (ties shared) and {@code rankedInPool} how many are ranked there; {@code rewardWan} the reward in
     * 万元 (null: none) and {@code rewardNote} why, in Chinese; {@code barredFromExcellent}: 不得评为优秀 (tasks not
     * complete and last of its category, or among the departments' last places); {@code fundingWan}: a department's
     * yearly 招商工作经费 (null for townships, whose funds their own budget pays).
     */
    public record Row(String unitKind, String unit, String name, String category, String categoryName, String kind,
                      boolean allTasksComplete, BigDecimal score, BigDecimal adjustments, BigDecimal finalScore,
                      String pool, String poolName, Integer rank, Integer rankedInPool, BigDecimal rewardWan,
                      String rewardNote, boolean barredFromExcellent, BigDecimal fundingWan) {
    }

    /** The reward table in force (万元), so that a reader can recheck every reward. */
    public record Rules(BigDecimal apartRewardWan, Map<String, List<BigDecimal>> categoryRewardsWan,
                        int departmentRewardPlaces, BigDecimal departmentRewardWan, int departmentBarredPlaces,
                        BigDecimal maxPoints) {
    }
}
