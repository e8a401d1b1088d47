package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 到位资金: money arrived. Domestic sources carry {@code amountWan} (万元), FOREIGN carries {@code amountUsdWan}
 * (万美元); the other amount is null. {@code arrivalNo} (1, 2, …) names the arrival for corrections and retractions.
 */
@Revision("1")
public record FundsArrived(String projectId, int arrivalNo, LocalDate arrivedOn, SourceRegion source,
                           BigDecimal amountWan, BigDecimal amountUsdWan) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return arrivedOn;
    }
}
