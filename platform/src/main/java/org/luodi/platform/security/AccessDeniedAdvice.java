package org.luodi.platform.security;

import org.luodi.platform.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.nio.charset.StandardCharsets;

/**
 * A role gate of method security ({@code @PreAuthorize}) that says no: 403 problem+json, as the filter chain's own
 * refusals. Ahead of the catch-all handler, which would take it for an unexpected failure.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessDeniedAdvice {

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<byte[]> denied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.json(HttpStatus.FORBIDDEN.value(), "无权执行此操作 (not allowed for your role)")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
