package org.luodi.query.bulletin;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.luodi.query.stats.StatsRow;

import java.math.BigDecimal;

/**
 * One department (附件2) in the month's bulletin: its indicators, targets and completion ({@link StatsRow}, over the
 * projects credited to it), its score and rank among the departments with a measured target, whether every measured
 * target is complete, and the seeds' consequences: top 5 / bottom 3 of the ranking (000 line 108, 001 lines
 * 500-513), and months running without 招商实效 — no credited project of 1 亿元 or more signed, started and stored in
 * the month — which after two months calls the 分管市领导 and after three the 市委市政府主要领导 to a 约谈 (001 lines
 * 352-354). {@code score} and {@code rank} are null for a unit with no measured target (a fund contribution only).
 */
public record DepartmentRow(@JsonUnwrapped StatsRow indicators, String kind, String kindName, BigDecimal score, Integer rank,
                            boolean allTasksComplete, boolean topFive, boolean bottomThree,
                            int monthsWithoutResults, boolean interviewByLeaderInCharge,
                            boolean interviewByTopLeaders) {
}
