package org.luodi.platform.problem;

import java.util.List;

/**
 * A refusal with its own code, detail and (possibly many) located errors: a ledger that cannot be read, or one whose
 * cells are wrong (each error's {@code field} is the cell, e.g. {@code 项目台账!F12}). Nothing is written.
 */
public class RefusedException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldProblem> errors;

    public RefusedException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public RefusedException(ErrorCode code, String detail, List<FieldProblem> errors) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Problem problem() {
        Problem problem = Problem.of(code, getMessage());
        return errors.isEmpty() ? problem : problem.withErrors(errors);
    }
}
