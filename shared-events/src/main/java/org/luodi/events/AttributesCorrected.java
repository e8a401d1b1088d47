package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 更正项目信息: a supervisor, or the clerk of the project's township, corrects what the project is (name, investor,
 * township, chain, industrial flag, source region, contract amount, planned investment, types, investor categories),
 * with a reason. Carries the attributes before and after whole, so that the history reads old → new without
 * replaying anything. Counts from the moment it is recorded (knownAt), like every correction; a project moved to
 * another township belongs to that township's clerks from then on.
 */
@Revision("1")
public record AttributesCorrected(String projectId, ProjectAttributes before, ProjectAttributes after, String reason)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
