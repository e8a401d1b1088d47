package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 作废: the project was recorded in error. It leaves every statistic but keeps its history. Supervisors only. */
@Revision("1")
public record ProjectVoided(String projectId, String reason) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
