package org.luodi.command.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.luodi.events.Milestone;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The commands of a project's life, one per milestone (SPEC §2). Who sends them travels as message metadata
 * ({@link org.luodi.events.EventMetadata}), not in the command.
 */
public final class ProjectCommands {
    private ProjectCommands() {
    }

    public record SignProject(@TargetAggregateIdentifier String projectId, String name, String investor,
                              String township, String industryChain, Boolean industrial,
                              BigDecimal contractAmountWan, SourceRegion sourceRegion, LocalDate signedOn,
                              String introducedBy) {
    }

    public record RegisterCompany(@TargetAggregateIdentifier String projectId, LocalDate registeredOn,
                                  String companyName, String creditCode, Boolean foreignInvested) {
    }

    public record StartConstruction(@TargetAggregateIdentifier String projectId, LocalDate startedOn,
                                    StartKind kind) {
    }

    public record StoreProject(@TargetAggregateIdentifier String projectId, LocalDate storedOn,
                               BigDecimal plannedInvestmentWan) {
    }

    public record StartProduction(@TargetAggregateIdentifier String projectId, LocalDate productionOn) {
    }

    public record RecordFundsArrival(@TargetAggregateIdentifier String projectId, LocalDate arrivedOn,
                                     SourceRegion source, BigDecimal amountWan, BigDecimal amountUsdWan) {
    }

    public record TerminateProject(@TargetAggregateIdentifier String projectId, LocalDate terminatedOn,
                                   String reason) {
    }

    /** {@code arrivalNo} names the arrival when the milestone is FUNDS. */
    public record CorrectMilestone(@TargetAggregateIdentifier String projectId, Milestone milestone,
                                   Integer arrivalNo, LocalDate date, BigDecimal amountWan,
                                   BigDecimal amountUsdWan, String reason) {
    }

    public record RetractMilestone(@TargetAggregateIdentifier String projectId, Milestone milestone,
                                   Integer arrivalNo, String reason) {
    }

    public record VoidProject(@TargetAggregateIdentifier String projectId, String reason) {
    }
}
