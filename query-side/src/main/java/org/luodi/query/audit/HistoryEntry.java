package org.luodi.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event as SPEC §7 shows it: its business date ({@code occurredOn}), when and by whom it was recorded
 * (actor, role, the actor's township), why, the event's own fields in {@code data}, and {@code summary}, the one
 * description of the event for people ({@link org.luodi.events.EventDescriptions}) that every page shows.
 */
public record HistoryEntry(String projectId, long sequence, String type, LocalDate occurredOn, Instant recordedAt,
                           String actor, String role, String township, String projectTownship, String reason,
                           @JsonRawValue String data, String summary) {
}
