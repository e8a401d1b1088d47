package org.luodi.platform.problem;

/** 404: no such project (or none the caller may know of). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
