package org.luodi.query.bulletin;

import org.luodi.query.targets.Indicator;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code luodi.bulletin}: the city named in the title and the score of SPEC §5 (the real 考核计分办法 is not in
 * the seeds). {@code weights} are keyed by indicator; a key that is no measured indicator, or a negative weight,
 * stops the start rather than scoring silently otherwise.
 */
@ConfigurationProperties("luodi.bulletin")
public record BulletinProperties(String city, Map<String, BigDecimal> weights, BigDecimal completionCap,
                                 BigDecimal overduePenalty, BigDecimal sameYearProductionBonus) {

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
            if (Indicator.byKey(key).filter(Indicator::measured).isEmpty()) {
                throw new IllegalArgumentException("luodi.bulletin.weights: unknown indicator " + key);
            }
            if (weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException("luodi.bulletin.weights: negative weight for " + key);
            }
        });
        if (weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
            throw new IllegalArgumentException("luodi.bulletin.weights: no weight at all");
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
