package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 暂缓: the lead is paused at {@code stage}, with the reason; it resumes there. */
@Revision("1")
public record LeadSuspended(String leadId, LocalDate suspendedOn, LeadStage stage, String reason)
        implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return suspendedOn;
    }
}
