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
 * A supervisor sets a township's targets for a year (SPEC §1: supervisors set targets). Every change keeps who,
 * when and why; a request that breaks any rule changes nothing.
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

    /** Applies {@code update} and answers the township's targets after it. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public TargetTable.UnitTargets set(LuodiUser user, int year, String township, TargetUpdate update) {
        validate(year, township, update);
        Targets.Author author = new Targets.Author(user.username(), user.role().name(), clock.instant(),
                update.reason().strip());
        targets.lock(year, UnitKind.TOWNSHIP, township);
        update.targets().forEach((key, value) -> targets.set(year, UnitKind.TOWNSHIP, township,
                Indicator.byKey(key).orElseThrow(), value, author));
        var after = targets.of(year, UnitKind.TOWNSHIP, null).getOrDefault(township, Map.of());
        return new TargetTable.UnitTargets(township, null, null, reference.township(township).name(),
                TargetQueries.keyed(after));
    }

    private void validate(int year, String township, TargetUpdate update) {
        List<FieldProblem> errors = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(new FieldProblem("year", "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间"));
        }
        if (!reference.isTownship(township)) {
            errors.add(new FieldProblem("township", "未知的乡镇代码: " + township));
        }
        if (update == null || update.reason() == null || update.reason().isBlank()) {
            errors.add(new FieldProblem("reason", "请填写调整目标的原因"));
        } else if (update.reason().strip().length() > REASON_MAX) {
            errors.add(new FieldProblem("reason", "原因不能超过 " + REASON_MAX + " 字"));
        } else if (update.reason().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            // as a command's text: an escape sequence in a target's change log is no reason anybody typed
            errors.add(new FieldProblem("reason", "含有控制字符"));
        }
        if (update == null || update.targets() == null || update.targets().isEmpty()) {
            errors.add(new FieldProblem("targets", "请至少填写一项目标"));
        } else {
            update.targets().forEach((key, value) -> problem(key, value).ifPresent(errors::add));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Optional<FieldProblem> problem(String key, BigDecimal value) {
        String field = "targets." + key;
        Optional<Indicator> indicator = Indicator.byKey(key);
        if (indicator.isEmpty()) {
            return Optional.of(new FieldProblem(field, "未知的指标"));
        }
        if (value == null) {
            return Optional.empty();
        }
        if (value.signum() < 0) {
            return Optional.of(new FieldProblem(field, "目标不能为负数"));
        }
        if (indicator.get().unit() == Indicator.Unit.COUNT && value.stripTrailingZeros().scale() > 0) {
            return Optional.of(new FieldProblem(field, "个数须为整数"));
        }
        if (value.stripTrailingZeros().scale() > 6 || value.precision() - value.scale() > 14) {
            return Optional.of(new FieldProblem(field, "数值超出范围（最多 14 位整数、6 位小数）"));
        }
        return Optional.empty();
    }
}
