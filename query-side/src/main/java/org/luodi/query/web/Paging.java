package org.luodi.query.web;

import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * The page and size every paged list accepts: a page from 0 to 100,000 and a size from 1 to the list's largest,
 * each refused with its field named (both at once when both are wrong).
 */
public final class Paging {
    static final int LAST_PAGE = 100_000;

    private Paging() {
    }

    /** Adds a problem for each of {@code page} and {@code size} out of range, for a list that reports all at once. */
    public static void check(int page, int size, int largest, List<FieldProblem> errors) {
        if (page < 0 || page > LAST_PAGE) {
            errors.add(new FieldProblem("page", "须在 0–" + LAST_PAGE + " 之间"));
        }
        if (size < 1 || size > largest) {
            errors.add(new FieldProblem("size", "须在 1–" + largest + " 之间"));
        }
    }

    /** Refuses {@code page} and {@code size} out of range. */
    public static void check(int page, int size, int largest) {
        List<FieldProblem> errors = new ArrayList<>();
        check(page, size, largest, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
