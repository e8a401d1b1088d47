package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 入园预审 or 签约前评审 held on {@code reviewedOn}: passed or not, with the opinion. */
@Revision("1")
public record LeadReviewed(String leadId, ReviewKind kind, LocalDate reviewedOn, boolean passed, String opinion)
        implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return reviewedOn;
    }
}
