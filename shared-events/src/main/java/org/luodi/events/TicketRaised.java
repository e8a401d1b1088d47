package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A project's obstacle is raised (提交问题). {@code township} is the project's township when it was raised, as the
 * command side read it from the project's own events, so that the read side can show the ticket to that township's
 * clerks without asking the project.
 */
@Revision("1")
public record TicketRaised(String ticketId, String projectId, String township, TicketCategory category,
                           String description, LocalDate raisedOn) implements TicketEvent {
    @Override
    public LocalDate occurredOn() {
        return raisedOn;
    }
}
