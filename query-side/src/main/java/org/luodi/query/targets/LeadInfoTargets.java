package org.luodi.query.targets;

import org.luodi.events.LeadSource;
import org.luodi.events.LeadUnits;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The 项目信息 targets (#20): how many leads the county (or one unit) is to record in a year or a quarter, of every
 * source or of one (以商招商). Kept in the target table with the other targets (LeadInfoKey names them there), set by
 * supervisors with a reason that target_change keeps, as a township's are.
 */
@Service
public class LeadInfoTargets {
    private final Targets targets;
    private final ReferenceData reference;
    private final Clock clock;

    public LeadInfoTargets(Targets targets, ReferenceData reference, Clock clock) {
        this.targets = targets;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * One target: its key, period (year, Q1…Q4) with its first and last day, source (null: every source), unit (null:
     * the county as a whole), how many 条, and its basis (the seed line, or the reason of its latest change).
     */
    public record LeadTarget(int year, String key, String period, LocalDate periodFrom, LocalDate periodTo,
                             LeadSource source, String unitKind, String unit, String unitName, String label,
                             long count, String basis) {
    }

    /**
     * PUT /api/targets/{year}/leads: targets by key (null removes one), of {@code unit}: a township, a department,
     * "center" (the 市招商服务中心's own leads) or, absent, the county.
     */
    public record Update(java.util.Map<String, BigDecimal> targets, String unit, String reason) {
    }

    /** The year's targets this caller may see: the county's, and a clerk's or a department's own. */
    public List<LeadTarget> of(LuodiUser user, int year, Instant knownAt) {
        return of(year, knownAt).stream().filter(t -> t.unit() == null || visible(user, t)).toList();
    }

    /** Every target of the year: the year's before the quarters', the county's before a unit's, every source first. */
    public List<LeadTarget> of(int year, Instant knownAt) {
        List<LeadTarget> all = new ArrayList<>();
        for (Targets.LeadRow row : targets.leadInfo(year, knownAt)) {
            LeadInfoKey key = row.key();
            boolean county = row.kind() == UnitKind.COUNTY;
            all.add(new LeadTarget(year, key.key(), key.period().code(), key.period().start(year),
                    key.period().end(year), key.source(), row.kind().code(), county ? null : row.unit(),
                    targets.unitName(row.kind().code(), row.unit()), key.label(), row.value().longValue(),
                    row.basis()));
        }
        all.sort(Comparator.comparing((LeadTarget t) -> LeadInfoKey.parse(t.key()).orElseThrow().period())
                .thenComparing(t -> t.unit() != null)
                .thenComparing(t -> t.unit() == null ? "" : t.unit())
                .thenComparing(t -> t.source() == null ? -1 : t.source().ordinal()));
        return all;
    }

    /** Applies {@code update}; a request that breaks any rule changes nothing. Answers the unit's targets after. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public List<LeadTarget> set(LuodiUser user, int year, Update update) {
        List<FieldProblem> errors = new ArrayList<>();
        TargetUpdates.yearProblem(year).ifPresent(errors::add);
        TargetUpdates.reasonProblem(update == null ? null : update.reason(), "请填写调整目标的原因")
                .ifPresent(errors::add);
        String unit = update == null || update.unit() == null || update.unit().isBlank() ? null : update.unit();
        UnitKind kind = unit == null ? UnitKind.COUNTY : reference.isTownship(unit) ? UnitKind.TOWNSHIP
                : reference.isDepartment(unit) ? UnitKind.DEPARTMENT : LeadUnits.CENTER.equals(unit) ? UnitKind.CENTER
                : null;
        if (kind == null) {
            errors.add(new FieldProblem("unit", "未知的单位代码: " + unit));
        }
        if (update == null || update.targets() == null || update.targets().isEmpty()) {
            errors.add(new FieldProblem("targets", "请至少填写一项目标"));
        } else {
            update.targets().forEach((key, value) -> {
                String field = "targets." + key;
                if (LeadInfoKey.parse(key).isEmpty()) {
                    errors.add(new FieldProblem(field, "未知的指标"));
                } else {
                    TargetUpdates.valueProblem(field, value, true).ifPresent(errors::add);
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String code = unit == null ? UnitKind.COUNTY.code() : unit;
        Targets.Author author = new Targets.Author(user.username(), user.role().name(), clock.instant(),
                update.reason().strip());
        targets.lock(year, kind, code);
        // parsed again so that the stored key is the canonical one
        update.targets().forEach((key, value) -> targets.set(year, kind, code, LeadInfoKey.parse(key).orElseThrow()
                .key(), value, author));
        return of(year, null).stream().filter(t -> t.unitKind().equals(kind.code())
                && (unit == null || unit.equals(t.unit()))).toList();
    }

    private static boolean visible(LuodiUser user, LeadTarget t) {
        if (UnitKind.CENTER.code().equals(t.unitKind())) {
            return user.seesEveryUnit();
        }
        return UnitKind.TOWNSHIP.code().equals(t.unitKind()) ? user.mayAccessTownship(t.unit())
                : user.mayAccessDepartment(t.unit());
    }
}
