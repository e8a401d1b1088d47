package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 答复: the assigned department reports what it did (办理结果, or its progress where there is no result yet). */
@Revision("1")
public record TicketAnswered(String ticketId, String department, LocalDate answeredOn, String answer)
        implements TicketEvent {
    @Override
    public LocalDate occurredOn() {
        return answeredOn;
    }
}
