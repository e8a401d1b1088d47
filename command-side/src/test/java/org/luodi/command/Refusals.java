package org.luodi.command;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.ImplausibleAmountException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.RuleViolationException;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The three ways the aggregate refuses, each matched with the reason it gives, so that a test expecting "400 for
 * the credit code" cannot pass because of some other refusal. Shared by the fixtures of every aggregate.
 */
public final class Refusals {
    private Refusals() {
    }

    /** 400, naming exactly these fields (null: the request as a whole). */
    public static Matcher<Throwable> invalid(String... fields) {
        List<String> expected = Arrays.asList(fields);
        return new CustomTypeSafeMatcher<>("InvalidInputException on " + expected) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof InvalidInputException e
                        && e.errors().stream().map(FieldProblem::field).toList().equals(expected);
            }
        };
    }

    /** 409 about {@code field}; null when the rule is about the project as a whole (void, terminated). */
    public static Matcher<Throwable> conflict(String field) {
        return new CustomTypeSafeMatcher<>("RuleViolationException on " + field) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolationException e && Objects.equals(e.field(), field);
            }
        };
    }

    /** 409 whose message contains {@code words}: for rules that share a field, such as the order of dates. */
    public static Matcher<Throwable> conflict(String field, String words) {
        return new CustomTypeSafeMatcher<>("RuleViolationException on " + field + " saying " + words) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolationException e && Objects.equals(e.field(), field)
                        && e.getMessage().contains(words);
            }
        };
    }

    /** 403. */
    public static Matcher<Throwable> forbidden() {
        return new CustomTypeSafeMatcher<>("ForbiddenException") {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof ForbiddenException;
            }
        };
    }

    /** 409 asking to confirm an implausible amount of {@code field}, tripped by {@code check}. */
    public static Matcher<Throwable> implausible(String field, String check) {
        return new CustomTypeSafeMatcher<>("ImplausibleAmountException on " + field + " by " + check) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof ImplausibleAmountException e && Objects.equals(e.field(), field)
                        && e.check().equals(check);
            }
        };
    }
    /** 409 with exactly this error code. */
    public static Matcher<Throwable> conflict(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("RuleViolationException " + code) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RuleViolationException e && e.code() == code;
            }
        };
    }

    /** 403 with exactly this error code. */
    public static Matcher<Throwable> forbidden(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("ForbiddenException " + code) {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof ForbiddenException e && e.code() == code;
            }
        };
    }
}
