package org.luodi.command.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.luodi.events.LeadSource;
import org.luodi.events.ReviewKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The commands of a lead (项目线索), one record each; the controller builds them, {@link Lead} decides. A step's
 * date ({@code on}) may be given for a step taken earlier on paper; null is today (Shanghai). Signing is not here:
 * a lead signs through the project's own signing (SignProject with its leadId, {@link LeadSignings}).
 */
public final class LeadCommands {
    private LeadCommands() {
    }

    public record RecordLead(@TargetAggregateIdentifier String leadId, String investor, String creditCode,
                             String project, BigDecimal expectedAmountWan, List<String> targetCompanies,
                             LeadSource source, String township, LocalDate on) {
    }

    public record AssessLead(@TargetAggregateIdentifier String leadId, String conclusion, LocalDate on) {
    }

    public record StartNegotiation(@TargetAggregateIdentifier String leadId, LocalDate firstTalkOn, String ledBy) {
    }

    public record ReviewLead(@TargetAggregateIdentifier String leadId, ReviewKind kind, Boolean passed,
                             String opinion, LocalDate on) {
    }

    public record ReportProgress(@TargetAggregateIdentifier String leadId, String progress, LocalDate on) {
    }

    public record ConfirmFirstReport(@TargetAggregateIdentifier String leadId, String firstLeadId, String reason) {
    }

    public record SuspendLead(@TargetAggregateIdentifier String leadId, String reason) {
    }

    public record ResumeLead(@TargetAggregateIdentifier String leadId, String reason) {
    }

    public record AbandonLead(@TargetAggregateIdentifier String leadId, String reason) {
    }

    /** {@code step}: LeadAssessed or LeadNegotiationStarted, the step whose date was wrong. */
    public record CorrectLeadDate(@TargetAggregateIdentifier String leadId, String step, LocalDate date,
                                  String reason) {
    }
}
