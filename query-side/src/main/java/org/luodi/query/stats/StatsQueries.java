package org.luodi.query.stats;

import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.project.ProjectSums;
import org.luodi.query.project.UnitSums;
import org.luodi.query.targets.Indicator;
import org.luodi.query.targets.Targets;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The yearly statistics (SPEC §3): sums from the database, targets as they stood at knownAt, and the ratios
 * between them. Rows follow the reference data's order, every township (or chain) listed even with nothing
 * recorded; a clerk gets its own township's row only, and a total of just that row.
 */
@Service
public class StatsQueries {
    private final ProjectSums sums;
    private final Targets targets;
    private final ReferenceData reference;

    public StatsQueries(ProjectSums sums, Targets targets, ReferenceData reference) {
        this.sums = sums;
        this.targets = targets;
        this.reference = reference;
    }

    public Stats stats(LuodiUser user, int year, LocalDate asOf, Instant knownAt, GroupBy groupBy) {
        if (user.isClerk() && groupBy != GroupBy.TOWNSHIP) {
            // a chain's or a department's row adds up every township's projects
            throw new ForbiddenException("乡镇用户只能查看本乡镇的统计，不能按产业链或部门汇总");
        }
        if (user.isDepartment() && groupBy != GroupBy.DEPARTMENT) {
            throw new ForbiddenException("部门单位只能查看本单位的统计");
        }
        StatsPeriod period = new StatsPeriod(year, asOf);
        List<UnitFigures> units = figures(groupBy, period, knownAt).stream()
                .filter(u -> switch (groupBy) {
                    case TOWNSHIP -> user.mayAccessTownship(u.code());
                    case DEPARTMENT -> user.mayAccessDepartment(u.code());
                    case CHAIN -> user.seesEveryUnit();
                })
                .toList();
        List<StatsRow> rows = units.stream().map(u -> StatsRow.of(groupBy, u, period)).toList();
        StatsRow total = StatsRow.of(groupBy, UnitFigures.total(units), period);
        return new Stats(year, asOf, knownAt, period.scheduleProgress(), groupBy.code(), rows, total);
    }

    /** Every township's (chain's, department's) sums and targets, whoever asks: the bulletin ranks all townships. */
    public List<UnitFigures> figures(GroupBy groupBy, StatsPeriod period, Instant knownAt) {
        return figures(groupBy, period, knownAt, false);
    }

    /** The same, with {@code verifiedOnly} counting only milestones found 已核实 (the bulletin, where a city wants). */
    public List<UnitFigures> figures(GroupBy groupBy, StatsPeriod period, Instant knownAt, boolean verifiedOnly) {
        Map<String, UnitSums> byUnit = sums.byUnit(groupBy.unit(), period.from(), period.to(), period.asOf(), knownAt,
                verifiedOnly);
        Map<String, Map<Indicator, BigDecimal>> targetsByUnit = targets.of(period.year(), groupBy.unitKind(), knownAt);
        Stream<Map.Entry<String, String>> units = switch (groupBy) {
            case TOWNSHIP -> reference.townships().stream().map(t -> Map.entry(t.code(), t.name()));
            case CHAIN -> reference.chains().stream().map(c -> Map.entry(c.code(), c.name()));
            case DEPARTMENT -> reference.departments().stream().map(d -> Map.entry(d.code(), d.name()));
        };
        return units.map(u -> unit(u.getKey(), u.getValue(), byUnit, targetsByUnit)).toList();
    }

    private static UnitFigures unit(String code, String name, Map<String, UnitSums> byUnit,
                                    Map<String, Map<Indicator, BigDecimal>> targetsByUnit) {
        return new UnitFigures(code, name, byUnit.getOrDefault(code, UnitSums.NONE),
                targetsByUnit.getOrDefault(code, Map.of()));
    }
}
