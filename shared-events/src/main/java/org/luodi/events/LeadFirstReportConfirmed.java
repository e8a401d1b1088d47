package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 首报确认: a supervisor confirms that {@code firstUnit} reported this investor first ({@code firstLeadId}, which may
 * be this lead); that unit keeps the credit when the lead signs. The evidence is the earlier lead and the reason.
 */
@Revision("1")
public record LeadFirstReportConfirmed(String leadId, String firstUnit, String firstLeadId, LocalDate confirmedOn)
        implements LeadEvent {
    @Override
    public LocalDate occurredOn() {
        return confirmedOn;
    }
}
