package org.luodi.platform.problem;

import java.util.List;

/** 400: the request itself is wrong (a future date, a negative amount, an unknown code). Nothing is written. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldProblem> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
