package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 研判: the lead is assessed, with the conclusion (whether and how to pursue it). */
@Revision("1")
public record LeadAssessed(String leadId, LocalDate assessedOn, String conclusion) implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return assessedOn;
    }
}
