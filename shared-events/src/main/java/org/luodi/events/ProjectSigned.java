package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 签约: the contract is signed; creates the project. {@code introducedBy} (引荐单位) is optional. */
@Revision("1")
public record ProjectSigned(String projectId, String name, String investor, String township, String industryChain,
                            boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                            LocalDate signedOn, String introducedBy) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return signedOn;
    }
}
