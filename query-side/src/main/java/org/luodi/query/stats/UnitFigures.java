package org.luodi.query.stats;

import org.luodi.query.project.UnitSums;
import org.luodi.query.targets.Indicator;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One township's or chain's sums and targets, before they become a {@link StatsRow}. A total adds both up over
 * the units shown: a target counts in the total where a unit has one.
 */
public record UnitFigures(String code, String name, UnitSums sums, Map<Indicator, BigDecimal> targets) {
    public static final String TOTAL_NAME = "合计";

    public static UnitFigures total(List<UnitFigures> units) {
        UnitSums sums = UnitSums.NONE;
        Map<Indicator, BigDecimal> targets = new EnumMap<>(Indicator.class);
        for (UnitFigures unit : units) {
            sums = sums.plus(unit.sums());
            unit.targets().forEach((indicator, value) -> targets.merge(indicator, value, BigDecimal::add));
        }
        return new UnitFigures(null, TOTAL_NAME, sums, targets);
    }
}
