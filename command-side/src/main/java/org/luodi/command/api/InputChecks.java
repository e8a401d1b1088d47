package org.luodi.command.api;

import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's input checks for the aggregates that take free text (tickets, leads), gathered so that the 400 names
 * every wrong field at once.
 */
public final class InputChecks {
    public static final int TEXT_LIMIT = 700;
    public static final int REASON_LIMIT = 500;
    private final List<FieldProblem> problems = new ArrayList<>();

    public InputChecks required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problems.add(new FieldProblem(field, "必填"));
        }
        return this;
    }

    /** Free text a person wrote: within {@code limit}, no control characters but line breaks. */
    public InputChecks text(String field, String value, int limit, boolean required) {
        if (required) {
            required(field, value);
        }
        if (value != null && value.strip().length() > limit) {
            problems.add(new FieldProblem(field, "不能超过 " + limit + " 个字符"));
        } else if (value != null && value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.add(new FieldProblem(field, "含有控制字符"));
        }
        return this;
    }

    public InputChecks that(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
        return this;
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Text as it is kept: stripped, and null when blank. */
    public static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
