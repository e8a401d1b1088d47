package org.luodi.query.targets;

import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A supervisor sets a township's or an industry chain's targets for a year (SPEC §1: supervisors set targets).
 * Every change keeps who, when and why; a request that breaks any rule changes nothing.
 */
@Service
public class TargetUpdates {
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int REASON_MAX = 500;

    private final Targets targets;
    private final ReferenceData reference;
    private final Clock clock;

    public TargetUpdates(Targets targets, ReferenceData reference, Clock clock) {
        this.targets = targets;
        this.reference = reference;
        this.clock = clock;
    }

    /** Applies {@code update} to a township's targets and answers them after it. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public TargetTable.UnitTargets set(LuodiUser user, int year, String township, TargetUpdate update) {
        apply(user, year, UnitKind.TOWNSHIP, township, update);
        return new TargetTable.UnitTargets(township, null, null, reference.township(township).name(), after(year,
                UnitKind.TOWNSHIP, township));
    }

    /** Applies {@code update} to an industry chain's targets, by the same rules, and answers them after it. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public TargetTable.UnitTargets setChain(LuodiUser user, int year, String chain, TargetUpdate update) {
        apply(user, year, UnitKind.CHAIN, chain, update);
        return new TargetTable.UnitTargets(null, chain, null, reference.chain(chain).name(), after(year, UnitKind.CHAIN,
                chain));
    }

    private void apply(LuodiUser user, int year, UnitKind kind, String unit, TargetUpdate update) {
        validate(year, kind, unit, update);
        Targets.Author author = new Targets.Author(user.username(), user.role().name(), clock.instant(),
                update.reason().strip());
        targets.lock(year, kind, unit);
        update.targets().forEach((key, value) -> targets.set(year, kind, unit, Indicator.byKey(key).orElseThrow(),
                value, author));
    }

    private Map<String, BigDecimal> after(int year, UnitKind kind, String unit) {
        return TargetQueries.keyed(targets.of(year, kind, null).getOrDefault(unit, Map.of()));
    }

    private void validate(int year, UnitKind kind, String unit, TargetUpdate update) {
        List<FieldProblem> errors = new ArrayList<>();
        yearProblem(year).ifPresent(errors::add);
        if (kind == UnitKind.TOWNSHIP && !reference.isTownship(unit)) {
            errors.add(new FieldProblem("township", "未知的乡镇代码: " + unit));
        }
        if (kind == UnitKind.CHAIN && !reference.isIndustryChain(unit)) {
            errors.add(new FieldProblem("chain", "未知的产业链代码: " + unit));
        }
        reasonProblem(update == null ? null : update.reason(), "请填写调整目标的原因").ifPresent(errors::add);
        if (update == null || update.targets() == null || update.targets().isEmpty()) {
            errors.add(new FieldProblem("targets", "请至少填写一项目标"));
        } else {
            update.targets().forEach((key, value) -> problem(key, value).ifPresent(errors::add));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** The year out of range, or nothing; every change of a year's data checks it (the assessment's too). */
    public static Optional<FieldProblem> yearProblem(int year) {
        return year < FIRST_YEAR || year > LAST_YEAR
                ? Optional.of(new FieldProblem("year", "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间"))
                : Optional.empty();
    }

    /**
     * A reason missing or too long, or nothing; every change of a year's data needs one, and the assessment's
     * adjustments check theirs by the same rule, so that every logged reason reads alike.
     */
    public static Optional<FieldProblem> reasonProblem(String reason, String missing) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(new FieldProblem("reason", missing));
        }
        if (reason.strip().length() > REASON_MAX) {
            return Optional.of(new FieldProblem("reason", "原因不能超过 " + REASON_MAX + " 字"));
        }
        if (reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            // as a command's text: an escape sequence in a change log is no reason anybody typed
            return Optional.of(new FieldProblem("reason", "含有控制字符"));
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> problem(String key, BigDecimal value) {
        String field = "targets." + key;
        Optional<Indicator> indicator = Indicator.byKey(key);
        if (indicator.isEmpty()) {
            return Optional.of(new FieldProblem(field, "未知的指标"));
        }
        return valueProblem(field, value, indicator.get().unit() == Indicator.Unit.COUNT);
    }

    /** A target's value that no target may take (null is fine: it removes one); {@code count}: a whole number. */
    static Optional<FieldProblem> valueProblem(String field, BigDecimal value, boolean count) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0) {
            return Optional.of(new FieldProblem(field, "目标不能为负数"));
        }
        if (count && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(new FieldProblem(field, "个数须为整数"));
        }
        if (value.stripTrailingZeros().scale() > 6 || value.precision() - value.scale() > 14) {
            return Optional.of(new FieldProblem(field, "数值超出范围（最多 14 位整数、6 位小数）"));
        }
        return Optional.empty();
    }
}
