package org.luodi.query.alert;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One announced change of a project's alert level, as pushed on GET /api/alerts/stream ({@code id} is the
 * server-sent event's id). {@code level} is the level from now on (null once cleared), {@code crossedOn} the day the
 * project reached it, {@code announcedOn} the day the sweep noticed (later than {@code crossedOn} only for entries
 * recorded late or while the service was down).
 */
public record AlertChange(long id, Kind kind, String projectId, String name, String township, String townshipName,
                          AlertLevel level, AlertLevel previousLevel, Cause cause, LocalDate signedOn,
                          LocalDate crossedOn, LocalDate announcedOn, Instant announcedAt, String message) {

    public enum Kind {
        /** reached a level for the first time, or a higher one */
        RAISED,
        /** back down to WARNING (its signing date was corrected to a later one) */
        LOWERED,
        /** no longer stalled */
        CLEARED,
        /** stalled again after it had cleared (a start or a termination retracted, a signing date corrected) */
        RESTORED
    }

    /** Why an alert cleared. */
    public enum Cause {
        STARTED("已开工"), TERMINATED("已解约"), VOIDED("已作废"), NOT_DUE("签约未满预警期限");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
