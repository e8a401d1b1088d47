package org.luodi.query.targets;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GET /api/targets: the year's targets per township, per industry chain and per department (附件2), keyed by indicator (万元, 万美元 or a
 * count), and the indicators that can carry a target with their Chinese names.
 */
public record TargetTable(int year, List<IndicatorInfo> indicators, List<UnitTargets> townships,
                          List<UnitTargets> chains, List<UnitTargets> departments) {

    public record IndicatorInfo(String key, String name, String unit) {
        static IndicatorInfo of(Indicator indicator) {
            return new IndicatorInfo(indicator.key(), indicator.label(), indicator.unit().label());
        }
    }

    /** One unit's targets; {@code township}, {@code chain} or {@code department} names it, the others are left out. */
    public record UnitTargets(@JsonInclude(JsonInclude.Include.NON_NULL) String township,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String chain,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String department, String name,
                              Map<String, BigDecimal> targets) {
    }
}
