package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A report on a lead in talks (反馈 / 定期报告): what moved since the last one. */
@Revision("1")
public record LeadProgressReported(String leadId, LocalDate reportedOn, String progress) implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return reportedOn;
    }
}
