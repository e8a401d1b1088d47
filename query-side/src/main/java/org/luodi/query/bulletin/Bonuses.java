package org.luodi.query.bulletin;

import org.luodi.events.ProjectType;
import org.luodi.query.project.UnitSums;

import java.util.Map;

/**
 * What a township earns bonus points for in the period (seed 000 line 68: 二次招商 and 当年签约当年投产; seed 001 lines
 * 246-258: 入库的亿元以上技改项目): the projects signed and in production in the year, the period's signings per
 * project type, and the 技改 projects of 1 亿 or more stored in the period.
 */
public record Bonuses(long signedAndInProduction, Map<ProjectType, Long> signedByType, long storedUpgradesAbove1Yi) {
    /** Nothing to reward: a department's score, which has neither penalty nor bonus. */
    public static final Bonuses NONE = new Bonuses(0, Map.of(), 0);

    public static Bonuses of(UnitSums sums) {
        return new Bonuses(sums.signedAndInProduction(), sums.kinds().types(), sums.kinds().storedUpgradesAbove1Yi());
    }

    long signed(ProjectType type) {
        return signedByType.getOrDefault(type, 0L);
    }
}
