package org.luodi.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.apache.coyote.BadRequestException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.ImplausibleAmountException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.problem.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every refusal as {@code application/problem+json} with {@code status}, {@code title}, {@code detail} and, for bad
 * input, {@code errors: [{field, message}]}. Never a stack trace: unexpected failures are logged here and answered
 * with a bare 500.
 */
@RestControllerAdvice
public class ApiErrorHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> anything(Exception exception) {
        Throwable cause = rootDomainCause(exception);
        if (cause instanceof InvalidInputException e) {
            return invalid(e.errors());
        }
        if (cause instanceof RuleViolationException e) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage());
            if (e.field() != null) {
                problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
            }
            if (e instanceof ImplausibleAmountException implausible) {
                problem.setType(URI.create(ImplausibleAmountException.TYPE));
                problem.setProperty("check", implausible.check());
                problem.setProperty("confirm", ImplausibleAmountException.CONFIRM_FIELD);
            }
            return respond(problem);
        }
        if (cause instanceof ForbiddenException e) {
            return respond(problem(HttpStatus.FORBIDDEN, e.getMessage()));
        }
        if (cause instanceof NotFoundException || cause instanceof AggregateNotFoundException) {
            return respond(problem(HttpStatus.NOT_FOUND, "项目不存在 (no such project)"));
        }
        if (cause instanceof AggregateStreamCreationException) {
            return respond(problem(HttpStatus.CONFLICT, "该项目编号已存在 (a project with this id exists)"));
        }
        if (cause instanceof ConcurrencyException) {
            return respond(problem(HttpStatus.CONFLICT, "该项目刚被他人修改，请刷新后重试 (concurrent change, try again)"));
        }
        if (cause instanceof BodySizeLimitFilter.BodyTooLargeException) {
            return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "请求内容超过 1 MiB (request body over 1 MiB)"));
        }
        if (cause instanceof RequestRejectedException) {
            // the firewall's checks of parameters run when they are first read, e.g. a form body's field names
            return respond(problem(HttpStatus.BAD_REQUEST, "请求地址或参数不合规 (request refused by the firewall)"));
        }
        if (anywhereInChain(exception, t -> t instanceof BadRequestException)) {
            // Tomcat could not read the request's body (a malformed chunk, a length it does not keep): the client's
            // fault, not ours, so no ERROR and no stack trace; the query side's command proxy reads raw bodies
            log.debug("malformed request body: {}", exception.toString());
            return invalid(List.of(new FieldProblem(null, "请求内容的传输格式有误 (malformed request body)")));
        }
        if (anywhereInChain(exception, ApiErrorHandler::waitedForFreeConnection)) {
            log.warn("no free database connection in time: {}", cause.getMessage());
            return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后重试 (server busy)"));
        }
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException
                || anywhereInChain(exception, ApiErrorHandler::databaseUnreachable)) {
            log.warn("database unavailable: {}", cause.getMessage());
            return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂不可用，请稍后重试 (database unavailable)"));
        }
        log.error("unexpected failure", exception);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 (internal error)"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        if (rootDomainCause(ex) instanceof BodySizeLimitFilter.BodyTooLargeException) {
            return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "请求内容超过 1 MiB (request body over 1 MiB)"));
        }
        if (cause instanceof UnrecognizedPropertyException e) {
            return invalid(List.of(new FieldProblem(path(e), "未知字段 (unknown field)")));
        }
        if (cause instanceof InvalidFormatException e && e.getTargetType() == String.class) {
            return invalid(List.of(new FieldProblem(path(e), "含有无效字符：NUL 或不成对的代理项 (NUL or unpaired surrogate)")));
        }
        if (cause instanceof InvalidFormatException e) {
            return invalid(List.of(new FieldProblem(path(e), "格式不正确: " + shortValue(e.getValue())
                    + " (expected " + e.getTargetType().getSimpleName() + ")")));
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(e), "类型不正确 (wrong type)")));
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(e), "无法解析 (cannot be read)")));
        }
        // Every 400 carries errors, so that a client reads one shape; field null: the body as a whole is wrong.
        return invalid(List.of(new FieldProblem(null, "请求内容不是有效的 JSON (malformed JSON body)")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return invalid(ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        return invalid(ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldProblem(r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                .toList());
    }

    /**
     * An address nothing answers (Spring's default said "No static resource ." in English, also for {@code /} of the
     * command side in a browser): the same Chinese 404 as every other, naming the path asked for.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return notFoundPath(ex.getResourcePath());
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        return notFoundPath(ex.getRequestURL());
    }

    private static ResponseEntity<Object> notFoundPath(String path) {
        String shown = path == null || path.isBlank() ? "/" : path.startsWith("/") ? path : "/" + path;
        return respond(problem(HttpStatus.NOT_FOUND, "没有这个地址：" + shortValue(shown) + " (no such resource)"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new FieldProblem(ex.getName(), "格式不正确: " + shortValue(ex.getValue()))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            problem.setType(null);
            problem.setInstance(null);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return answer;
    }

    public static ResponseEntity<Object> invalid(List<FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() == null ? e.message() : e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail.isEmpty() ? "请求内容有误 (bad input)" : detail);
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(ProblemResponses.title(status.value()));
        return problem;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Axon wraps what a command handler throws; the domain exception is somewhere down the cause chain. */
    private static Throwable rootDomainCause(Throwable t) {
        Throwable current = t;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (current instanceof InvalidInputException || current instanceof RuleViolationException
                    || current instanceof ForbiddenException || current instanceof NotFoundException
                    || current instanceof AggregateNotFoundException || current instanceof ConcurrencyException
                    || current instanceof AggregateStreamCreationException
                    || current instanceof BodySizeLimitFilter.BodyTooLargeException
                    || current instanceof RequestRejectedException
                    || current instanceof CannotGetJdbcConnectionException
                    || current instanceof DataAccessResourceFailureException) {
                return current;
            }
            if (current instanceof CommandExecutionException cee && cee.getDetails().isPresent()
                    && cee.getDetails().get() instanceof Throwable detail) {
                return rootDomainCause(detail);
            }
            current = current.getCause();
        }
        return t;
    }

    /**
     * The database could not be reached or went away mid-request, however deeply wrapped: a transaction that could
     * not begin, a commit or rollback that failed on the dead connection (Spring then throws the rollback's
     * TransactionSystemException, whose own cause, Hikari's "Connection is closed", carries no SQL state), Axon's
     * EventStoreException around the driver's error. Recognised by those two Spring exceptions, by the SQL state
     * classes for a lost connection (08) and a server shutting down or starting up (57P), and by Hikari's timeout
     * waiting for a connection. Whether a failed commit took effect is unknown to the server too: the client's retry
     * with the same Idempotency-Key answers it.
     */
    private static boolean databaseUnreachable(Throwable t) {
        if (t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                || t instanceof TransactionSystemException) {
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
    private static boolean waitedForFreeConnection(Throwable t) {
        return t instanceof SQLTransientConnectionException && t.getCause() == null;
    }

    /** Whether {@code test} holds for {@code t} or anything down its causes, Axon's command failure details included. */
    private static boolean anywhereInChain(Throwable t, Predicate<Throwable> test) {
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (test.test(t)) {
                return true;
            }
            if (t instanceof CommandExecutionException cee && cee.getDetails().isPresent()
                    && cee.getDetails().get() instanceof Throwable detail && anywhereInChain(detail, test)) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String shortValue(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
