package org.luodi.events;

/** The metadata keys every event carries: who recorded it, when, under which request, and why. */
public final class EventMetadata {
    public static final String ACTOR = "actor";
    public static final String ROLE = "role";
    public static final String TOWNSHIP = "township";
    /** A department account's code (附件2), only on what a department records: its answers to tickets. */
    public static final String DEPARTMENT = "department";
    public static final String RECORDED_AT = "recordedAt";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String REASON = "reason";

    private EventMetadata() {
    }
}
