package org.luodi.query.bulletin;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Ranks units within pools: each pool apart, by {@link Scoring#ranks} (1 is the best score, ties share a rank). The
 * townships' pools are their categories (一类 / 二类 / 三类乡镇); any other set of units with scores and a pool each is
 * ranked by the same code. A unit whose pool is null (no category, or one not ranked such as 单列考核) gets no place.
 */
public final class PoolRanking {

    /** A unit's place in its pool: its rank and how many units of the pool are ranked. */
    public record Place<P>(P pool, int rank, int ranked) {
    }

    private PoolRanking() {
    }

    /** {@code scores}: the units with a score (others are ranked nowhere); {@code poolOf}: a unit's pool or null. */
    public static <P> Map<String, Place<P>> within(Map<String, BigDecimal> scores, Function<String, P> poolOf) {
        Map<P, Map<String, BigDecimal>> byPool = new HashMap<>();
        scores.forEach((unit, score) -> {
            P pool = poolOf.apply(unit);
            if (pool != null) {
                byPool.computeIfAbsent(pool, p -> new HashMap<>()).put(unit, score);
            }
        });
        Map<String, Place<P>> places = new HashMap<>();
        byPool.forEach((pool, members) -> Scoring.ranks(members).forEach((unit, rank) ->
                places.put(unit, new Place<>(pool, rank, members.size()))));
        return places;
    }
}
