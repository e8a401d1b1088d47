package org.luodi.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event as SPEC §7 shows it: its business date ({@code occurredOn}), when and by whom it was recorded
 * (actor, role, the actor's township), why, and the event's own fields in {@code data}.
 */
public record HistoryEntry(String projectId, long sequence, String type, LocalDate occurredOn, Instant recordedAt,
                           String actor, String role, String township, String projectTownship, String reason,
                           @JsonRawValue String data) {
}
