package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 开工: construction started, new (新建) or resumed (复工/续建). */
@Revision("1")
public record ConstructionStarted(String projectId, LocalDate startedOn, StartKind kind) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return startedOn;
    }
}
