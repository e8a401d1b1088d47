package org.luodi.query.targets;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * GET /api/targets: the year's targets per township, per industry chain and per department (附件2), keyed by indicator (万元, 万美元 or a
 * count), and the indicators that can carry a target with their Chinese names; then the 项目信息 targets (#20) of the
 * county (and of a unit, if any), and the keys such a target can have (period × source, in 条).
 */
public record TargetTable(int year, List<IndicatorInfo> indicators, List<UnitTargets> townships,
                          List<UnitTargets> chains, List<UnitTargets> departments,
                          List<LeadInfoTargets.LeadTarget> leads, List<LeadIndicator> leadIndicators) {

    /** A key a 项目信息 target can have: its period (year, Q1…Q4) and source (null: every source). */
    public record LeadIndicator(String key, String name, String period, String periodName, String source,
                                String sourceName) {
        static LeadIndicator of(LeadInfoKey key) {
            return new LeadIndicator(key.key(), key.label(), key.period().code(), key.period().label(),
                    key.source() == null ? null : key.source().name(),
                    key.source() == null ? "全部来源" : key.source().label());
        }
    }

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
