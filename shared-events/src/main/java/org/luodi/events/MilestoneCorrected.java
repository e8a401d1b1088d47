package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 更正: a recorded milestone gets a new date and/or amount. The amount is the milestone's own: the contract amount
 * for SIGNING, the planned investment for STORAGE, the arrival's amount for FUNDS ({@code amountUsdWan} when the
 * arrival is FOREIGN). {@code arrivalNo} names the arrival for FUNDS and is null otherwise.
 */
@Revision("1")
public record MilestoneCorrected(String projectId, Milestone milestone, Integer arrivalNo, LocalDate date,
                                 BigDecimal amountWan, BigDecimal amountUsdWan, String reason)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return date;
    }
}
