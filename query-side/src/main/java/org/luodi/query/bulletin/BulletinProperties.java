package org.luodi.query.bulletin;

import org.luodi.events.ProjectType;
import org.luodi.query.targets.Indicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code luodi.bulletin}: the city named in the title and the score of SPEC §5 (the real 考核计分办法 is not in
 * the seeds). {@code weights} are keyed by indicator; a key that is no indicator, or a negative weight,
 * stops the start rather than scoring silently otherwise. The 约谈 ladder (seed 001 lines 347 and 352-354): a
 * township last, or a department without 招商实效, {@code leaderInChargeMonths} months running (2) is called to a
 * talk with the city leader in charge, {@code topLeadersMonths} running (3) with the city's top leaders.
 * {@code typeBonuses}: points per signing of the period with that project type (二次招商 2 by default, seed 000 line
 * 68, which names the bonus but not its size; a city adds 以商招商 or others here); {@code storedUpgradeBonus}: points
 * per 技改 project of 1 亿 or more stored in the period (2; seed 001 lines 256-258 "另行加分"). A negative bonus stops the
 * start.
 */
@ConfigurationProperties("luodi.bulletin")
public record BulletinProperties(String city, Map<String, BigDecimal> weights, BigDecimal completionCap,
                                 BigDecimal overduePenalty, BigDecimal sameYearProductionBonus,
                                 Integer leaderInChargeMonths, Integer topLeadersMonths,
                                 Map<ProjectType, BigDecimal> typeBonuses, BigDecimal storedUpgradeBonus) {
    /** The ladder looks back month by month, each month a bulletin computed again: a year at most. */
    private static final int LONGEST_LADDER = 12;

    /** The score's settings with the seed's 约谈 ladder. */
    public BulletinProperties(String city, Map<String, BigDecimal> weights, BigDecimal completionCap,
                              BigDecimal overduePenalty, BigDecimal sameYearProductionBonus) {
        this(city, weights, completionCap, overduePenalty, sameYearProductionBonus, null, null, null, null);
    }

    @ConstructorBinding
    public BulletinProperties {
        city = city == null ? "" : city;
        weights = weights == null || weights.isEmpty() ? Map.of(
                Indicator.SIGNED_COUNT.key(), BigDecimal.valueOf(15),
                Indicator.REGISTERED_COUNT.key(), BigDecimal.valueOf(10),
                Indicator.STARTED_STORED_COUNT.key(), BigDecimal.valueOf(30),
                Indicator.DOMESTIC_TOTAL.key(), BigDecimal.valueOf(30),
                Indicator.FOREIGN_USD.key(), BigDecimal.valueOf(5)) : weights;
        completionCap = completionCap == null ? new BigDecimal("1.2") : completionCap;
        overduePenalty = overduePenalty == null ? BigDecimal.valueOf(2) : overduePenalty;
        sameYearProductionBonus = sameYearProductionBonus == null ? BigDecimal.valueOf(2) : sameYearProductionBonus;
        weights.forEach((key, weight) -> {
            if (Indicator.byKey(key).isEmpty()) {
                throw new IllegalArgumentException("luodi.bulletin.weights: unknown indicator " + key);
            }
            if (weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException("luodi.bulletin.weights: negative weight for " + key);
            }
        });
        if (weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw new IllegalArgumentException("luodi.bulletin.weights: no weight at all");
        }
        typeBonuses = typeBonuses == null ? Map.of(ProjectType.SECOND_ROUND, BigDecimal.valueOf(2)) : typeBonuses;
        storedUpgradeBonus = storedUpgradeBonus == null ? BigDecimal.valueOf(2) : storedUpgradeBonus;
        typeBonuses.forEach((type, bonus) -> {
            if (bonus == null || bonus.signum() < 0) {
                throw new IllegalArgumentException("luodi.bulletin.type-bonuses: negative bonus for " + type);
            }
        });
        if (storedUpgradeBonus.signum() < 0) {
            throw new IllegalArgumentException("luodi.bulletin.stored-upgrade-bonus: negative");
        }
        leaderInChargeMonths = leaderInChargeMonths == null ? 2 : leaderInChargeMonths;
        topLeadersMonths = topLeadersMonths == null ? 3 : topLeadersMonths;
        if (leaderInChargeMonths < 1 || topLeadersMonths <= leaderInChargeMonths || topLeadersMonths > LONGEST_LADDER) {
            throw new IllegalArgumentException("luodi.bulletin: the 约谈 ladder needs 1 ≤ leader-in-charge-months < "
                    + "top-leaders-months ≤ " + LONGEST_LADDER + ", not " + leaderInChargeMonths + " and "
                    + topLeadersMonths);
        }
    }

    /** The weights by indicator, in the order of the seed's table. */
    public Map<Indicator, BigDecimal> indicatorWeights() {
        Map<Indicator, BigDecimal> byIndicator = new EnumMap<>(Indicator.class);
        weights.forEach((key, weight) -> byIndicator.put(Indicator.byKey(key).orElseThrow(), weight));
        return byIndicator;
    }

    /** The total the available weights are scaled up to (90 by default). */
    public BigDecimal totalWeight() {
        return weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
