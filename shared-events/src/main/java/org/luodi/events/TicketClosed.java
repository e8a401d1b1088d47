package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 销号: a supervisor closes the ticket, with a reason (solved as answered, or solved otherwise, or raised in error). */
@Revision("1")
public record TicketClosed(String ticketId, LocalDate closedOn, String reason) implements TicketEvent {
    @Override
    public LocalDate occurredOn() {
        return closedOn;
    }
}
