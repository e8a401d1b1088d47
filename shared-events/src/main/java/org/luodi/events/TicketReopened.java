package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 重新交办: an answer (or a closing) that did not solve the problem is sent back to the same department, which owes
 * a new answer by {@code dueOn}, counted like an assignment's deadline.
 */
@Revision("1")
public record TicketReopened(String ticketId, LocalDate reopenedOn, String department, int workingDays,
                             LocalDate dueOn, boolean calendarAssumed, String reason) implements TicketEvent {
    @Override
    public LocalDate occurredOn() {
        return reopenedOn;
    }
}
