package org.luodi.command.project;

import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.time.ClockConfig;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Input checks of one command, gathered so that the answer names every wrong field at once (400). A new instance
 * per command: {@code new Checks(clock).date("startedOn", d).positive(...).throwIfAny()}.
 */
final class Checks {
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** 1 万亿元: no county project comes near; anything larger is a typing error or an attack. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final int MAX_SCALE = 6;

    private final LocalDate today;
    private final List<FieldProblem> problems = new ArrayList<>();

    Checks(Clock clock) {
        // SPEC §2's "today" is Shanghai's, whatever zone the injected clock carries (a UTC clock would refuse
        // today's date as "future" until 08:00 in Daye).
        this.today = LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE);
    }

    Checks required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            add(field, "必填");
        }
        return this;
    }

    Checks text(String field, String value, int maxLength, boolean required) {
        if (required) {
            required(field, value);
        }
        if (value != null && value.length() > maxLength) {
            add(field, "不能超过 " + maxLength + " 个字符");
        }
        if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            add(field, "含有控制字符");
        }
        return this;
    }

    /** A business date: known, not after today (Asia/Shanghai), not before 2000-01-01. */
    Checks date(String field, LocalDate value) {
        if (value == null) {
            return required(field, null);
        }
        if (value.isAfter(today)) {
            add(field, "日期不能晚于今天 " + today);
        } else if (value.isBefore(EARLIEST)) {
            add(field, "日期不能早于 2000-01-01");
        }
        return this;
    }

    /** An amount in 万元 or 万美元: greater than zero, exact, and of a believable size. */
    Checks positive(String field, BigDecimal value) {
        if (value == null) {
            return required(field, null);
        }
        if (value.signum() <= 0) {
            add(field, "金额必须大于 0");
        } else if (value.compareTo(MAX_AMOUNT) > 0) {
            add(field, "金额过大");
        } else if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            add(field, "小数位过多，最多 " + MAX_SCALE + " 位");
        }
        return this;
    }

    Checks absent(String field, Object value, String why) {
        if (value != null) {
            add(field, why);
        }
        return this;
    }

    Checks that(boolean ok, String field, String message) {
        if (!ok) {
            add(field, message);
        }
        return this;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }
}
