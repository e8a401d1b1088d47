package org.luodi.command.evidence;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.luodi.events.EvidenceFile;
import org.luodi.events.Milestone;
import org.luodi.events.Verdict;

/**
 * The commands of 实证 (#19). A file's command is sent only once its bytes are stored under their SHA-256
 * ({@link org.luodi.platform.evidence.EvidenceStore}), so that an event never names bytes Luodi does not hold; the
 * aggregate (project or ticket) decides whether it may be attached.
 */
public final class EvidenceCommands {
    private EvidenceCommands() {
    }

    /** {@code milestone} null: proof of the project as a whole (a licence, say). */
    public record AttachEvidence(@TargetAggregateIdentifier String projectId, String evidenceId, Milestone milestone,
                                 EvidenceFile file) {
    }

    public record AttachTicketEvidence(@TargetAggregateIdentifier String ticketId, String evidenceId,
                                       EvidenceFile file) {
    }

    /** {@code reason} is required for 存疑, optional for 已核实. */
    public record VerifyMilestone(@TargetAggregateIdentifier String projectId, Milestone milestone, Verdict verdict,
                                  String reason) {
    }
}
