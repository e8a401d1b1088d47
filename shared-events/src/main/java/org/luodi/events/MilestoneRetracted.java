package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** 撤销: a recorded milestone did not really happen (e.g. 仪式开工) and no longer counts. Supervisors only. */
@Revision("1")
public record MilestoneRetracted(String projectId, Milestone milestone, Integer arrivalNo, String reason)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
