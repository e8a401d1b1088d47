package org.luodi.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 到位资金: money arrived, {@code amount} in 万元 (CNY) from a domestic source or 万美元 (USD) from a FOREIGN one.
 * {@code arrivalNo} (1, 2, …) names the arrival for corrections and retractions.
 * <p>
 * Revision 2. Revision 1 carried two amounts, {@code amountWan} and {@code amountUsdWan}, one of them always null;
 * {@link org.luodi.events.upcasting.FundsArrivedUpcaster} turns stored revision-1 events into this shape when they
 * are read (the store itself is never rewritten).
 */
@Revision("2")
public record FundsArrived(String projectId, int arrivalNo, LocalDate arrivedOn, SourceRegion source, Amount amount)
        implements ProjectEvent {

    @JsonCreator
    public FundsArrived {
    }

    /**
     * Revision 1's constructor, kept for the code that still thinks in two amounts (the aggregate): the one that
     * is given becomes the amount, in 万元 for {@code amountWan}, 万美元 for {@code amountUsdWan}.
     */
    public FundsArrived(String projectId, int arrivalNo, LocalDate arrivedOn, SourceRegion source,
                        BigDecimal amountWan, BigDecimal amountUsdWan) {
        this(projectId, arrivalNo, arrivedOn, source, amountWan != null ? Amount.cny(amountWan)
                : amountUsdWan != null ? Amount.usd(amountUsdWan) : null);
    }

    /** The amount in 万元 when the money is in CNY, else null. */
    @JsonIgnore
    public BigDecimal amountWan() {
        return amount != null && amount.currency() == CurrencyCode.CNY ? amount.wan() : null;
    }

    /** The amount in 万美元 when the money is in USD, else null. */
    @JsonIgnore
    public BigDecimal amountUsdWan() {
        return amount != null && amount.currency() == CurrencyCode.USD ? amount.wan() : null;
    }

    @Override
    public LocalDate occurredOn() {
        return arrivedOn;
    }
}
