package org.luodi.platform.web;

import org.apache.coyote.BadRequestException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.ImplausibleAmountException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.problem.RefusedException;
import org.luodi.platform.problem.Problem;
import org.luodi.platform.problem.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which problem answers which exception: a table of rules, the first whose exception is anywhere down the cause
 * chain (Axon's command failure details included: Axon wraps what a command handler throws) wins. The order is
 * the table's, so a domain refusal deep in the chain beats the wrapper around it, and a subclass comes before its
 * class. Nothing matched: a bare 500, logged with its stack trace (never sent).
 */
public final class ExceptionProblems {
    private static final Logger log = LoggerFactory.getLogger(ExceptionProblems.class);
    private static final int DEPTH = 20;

    private record Rule(Predicate<Throwable> matches, Function<Throwable, Problem> answer) {
    }

    private static final List<Rule> RULES = List.of(
            rule(InvalidInputException.class, e -> Problem.invalid(ErrorCode.REQUEST_INVALID, e.errors())),
            rule(RefusedException.class, RefusedException::problem),
            rule(ImplausibleAmountException.class, e -> conflict(e)
                    .withCheck(ImplausibleAmountException.TYPE, e.check(), ImplausibleAmountException.CONFIRM_FIELD)),
            rule(RuleViolationException.class, ExceptionProblems::conflict),
            rule(ForbiddenException.class, e -> Problem.of(e.code(), e.getMessage())),
            // method security's refusal: thrown inside the controller, so it reaches this table, not the filters
            rule(AccessDeniedException.class, e -> Problem.of(ErrorCode.ACCESS_DENIED)),
            rule(NotFoundException.class, e -> Problem.of(e.kind().code(), e.getMessage())),
            rule(AggregateNotFoundException.class, e -> Problem.of(ErrorCode.PROJECT_NOT_FOUND, "项目不存在")),
            // the id's events are another aggregate's (a ticket's id sent as a project's): it names no project
            rule(IncompatibleAggregateException.class, e -> Problem.of(ErrorCode.PROJECT_NOT_FOUND, "项目不存在")),
            rule(AggregateStreamCreationException.class, e -> Problem.of(ErrorCode.PROJECT_EXISTS)),
            rule(ConcurrencyException.class, e -> Problem.of(ErrorCode.PROJECT_CONCURRENT_CHANGE)),
            rule(BodySizeLimitFilter.BodyTooLargeException.class, e -> Problem.of(e.code())),
            // the firewall's checks of parameters run when they are first read, e.g. a form body's field names
            rule(RequestRejectedException.class, e -> Problem.of(ErrorCode.REQUEST_REJECTED)),
            rule(BadRequestException.class, e -> {
                // Tomcat could not read the request's body (a malformed chunk, a length it does not keep): the
                // client's fault, not ours, so no ERROR and no stack trace; the command proxy reads raw bodies
                log.debug("malformed request body: {}", e.toString());
                return Problem.invalid(ErrorCode.REQUEST_MALFORMED,
                        List.of(new FieldProblem(null, "请求内容的传输格式有误")));
            }),
            new Rule(ExceptionProblems::waitedForFreeConnection, e -> {
                log.warn("no free database connection in time: {}", e.getMessage());
                return Problem.of(ErrorCode.SERVER_BUSY, "系统繁忙，请稍后重试");
            }),
            new Rule(ExceptionProblems::databaseUnreachable, e -> {
                log.warn("database unavailable: {}", e.getMessage());
                return Problem.of(ErrorCode.DATABASE_UNAVAILABLE);
            }));

    private ExceptionProblems() {
    }

    /** The problem for {@code exception}; a 500 when no rule knows it. */
    public static Problem problemFor(Throwable exception) {
        return known(exception).orElseGet(() -> {
            log.error("unexpected failure", exception);
            return Problem.of(ErrorCode.INTERNAL);
        });
    }

    /** The problem for {@code exception} when a rule knows it. */
    public static Optional<Problem> known(Throwable exception) {
        List<Throwable> chain = chain(exception);
        for (Rule rule : RULES) {
            for (Throwable t : chain) {
                if (rule.matches().test(t)) {
                    return Optional.of(rule.answer().apply(t));
                }
            }
        }
        return Optional.empty();
    }

    private static Problem conflict(RuleViolationException e) {
        Problem problem = Problem.of(e.code(), e.getMessage());
        return e.field() == null ? problem : problem.withErrors(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    private static <T extends Throwable> Rule rule(Class<T> type, Function<T, Problem> answer) {
        return new Rule(type::isInstance, t -> answer.apply(type.cast(t)));
    }

    /** The exception and its causes, each followed by the details of an Axon command failure. */
    private static List<Throwable> chain(Throwable exception) {
        List<Throwable> chain = new ArrayList<>();
        add(chain, exception);
        return chain;
    }

    private static void add(List<Throwable> chain, Throwable t) {
        for (int depth = 0; t != null && depth < DEPTH && chain.size() < DEPTH * 2 && !chain.contains(t); depth++) {
            chain.add(t);
            if (t instanceof CommandExecutionException cee && cee.getDetails().isPresent()
                    && cee.getDetails().get() instanceof Throwable detail) {
                add(chain, detail);
            }
            t = t.getCause();
        }
    }

    /**
     * The database could not be reached or went away mid-request, however deeply wrapped: a connection Spring
     * could not get, a transaction that could not begin, a commit or rollback that failed on the dead connection
     * (Spring then throws the rollback's TransactionSystemException, whose own cause, Hikari's "Connection is
     * closed", carries no SQL state), Axon's EventStoreException around the driver's error. Recognised by those
     * Spring exceptions, by the SQL state classes for a lost connection (08) and a server shutting down or starting
     * up (57P), and by Hikari's timeout waiting for a connection. Whether a failed commit took effect is unknown to
     * the server too: the client's retry with the same Idempotency-Key answers it.
     */
    static boolean databaseUnreachable(Throwable t) {
        if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessException || t instanceof CannotCreateTransactionException
                || t instanceof SQLTransientConnectionException || t instanceof TransactionSystemException) {
            return true;
        }
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"));
    }

    /**
     * Hikari's timeout waiting for a connection when every connection is in use and none failed to open: the
     * database is there, the application is at capacity. When the database is away, Hikari gives the last failed
     * attempt to connect as the timeout's cause, and the answer is {@link #databaseUnreachable}'s.
     */
    static boolean waitedForFreeConnection(Throwable t) {
        return t instanceof SQLTransientConnectionException && t.getCause() == null;
    }

    static String shortValue(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
