package org.luodi.platform.problem;

/** 409: the request is well formed but breaks a lifecycle rule (a second start, storage before any start). */
public class RuleViolationException extends RuntimeException {
    private final String field;

    public RuleViolationException(String message) {
        this(null, message);
    }

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field the rule is about, when there is one; shown beside that field in the UI. */
    public String field() {
        return field;
    }
}
