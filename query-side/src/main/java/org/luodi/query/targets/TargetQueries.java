package org.luodi.query.targets;

import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of the targets: the year's table and its change log. A clerk sees its own township only. */
@Service
public class TargetQueries {
    private final Targets targets;
    private final ReferenceData reference;
    private final LeadInfoTargets leads;

    public TargetQueries(Targets targets, ReferenceData reference, LeadInfoTargets leads) {
        this.targets = targets;
        this.reference = reference;
        this.leads = leads;
    }

    public record ChangeLog(int year, List<TargetChange> changes) {
    }

    /**
     * Every township in the order of the seed's table, and (for supervisors) every industry chain and department
     * (附件2's order); as the targets
     * stood at {@code knownAt} (null: now).
     */
    public TargetTable table(LuodiUser user, int year, Instant knownAt) {
        Map<String, Map<Indicator, BigDecimal>> byTownship = targets.of(year, UnitKind.TOWNSHIP, knownAt);
        List<TargetTable.UnitTargets> townships = reference.townships().stream()
                .filter(t -> user.mayAccessTownship(t.code()))
                .map(t -> new TargetTable.UnitTargets(t.code(), null, null, t.name(),
                        keyed(byTownship.getOrDefault(t.code(), Map.of()))))
                .toList();
        List<TargetTable.UnitTargets> chains = List.of();
        if (user.seesEveryUnit()) {
            Map<String, Map<Indicator, BigDecimal>> byChain = targets.of(year, UnitKind.CHAIN, knownAt);
            chains = reference.chains().stream()
                    .map(c -> new TargetTable.UnitTargets(null, c.code(), null, c.name(),
                            keyed(byChain.getOrDefault(c.code(), Map.of()))))
                    .toList();
        }
        Map<String, Map<Indicator, BigDecimal>> byDepartment = targets.of(year, UnitKind.DEPARTMENT, knownAt);
        List<TargetTable.UnitTargets> departments = reference.departments().stream()
                .filter(d -> user.mayAccessDepartment(d.code()))
                .map(d -> new TargetTable.UnitTargets(null, null, d.code(), d.name(),
                        keyed(byDepartment.getOrDefault(d.code(), Map.of()))))
                .toList();
        List<TargetTable.IndicatorInfo> indicators = Arrays.stream(Indicator.values())
                .map(TargetTable.IndicatorInfo::of)
                .toList();
        return new TargetTable(year, indicators, townships, chains, departments, leads.of(user, year, knownAt),
                LeadInfoKey.all().stream().map(TargetTable.LeadIndicator::of).toList());
    }

    public ChangeLog changes(LuodiUser user, int year, Instant knownAt) {
        return new ChangeLog(year, targets.changes(year, user.isClerk() ? user.township() : null, knownAt));
    }

    /** Indicator keys in the order of the seed's table, as JSON shows them. */
    public static Map<String, BigDecimal> keyed(Map<Indicator, BigDecimal> values) {
        Map<String, BigDecimal> keyed = new LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            BigDecimal value = values.get(indicator);
            if (value != null) {
                keyed.put(indicator.key(), value);
            }
        }
        return keyed;
    }
}
