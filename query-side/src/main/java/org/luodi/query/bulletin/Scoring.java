package org.luodi.query.bulletin;

import org.luodi.events.ProjectType;
import org.luodi.query.targets.Indicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §5's score: each weighted indicator's completion (as the bulletin shows it, four decimals) capped at the
 * configured cap; indicators without a target drop out and the remaining weights are scaled up to the same total;
 * then the penalty per OVERDUE project and the bonuses ({@link Bonuses}): per project signed and in production in
 * the year, per signing of a rewarded project type, per 技改 project of 1 亿 or more stored.
 */
@Component
@EnableConfigurationProperties(BulletinProperties.class)
public class Scoring {
    static final int SCALE = 2;

    private final BulletinProperties rules;

    public Scoring(BulletinProperties rules) {
        this.rules = rules;
    }

    public BulletinProperties rules() {
        return rules;
    }

    /**
     * The score, or null for a township without a target on any weighted indicator: it has no task to be measured
     * against (东风农场 in 2024), and ranking it would put it last every month.
     */
    public Score score(Map<String, BigDecimal> completion, long overdueProjects, Bonuses bonuses) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal availableWeight = BigDecimal.ZERO;
        for (Map.Entry<Indicator, BigDecimal> weight : rules.indicatorWeights().entrySet()) {
            BigDecimal done = completion.get(weight.getKey().key());
            if (done != null) {
                weighted = weighted.add(weight.getValue().multiply(done.min(rules.completionCap())));
                availableWeight = availableWeight.add(weight.getValue());
            }
        }
        if (availableWeight.signum() == 0) {
            return null;
        }
        // scaling divides last, so that the only rounding is the final one
        BigDecimal points = weighted.multiply(rules.totalWeight()).divide(availableWeight, SCALE, RoundingMode.HALF_UP);
        BigDecimal penalty = rules.overduePenalty().multiply(BigDecimal.valueOf(overdueProjects));
        BigDecimal production = rules.sameYearProductionBonus().multiply(BigDecimal.valueOf(bonuses.signedAndInProduction()));
        BigDecimal types = BigDecimal.ZERO;
        for (Map.Entry<ProjectType, BigDecimal> bonus : rules.typeBonuses().entrySet()) {
            types = types.add(bonus.getValue().multiply(BigDecimal.valueOf(bonuses.signed(bonus.getKey()))));
        }
        BigDecimal upgrades = rules.storedUpgradeBonus().multiply(BigDecimal.valueOf(bonuses.storedUpgradesAbove1Yi()));
        BigDecimal total = points.subtract(penalty).add(production).add(types).add(upgrades);
        return new Score(total.setScale(SCALE, RoundingMode.HALF_UP), points, penalty.stripTrailingZeros(),
                production.stripTrailingZeros(), types.stripTrailingZeros(), upgrades.stripTrailingZeros());
    }

    /** Rank 1 is the best score; equal scores share a rank and the next one skips (1, 1, 3). */
    public static Map<String, Integer> ranks(Map<String, BigDecimal> scores) {
        List<Map.Entry<String, BigDecimal>> ordered = new ArrayList<>(scores.entrySet());
        ordered.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()));
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            BigDecimal score = ordered.get(i).getValue();
            boolean tiedWithPrevious = i > 0 && ordered.get(i - 1).getValue().compareTo(score) == 0;
            ranks.put(ordered.get(i).getKey(), tiedWithPrevious ? ranks.get(ordered.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }
}
