package org.luodi.platform.problem;

/** 403: the caller may not do this (another township's project, a supervisor-only action). */
public class ForbiddenException extends RuntimeException {
    private final ErrorCode code;

    /** A role that may not do this ({@link ErrorCode#ACCESS_DENIED}). */
    public ForbiddenException(String message) {
        this(ErrorCode.ACCESS_DENIED, message);
    }

    public ForbiddenException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    /** Another township's data ({@link ErrorCode#ACCESS_OTHER_TOWNSHIP}). */
    public static ForbiddenException otherTownship(String message) {
        return new ForbiddenException(ErrorCode.ACCESS_OTHER_TOWNSHIP, message);
    }

    public ErrorCode code() {
        return code;
    }
}
