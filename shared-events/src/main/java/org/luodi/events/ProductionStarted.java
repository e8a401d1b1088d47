package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 投产: the project is in production. */
@Revision("1")
public record ProductionStarted(String projectId, LocalDate productionOn) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return productionOn;
    }
}
