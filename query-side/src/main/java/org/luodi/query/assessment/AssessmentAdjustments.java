package org.luodi.query.assessment;

import org.luodi.events.Departments;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.targets.TargetUpdates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The supervisors' manual adjustments of the year-end score (通报表扬 / 通报批评 / 约谈扣分): recorded with who
 * (the signed-in user), when (the injected clock) and why, never changed or deleted; a correction is a new
 * adjustment that cancels an earlier one. A request that breaks any rule records nothing.
 */
@Service
public class AssessmentAdjustments {
    static final String TOWNSHIP = "township";
    static final String DEPARTMENT = "department";
    private static final int POINTS_SCALE = 2;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Adjustments adjustments;
    private final ReferenceData reference;
    private final AssessmentProperties table;
    private final Clock clock;

    public AssessmentAdjustments(Adjustments adjustments, ReferenceData reference, AssessmentProperties table,
                                 Clock clock) {
        this.adjustments = adjustments;
        this.reference = reference;
        this.table = table;
        this.clock = clock;
    }

    /** Records {@code request} for {@code year} and answers the adjustment as stored. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public Adjustment record(LuodiUser user, int year, AdjustmentRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        TargetUpdates.yearProblem(year).ifPresent(errors::add);
        TargetUpdates.reasonProblem(request == null ? null : request.reason(), "请填写表扬、批评或扣分的原因")
                .ifPresent(errors::add);
        if (request == null) {
            errors.add(new FieldProblem(null, "请填写调整内容"));
            throw new InvalidInputException(errors);
        }
        adjustments.lock(year);
        Adjustments.Row row = request.cancels() == null ? adjustment(user, year, request, errors)
                : cancellation(user, year, request, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        adjustments.insert(row);
        return view(row);
    }

    /** The year's adjustments known at {@code knownAt}, newest first; a clerk sees its own township's. */
    public List<Adjustment> list(LuodiUser user, int year, Instant knownAt) {
        return adjustments.list(year, user.isClerk() ? user.township() : null, knownAt).stream().map(this::view)
                .toList();
    }

    private Adjustments.Row adjustment(LuodiUser user, int year, AdjustmentRequest request, List<FieldProblem> errors) {
        unitProblem(request.unitKind(), request.unit()).ifPresent(errors::add);
        if (request.kind() == null) {
            errors.add(new FieldProblem("kind", "请选择调整类别：PRAISE（通报表扬）、CRITICISM（通报批评）或 "
                    + "INTERVIEW_DEDUCTION（约谈扣分）"));
        }
        pointsProblem(request.points()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return null;
        }
        return new Adjustments.Row(UUID.randomUUID(), year, request.unitKind(), request.unit(), request.kind(),
                request.kind().effect(request.points()).setScale(POINTS_SCALE), null, null, clock.instant(),
                user.username(), user.role().name(), request.reason().strip());
    }

    /** The opposite of an earlier adjustment of the year that nothing has cancelled yet. */
    private Adjustments.Row cancellation(LuodiUser user, int year, AdjustmentRequest request,
                                         List<FieldProblem> errors) {
        if (!UUID_TEXT.matcher(request.cancels()).matches()) {
            errors.add(new FieldProblem("cancels", "应为要撤销的调整记录的编号（UUID）"));
            return null;
        }
        Optional<Adjustments.Row> found = adjustments.find(year, UUID.fromString(request.cancels()));
        if (found.isEmpty()) {
            errors.add(new FieldProblem("cancels", "本年度没有这条调整记录"));
            return null;
        }
        Adjustments.Row cancelled = found.get();
        if (cancelled.cancels() != null) {
            errors.add(new FieldProblem("cancels", "这条记录本身是撤销记录，不能再撤销；需要时请重新录入调整"));
        } else if (cancelled.cancelledBy() != null) {
            errors.add(new FieldProblem("cancels", "这条调整记录已被撤销"));
        }
        mismatch("unitKind", request.unitKind(), cancelled.unitKind()).ifPresent(errors::add);
        mismatch("unit", request.unit(), cancelled.unit()).ifPresent(errors::add);
        mismatch("kind", request.kind(), cancelled.kind()).ifPresent(errors::add);
        if (request.points() != null && request.points().compareTo(cancelled.points().abs()) != 0) {
            errors.add(new FieldProblem("points", "与要撤销的调整记录不一致"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Adjustments.Row(UUID.randomUUID(), year, cancelled.unitKind(), cancelled.unit(), cancelled.kind(),
                cancelled.points().negate(), cancelled.id(), null, clock.instant(), user.username(),
                user.role().name(), request.reason().strip());
    }

    private Optional<FieldProblem> unitProblem(String unitKind, String unit) {
        if (!TOWNSHIP.equals(unitKind) && !DEPARTMENT.equals(unitKind)) {
            return Optional.of(new FieldProblem("unitKind", "请选择单位类别：township（乡镇）或 department（部门单位）"));
        }
        if (unit == null || unit.isEmpty()) {
            return Optional.of(new FieldProblem("unit", "请填写单位代码"));
        }
        if (TOWNSHIP.equals(unitKind) && !reference.isTownship(unit)) {
            return Optional.of(new FieldProblem("unit", "未知的乡镇代码"));
        }
        if (DEPARTMENT.equals(unitKind) && !Departments.isDepartment(unit)) {
            return Optional.of(new FieldProblem("unit", "未知的部门单位代码"));
        }
        return Optional.empty();
    }

    private Optional<FieldProblem> pointsProblem(BigDecimal points) {
        if (points == null) {
            return Optional.of(new FieldProblem("points", "请填写分值"));
        }
        if (points.signum() <= 0) {
            return Optional.of(new FieldProblem("points", "分值须大于 0（加分或扣分由调整类别决定）"));
        }
        if (points.compareTo(table.maxPoints()) > 0) {
            return Optional.of(new FieldProblem("points", "单次调整不能超过 "
                    + table.maxPoints().stripTrailingZeros().toPlainString() + " 分"));
        }
        if (points.stripTrailingZeros().scale() > POINTS_SCALE) {
            return Optional.of(new FieldProblem("points", "分值最多两位小数"));
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> mismatch(String field, Object given, Object stored) {
        String text = given instanceof AdjustmentKind kind ? kind.name() : (String) given;
        String storedText = stored instanceof AdjustmentKind kind ? kind.name() : (String) stored;
        return given == null || Objects.equals(text, storedText) ? Optional.empty()
                : Optional.of(new FieldProblem(field, "与要撤销的调整记录不一致"));
    }

    private Adjustment view(Adjustments.Row row) {
        return new Adjustment(row.id(), row.year(), row.unitKind(), row.unit(), name(row.unitKind(), row.unit()),
                row.kind(), row.kind().label(), row.points(), row.cancels(), row.cancelledBy(), row.recordedAt(),
                row.recordedBy(), row.recordedRole(), row.reason());
    }

    private String name(String unitKind, String unit) {
        if (TOWNSHIP.equals(unitKind)) {
            ReferenceData.Township township = reference.township(unit);
            return township == null ? null : township.name();
        }
        return Departments.isDepartment(unit) ? Departments.nameOf(unit) : null;
    }
}
