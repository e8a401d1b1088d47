package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 提级: a problem beyond one department goes to a 专题会议 or to the city's leaders (seed 000 line 616), with a
 * reason. The department no longer owes the answer: an escalated ticket is not overdue for it.
 */
@Revision("1")
public record TicketEscalated(String ticketId, LocalDate escalatedOn, EscalationLevel level, String reason)
        implements TicketEvent {
    @Override
    public LocalDate occurredOn() {
        return escalatedOn;
    }
}
