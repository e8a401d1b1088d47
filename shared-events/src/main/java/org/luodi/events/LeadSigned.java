package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * 签约: the lead became project {@code projectId} (its {@link ProjectSigned} carries this lead's id) and is closed;
 * {@code creditedUnits} are the units the signing is credited to, the confirmed first reporter first.
 */
@Revision("1")
public record LeadSigned(String leadId, String projectId, LocalDate signedOn, List<String> creditedUnits)
        implements LeadEvent {
    public LeadSigned {
        creditedUnits = creditedUnits == null ? List.of() : List.copyOf(creditedUnits);
    }

    @Override
    public LocalDate occurredOn() {
        return signedOn;
    }
}
