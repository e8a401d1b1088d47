package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A file attached to a problem ticket (the land certificate a department answers with, a photo of the obstacle). */
@Revision("1")
public record TicketEvidenceAttached(String ticketId, String evidenceId, LocalDate attachedOn, EvidenceFile file)
        implements TicketEvent {
    @Override
    public LocalDate occurredOn() {
        return attachedOn;
    }
}
