package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 包保: a supervisor names the city leader who 包保 the project ({@code leader}, a code of {@link Leaders}, or null for
 * none) and the 服务专班 serving it ({@code serviceTeam}, free text as offices name their teams, or null), with a
 * reason (seed 000 line 100: 强化重点项目"包保制"; seed 001 lines 3425-3448). Replaces the previous assignment whole;
 * counts from the moment it is recorded, like every correction.
 */
@Revision("1")
public record PatronageAssigned(String projectId, String leader, String serviceTeam, String reason)
        implements ProjectEvent {
    @Override
    public LocalDate occurredOn() {
        return null;
    }
}
