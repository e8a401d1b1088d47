package org.luodi.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one writer of {@code application/problem+json}: the controllers' exception handler, the servlet container's
 * error page, Tomcat's error report, the filters, the security entry points and the command proxy all answer
 * through it, so that every refusal has the same bytes for the same {@link Problem}.
 */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /** For a controller or an exception handler. */
    public static ResponseEntity<Object> entity(Problem problem) {
        return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(bytes(problem));
    }

    /** Where no controller is involved (a filter, an authentication entry point). */
    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(bytes(problem));
    }

    /** A refusal known only by its status and detail; its code is the status's ({@link ErrorCode#forStatus}). */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        write(response, Problem.of(status.value(), ErrorCode.forStatus(status.value()), detail));
    }

    /** A bare status: its code, title and a plain detail (never an exception's text). */
    public static Problem forStatus(int status) {
        ErrorCode code = ErrorCode.forStatus(status);
        return Problem.of(status, code, code.meaning());
    }

    /** UTF-8 JSON, whatever the response's character encoding says. */
    public static byte[] bytes(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
