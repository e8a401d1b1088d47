package org.luodi.query.assessment;

import org.luodi.platform.security.LuodiUser;
import org.luodi.query.bulletin.BulletinQueries;
import org.luodi.query.bulletin.Scoring;
import org.luodi.query.bulletin.YearEndScores;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The year-end assessment: the bulletin's scores of the year (asked through {@link BulletinQueries#yearEnd}), plus
 * the adjustments recorded up to {@code knownAt}, ranked and rewarded by {@link YearEndRule}. Ranks are computed
 * over all units; a clerk is then shown its own township's row and nothing of the departments.
 */
@Service
@EnableConfigurationProperties(AssessmentProperties.class)
public class AssessmentQueries {
    private final BulletinQueries bulletin;
    private final Scoring scoring;
    private final Adjustments adjustments;
    private final AssessmentProperties table;

    public AssessmentQueries(BulletinQueries bulletin, Scoring scoring, Adjustments adjustments,
                             AssessmentProperties table) {
        this.bulletin = bulletin;
        this.scoring = scoring;
        this.adjustments = adjustments;
        this.table = table;
    }

    public Assessment assessment(LuodiUser user, int year, Instant knownAt) {
        YearEndScores scores = bulletin.yearEnd(year, knownAt);
        Map<String, BigDecimal> townships = new HashMap<>();
        Map<String, BigDecimal> departments = new HashMap<>();
        adjustments.sums(year, knownAt).forEach((unit, sum) ->
                (AssessmentAdjustments.TOWNSHIP.equals(unit.kind()) ? townships : departments).put(unit.code(), sum));
        YearEndRule rule = new YearEndRule(table);
        List<Assessment.Row> townshipRows = rule.townships(scores.townships(), townships).stream()
                .filter(row -> user.mayAccessTownship(row.unit())).toList();
        List<Assessment.Row> departmentRows = user.isClerk() ? List.of()
                : rule.departments(scores.departments(), departments);
        return new Assessment(year, scores.asOf(), scores.yearEnded(), unfinishedNote(scores), knownAt,
                scoring.rules().city() + year + "年度招商选资工作考核", rules(), townshipRows, departmentRows);
    }

    private Assessment.Rules rules() {
        return new Assessment.Rules(table.apartRewardWan(), table.categoryRewardsWan(),
                table.departmentRewardPlaces(), table.departmentRewardWan(), table.departmentBarredPlaces(),
                table.maxPoints());
    }

    /** "截至 12月4日，年度未结束" while the year is not over; null after 12-31. */
    private static String unfinishedNote(YearEndScores scores) {
        if (scores.yearEnded()) {
            return null;
        }
        if (scores.asOf().getYear() < scores.year()) {
            return "截至 " + scores.asOf() + "，本年度尚未开始";
        }
        return "截至 " + scores.asOf().getMonthValue() + "月" + scores.asOf().getDayOfMonth() + "日，年度未结束";
    }
}
