package org.luodi.platform.problem;

/** 403: the caller may not do this (another township's project, a supervisor-only action). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
