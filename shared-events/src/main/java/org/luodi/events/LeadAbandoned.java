package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 放弃: the lead will not be pursued, with the reason; nothing more happens to it. */
@Revision("1")
public record LeadAbandoned(String leadId, LocalDate abandonedOn, String reason) implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return abandonedOn;
    }
}
