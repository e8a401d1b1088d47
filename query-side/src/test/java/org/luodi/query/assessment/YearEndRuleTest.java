package org.luodi.query.assessment;

import org.junit.jupiter.api.Test;
import org.luodi.query.bulletin.YearEndScores;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reward table read literally: the task and the rank, both; a rank is not passed down; ties share. */
class YearEndRuleTest {
    private static final AssessmentProperties TABLE = new AssessmentProperties(new BigDecimal("100"),
            Map.of("first", List.of(new BigDecimal("80"), new BigDecimal("50")), "second", List.of(new BigDecimal("50"))),
            5, new BigDecimal("20"), 3, List.of("dept01"), new BigDecimal("30"),
            Map.of(2, new BigDecimal("15"), 1, new BigDecimal("8")), BigDecimal.TEN);

    @Test
    void anIncompleteFirstKeepsItsRankAndTheRewardIsNotPassedDown() {
        List<Assessment.Row> rows = new YearEndRule(TABLE).townships(List.of(
                township("a", "first", "95.00", false), township("b", "first", "90.00", true),
                township("c", "first", "80.00", true), township("d", "first", "10.00", false)), Map.of());
        assertThat(rows).extracting(Assessment.Row::rank).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(Assessment.Row::rewardWan).containsExactly(null, new BigDecimal("50"), null, null);
        assertThat(rows).extracting(Assessment.Row::barredFromExcellent).containsExactly(false, false, false, true);
    }

    @Test
    void unitsTiedAtARewardedRankShareItAndAnAdjustmentBreaksTheTie() {
        List<YearEndScores.Unit> units = List.of(township("a", "second", "60.00", true),
                township("b", "second", "60.00", true));
        assertThat(new YearEndRule(TABLE).townships(units, Map.of())).extracting(Assessment.Row::rewardWan)
                .containsExactly(new BigDecimal("50"), new BigDecimal("50"));
        List<Assessment.Row> broken = new YearEndRule(TABLE).townships(units, Map.of("b", new BigDecimal("-0.50")));
        assertThat(broken).extracting(Assessment.Row::finalScore).containsExactly(new BigDecimal("60.00"),
                new BigDecimal("59.50"));
        assertThat(broken).extracting(Assessment.Row::rewardWan).containsExactly(new BigDecimal("50"), null);
        assertThat(broken.get(1).barredFromExcellent()).as("complete: never barred").isFalse();
    }

    @Test
    void aLoneTownshipOfACategoryIsNotLast() {
        assertThat(new YearEndRule(TABLE).townships(List.of(township("a", "first", "10.00", false)), Map.of())
                .get(0).barredFromExcellent()).isFalse();
    }

    @Test
    void departmentFundingGoesByTheNamedListThenTheSigningTarget() {
        List<Assessment.Row> rows = new YearEndRule(TABLE).departments(List.of(
                department("dept01", "10.00", 2), department("dept02", "10.00", 2), department("dept09", "10.00", 1),
                department("dept59", null, null)), Map.of());
        assertThat(rows).extracting(Assessment.Row::fundingWan).containsExactly(new BigDecimal("30"),
                new BigDecimal("15"), new BigDecimal("8"), null);
        assertThat(rows.get(3).rank()).isNull();
    }

    private static YearEndScores.Unit township(String code, String category, String score, boolean complete) {
        return new YearEndScores.Unit(code, code, category, null, new BigDecimal(score), complete, Map.of());
    }

    private static YearEndScores.Unit department(String code, String score, Integer signings) {
        return new YearEndScores.Unit(code, code, null, "party-government", score == null ? null : new BigDecimal(score),
                false, signings == null ? Map.of() : Map.of("signedAbove1Yi.count", BigDecimal.valueOf(signings)));
    }
}
