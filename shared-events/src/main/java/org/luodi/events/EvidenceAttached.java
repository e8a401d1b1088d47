package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 实证: a file attached to the project as proof of {@code milestone} (one it has reached; null: of the project as a
 * whole). Speaks of no business date: a proof counts from when it is recorded.
 */
@Revision("1")
public record EvidenceAttached(String projectId, String evidenceId, Milestone milestone, EvidenceFile file)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
