package org.luodi.platform.problem;

/** One field of a request that is wrong, and why, in words a clerk understands. */
public record FieldProblem(String field, String message) {
}
