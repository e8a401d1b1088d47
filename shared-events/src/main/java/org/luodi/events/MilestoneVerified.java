package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 核实: a supervisor finds a reached milestone 已核实 (verified, on site or from its proof) or 存疑 (doubtful, always with a
 * reason). A later finding on the same milestone replaces the earlier one; a retracted milestone loses its finding.
 */
@Revision("1")
public record MilestoneVerified(String projectId, Milestone milestone, Verdict verdict, String reason)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
