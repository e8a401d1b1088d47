package org.luodi.query.bulletin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The score's arithmetic with the default rules (15/10/30/30/5, cap 1.2, −2 / +2), worked out by hand. */
class ScoringTest {
    private final Scoring scoring = new Scoring(new BulletinProperties("大冶市", null, null, null, null));

    @Test
    void everyIndicatorWithATargetWeighsAsConfigured() {
        Score score = scoring.score(Map.of("signedAbove1Yi.count", d("0.75"), "registered.count", d("0.5"),
                "startedStoredAbove1Yi.count", d("1"), "domesticFunds.totalWan", d("0.9"),
                "foreignFunds.usdWan", d("0.3"), "domesticFunds.outOfProvinceWan", d("1.2")), 1, 2);
        // 15×0.75 + 10×0.5 + 30×1 + 30×0.9 + 5×0.3 = 74.75; −2×1 +2×2; unweighted indicators do not count
        assertThat(score.completionPoints()).isEqualByComparingTo("74.75");
        assertThat(score.total()).isEqualByComparingTo("76.75");
    }

    @Test
    void completionIsCappedAndMissingTargetsAreScaledAway() {
        Score score = scoring.score(Map.of("signedAbove1Yi.count", d("1.5"), "registered.count", d("1"),
                "startedStoredAbove1Yi.count", d("1"), "domesticFunds.totalWan", d("1.4")), 0, 0);
        // (15×1.2 + 10 + 30 + 30×1.2) × 90 / 85 = 94 × 90 / 85 = 99.529…
        assertThat(score.total()).isEqualByComparingTo("99.53");
    }

    @Test
    void noTargetOnAnyWeightedIndicatorMeansNoScore() {
        assertThat(scoring.score(Map.of("domesticFunds.outOfProvinceWan", d("1")), 3, 0)).isNull();
        assertThat(scoring.score(Map.of(), 0, 0)).isNull();
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

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
