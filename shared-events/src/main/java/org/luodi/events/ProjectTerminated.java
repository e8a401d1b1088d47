package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 解约: the contract is dissolved; no milestone may follow, only corrections. */
@Revision("1")
public record ProjectTerminated(String projectId, LocalDate terminatedOn, String reason) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return terminatedOn;
    }
}
