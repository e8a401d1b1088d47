package org.luodi.query.project;

import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One arrival of funds: domestic in 万元 ({@code amountWan}) or foreign in 万美元 ({@code amountUsdWan}). */
public record FundArrival(int arrivalNo, LocalDate arrivedOn, SourceRegion source, BigDecimal amountWan,
                          BigDecimal amountUsdWan) {
}
