package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 签约: the contract is signed; creates the project. {@code introducedBy} (引荐单位) is the code of the department
 * credited with the project, or null ({@link Departments}); {@code introducedByText} keeps what a revision-1 event
 * said in free text where it names no department (uncredited), and is null in every event recorded since.
 */
@Revision("2")
public record ProjectSigned(String projectId, String name, String investor, String township, String industryChain,
                            boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                            LocalDate signedOn, String introducedBy, String introducedByText) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return signedOn;
    }
}
