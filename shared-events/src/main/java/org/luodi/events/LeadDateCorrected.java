package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A step's date was wrong and is now {@code date}: {@code step} is the event type whose date changes
 * ({@code LeadAssessed} or {@code LeadNegotiationStarted}); the reason is in the metadata.
 */
@Revision("1")
public record LeadDateCorrected(String leadId, String step, LocalDate date, LocalDate correctedOn)
        implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return correctedOn;
    }
}
