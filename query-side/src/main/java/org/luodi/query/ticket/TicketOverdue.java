package org.luodi.query.ticket;

import java.time.LocalDate;

/**
 * A ticket whose deadline has just lapsed without an answer, announced once per deadline and pushed on the alert
 * stream as {@code ticketOverdue} (query.alert.AlertBroadcaster).
 */
public record TicketOverdue(String ticketId, String projectId, String township, String townshipName,
                            String department, String departmentName, LocalDate dueOn, String message) {
}
