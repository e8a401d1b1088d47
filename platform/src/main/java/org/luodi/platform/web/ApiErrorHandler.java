package org.luodi.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.Problem;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.stream.Collectors;

import static org.luodi.platform.web.ExceptionProblems.shortValue;

/**
 * Every refusal of a controller as a {@link Problem}, written by {@link ProblemResponses}. Our own exceptions and
 * the infrastructure's (Axon, JDBC, Tomcat) go through the table of {@link ExceptionProblems}; Spring MVC's own
 * refusals through the hooks of {@link ResponseEntityExceptionHandler}, with their status's code, a Chinese
 * detail and, for a 400, {@code errors}. Never a stack trace.
 */
@RestControllerAdvice
public class ApiErrorHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> anything(Exception exception) {
        return ProblemResponses.entity(ExceptionProblems.problemFor(exception));
    }

    /** A body Jackson could not read: which field, and why, when it can say. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ProblemResponses.entity(ExceptionProblems.known(ex).orElseGet(() -> unreadable(ex.getCause())));
    }

    static Problem unreadable(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException e) {
            return invalid(path(e), "未知字段");
        }
        if (cause instanceof InvalidFormatException e && e.getTargetType() == String.class) {
            return invalid(path(e), "含有无效字符：NUL 或不成对的代理项");
        }
        if (cause instanceof InvalidFormatException e) {
            return invalid(path(e), "格式不正确: " + shortValue(e.getValue()));
        }
        if (cause instanceof MismatchedInputException e && !e.getPath().isEmpty()) {
            return invalid(path(e), "类型不正确");
        }
        if (cause instanceof JsonMappingException e && !e.getPath().isEmpty() && !brokenJson(e)) {
            return invalid(path(e), "无法解析");
        }
        // Every 400 carries errors, so that a client reads one shape; field null: the body as a whole is wrong.
        return Problem.invalid(ErrorCode.REQUEST_MALFORMED, List.of(new FieldProblem(null, "请求内容不是有效的 JSON")));
    }

    /**
     * Whether the JSON itself broke inside a field's value (a string never closed): Jackson reports that wrapped in
     * a mapping error with the field's path, but no value of any type would have done, so the body is malformed.
     */
    private static boolean brokenJson(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    /** A query parameter or path variable that does not convert ("2024-13-01" for a date): 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        return ProblemResponses.entity(invalid(field, "格式不正确: " + shortValue(ex.getValue())));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return ProblemResponses.entity(invalid(ex.getParameterName(), "必填"));
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
        return ProblemResponses.entity(Problem.of(ErrorCode.RESOURCE_NOT_FOUND, "没有这个地址：" + shortValue(shown)));
    }

    /** A multipart file over spring.servlet.multipart's limits: the 413 of the path's kind of upload. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String uri = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
        return ProblemResponses.entity(Problem.of(BodySizeLimitFilter.tooLarge(uri)));
    }

    /**
     * Every other refusal of Spring MVC (a method not allowed, a media type not supported, …): its status's code
     * and a Chinese detail in place of Spring's English one; a 400 names the request as a whole in {@code errors}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null
                && servlet.getResponse().isCommitted()) {
            return null; // too late to answer anything (a stream that had begun)
        }
        Problem problem = ProblemResponses.forStatus(statusCode.value());
        if (statusCode.value() == 400) {
            problem = problem.withErrors(List.of(new FieldProblem(null, problem.detail())));
        }
        ResponseEntity<Object> answer = ProblemResponses.entity(problem);
        return ResponseEntity.status(statusCode).headers(headers).headers(answer.getHeaders()).body(answer.getBody());
    }

    private static Problem invalid(String field, String message) {
        return Problem.invalid(ErrorCode.REQUEST_INVALID, List.of(new FieldProblem(field, message)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
