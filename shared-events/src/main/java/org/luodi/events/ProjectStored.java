package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 入库: entered the fixed-asset-investment statistics database, with its 计划总投资 in 万元. */
@Revision("1")
public record ProjectStored(String projectId, LocalDate storedOn, BigDecimal plannedInvestmentWan)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return storedOn;
    }
}
