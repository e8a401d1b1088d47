package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 引荐单位更正: a supervisor credits the project to another department, or to none ({@code department} null), with a
 * reason; projects are often credited after the fact. Counts from the moment it is recorded (knownAt), for the whole
 * year, like every correction.
 */
@Revision("1")
public record CreditCorrected(String projectId, String department, String reason) implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
