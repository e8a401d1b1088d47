package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A paused lead is taken up again, at the {@code stage} where it was paused. */
@Revision("1")
public record LeadResumed(String leadId, LocalDate resumedOn, LeadStage stage, String reason) implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return resumedOn;
    }
}
