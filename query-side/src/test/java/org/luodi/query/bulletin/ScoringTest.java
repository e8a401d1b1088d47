package org.luodi.query.bulletin;

import org.junit.jupiter.api.Test;
import org.luodi.events.ProjectType;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The score's arithmetic with the default rules (15/10/30/30/5, cap 1.2, −2 / +2, 二次招商 +2, 技改 stored +2), worked out by hand. */
class ScoringTest {
    private final Scoring scoring = new Scoring(new BulletinProperties("大冶市", null, null, null, null));

    @Test
    void everyIndicatorWithATargetWeighsAsConfigured() {
        Score score = scoring.score(Map.of("signedAbove1Yi.count", d("0.75"), "registered.count", d("0.5"),
                "startedStoredAbove1Yi.count", d("1"), "domesticFunds.totalWan", d("0.9"),
                "foreignFunds.usdWan", d("0.3"), "domesticFunds.outOfProvinceWan", d("1.2")), 1, production(2));
        // 15×0.75 + 10×0.5 + 30×1 + 30×0.9 + 5×0.3 = 74.75; −2×1 +2×2; unweighted indicators do not count
        assertThat(score.completionPoints()).isEqualByComparingTo("74.75");
        assertThat(score.total()).isEqualByComparingTo("76.75");
    }

    @Test
    void completionIsCappedAndMissingTargetsAreScaledAway() {
        Score score = scoring.score(Map.of("signedAbove1Yi.count", d("1.5"), "registered.count", d("1"),
                "startedStoredAbove1Yi.count", d("1"), "domesticFunds.totalWan", d("1.4")), 0, Bonuses.NONE);
        // (15×1.2 + 10 + 30 + 30×1.2) × 90 / 85 = 94 × 90 / 85 = 99.529…
        assertThat(score.total()).isEqualByComparingTo("99.53");
    }

    @Test
    void noTargetOnAnyWeightedIndicatorMeansNoScore() {
        assertThat(scoring.score(Map.of("domesticFunds.outOfProvinceWan", d("1")), 3, Bonuses.NONE)).isNull();
        assertThat(scoring.score(Map.of(), 0, production(4))).isNull();
    }

    @Test
    void secondRoundSigningsAndStoredUpgradesEarnTheirBonusesAndOtherTypesNothing() {
        Bonuses bonuses = new Bonuses(1, Map.of(ProjectType.SECOND_ROUND, 3L, ProjectType.REFERRED_BY_INVESTOR, 5L), 2);
        Score score = scoring.score(Map.of("signedAbove1Yi.count", d("1"), "registered.count", d("1"),
                "startedStoredAbove1Yi.count", d("1"), "domesticFunds.totalWan", d("1"),
                "foreignFunds.usdWan", d("1")), 0, bonuses);
        // 90 + 2×1 (same-year production) + 2×3 (二次招商; 以商招商 has no bonus by default) + 2×2 (技改 stored) = 102
        assertThat(score.typeBonus()).isEqualByComparingTo("6");
        assertThat(score.storedUpgradeBonus()).isEqualByComparingTo("4");
        assertThat(score.total()).isEqualByComparingTo("102");
    }

    @Test
    void aCityConfiguresWhichTypesAreRewardedAndHowMuch() {
        Scoring city = new Scoring(new BulletinProperties("", null, null, null, null, null, null,
                Map.of(ProjectType.REFERRED_BY_INVESTOR, d("0.5")), d("0")));
        Bonuses bonuses = new Bonuses(0, Map.of(ProjectType.SECOND_ROUND, 3L, ProjectType.REFERRED_BY_INVESTOR, 5L), 2);
        Score score = city.score(Map.of("registered.count", d("1")), 0, bonuses);
        // 90 + 0.5×5; 二次招商 and stored 技改 are worth nothing in this city
        assertThat(score.total()).isEqualByComparingTo("92.5");
        assertThatThrownBy(() -> new BulletinProperties("", null, null, null, null, null, null,
                Map.of(ProjectType.SECOND_ROUND, d("-1")), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalScoresShareARankAndTheNextOneSkips() {
        assertThat(Scoring.ranks(Map.of("a", d("10.00"), "b", d("10"), "c", d("5"), "d", d("12"))))
                .isEqualTo(Map.of("d", 1, "a", 2, "b", 2, "c", 4));
    }

    @Test
    void unknownWeightsStopTheStart() {
        assertThatThrownBy(() -> new BulletinProperties("", Map.of("foreignOrientedEntities.total", d("5")),
                null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BulletinProperties("", Map.of("registered.count", d("-1")),
                null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Bonuses production(long signedAndInProduction) {
        return new Bonuses(signedAndInProduction, Map.of(), 0);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
