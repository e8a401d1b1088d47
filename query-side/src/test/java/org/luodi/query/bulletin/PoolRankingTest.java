package org.luodi.query.bulletin;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranking within pools, with any kind of pool: here plain strings, as a second set of units (not townships) would
 * bring its own. Expectations by hand: pool A 80, 80, 60 → 1, 1, 3 of 3; pool B 90 → 1 of 1; u5 in no pool.
 */
class PoolRankingTest {

    @Test
    void eachPoolIsRankedApartAndAUnitWithoutAPoolInNone() {
        Map<String, BigDecimal> scores = Map.of("u1", new BigDecimal("80"), "u2", new BigDecimal("80.00"),
                "u3", new BigDecimal("60"), "u4", new BigDecimal("90"), "u5", new BigDecimal("100"));
        Map<String, String> pools = new HashMap<>(Map.of("u1", "A", "u2", "A", "u3", "A", "u4", "B"));

        Map<String, PoolRanking.Place<String>> places = PoolRanking.within(scores, pools::get);

        assertThat(places).containsOnlyKeys("u1", "u2", "u3", "u4");
        assertThat(places.get("u1")).isEqualTo(new PoolRanking.Place<>("A", 1, 3));
        assertThat(places.get("u2")).isEqualTo(new PoolRanking.Place<>("A", 1, 3));
        assertThat(places.get("u3")).isEqualTo(new PoolRanking.Place<>("A", 3, 3));
        assertThat(places.get("u4")).isEqualTo(new PoolRanking.Place<>("B", 1, 1));
    }

    @Test
    void aUnitInAPoolWithoutAScoreIsNotRankedAndDoesNotCount() {
        Map<String, PoolRanking.Place<String>> places = PoolRanking.within(Map.of("u1", BigDecimal.TEN),
                unit -> "A");
        assertThat(places).containsOnlyKeys("u1");
        assertThat(places.get("u1").ranked()).isEqualTo(1);
    }
}
