package org.luodi.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/** One aggregate's recording times: in office hours on the event's day, strictly increasing, never later than an hour ago. */
final class OfficeHours {
    private final Random r;
    private final Instant now;
    private Instant previous = Instant.EPOCH;

    OfficeHours(Random r, Instant now) {
        this.r = r;
        this.now = now;
    }

    EventRows.Stamp stamp(LocalDate day, String actor, String role, String township, String department,
                          String reason) {
        return stamp(day.atTime(9, 0).atZone(Plans.SHANGHAI).toInstant().plusSeconds(r.nextInt(9 * 3600)), actor,
                role, township, department, reason);
    }

    /** At {@code at} when that keeps the order, as a step recorded in another aggregate's transaction. */
    EventRows.Stamp stamp(Instant at, String actor, String role, String township, String department, String reason) {
        if (!at.isAfter(previous)) {
            at = previous.plusSeconds(1 + r.nextInt(600));
        }
        if (at.isAfter(now.minusSeconds(3600))) {
            at = now.minusSeconds(3600);
        }
        if (!at.isAfter(previous)) {
            at = previous.plusMillis(1);
        }
        previous = at;
        String eventId = new UUID((r.nextLong() & ~0xF000L) | 0x4000L,
                (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
        return new EventRows.Stamp(actor, role, township, department, reason, at, eventId);
    }
}
