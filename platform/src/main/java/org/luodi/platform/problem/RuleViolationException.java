package org.luodi.platform.problem;

/** 409: the request is well formed but breaks a lifecycle rule (a second start, storage before any start). */
public class RuleViolationException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public RuleViolationException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public RuleViolationException(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** Which rule: the problem's {@code code}. */
    public ErrorCode code() {
        return code;
    }

    /** The request field the rule is about, when there is one; shown beside that field in the UI. */
    public String field() {
        return field;
    }
}
