package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 在谈: the first talk (首谈) with the investor took place on {@code firstTalkOn}, led by {@code ledBy}. */
@Revision("1")
public record LeadNegotiationStarted(String leadId, LocalDate firstTalkOn, String ledBy) implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return firstTalkOn;
    }
}
