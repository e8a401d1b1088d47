package org.luodi.command.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.luodi.events.InvestorCategory;
import org.luodi.events.Milestone;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The commands of a project's life, one per milestone (SPEC §2). Who sends them travels as message metadata
 * ({@link org.luodi.events.EventMetadata}), not in the command. Those that carry an amount also carry
 * {@code confirmImplausible}: true once the clerk has confirmed an amount {@link Plausibility} doubts.
 */
public final class ProjectCommands {
    private ProjectCommands() {
    }

    /** {@code plannedInvestmentWan} (计划总投资), {@code types} and {@code investorCategories} are optional. */
    public record SignProject(@TargetAggregateIdentifier String projectId, String name, String investor,
                              String township, String industryChain, Boolean industrial,
                              BigDecimal contractAmountWan, SourceRegion sourceRegion, LocalDate signedOn,
                              String introducedBy, BigDecimal plannedInvestmentWan, Set<ProjectType> types,
                              Set<InvestorCategory> investorCategories, Boolean confirmImplausible, String leadId) {
        /** A signing without a lead (项目线索). */
        public SignProject(String projectId, String name, String investor, String township, String industryChain,
                           Boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                           LocalDate signedOn, String introducedBy, BigDecimal plannedInvestmentWan,
                           Set<ProjectType> types, Set<InvestorCategory> investorCategories,
                           Boolean confirmImplausible) {
            this(projectId, name, investor, township, industryChain, industrial, contractAmountWan, sourceRegion,
                    signedOn, introducedBy, plannedInvestmentWan, types, investorCategories, confirmImplausible, null);
        }

        public SignProject(String projectId, String name, String investor, String township, String industryChain,
                           Boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                           LocalDate signedOn, String introducedBy, Boolean confirmImplausible) {
            this(projectId, name, investor, township, industryChain, industrial, contractAmountWan, sourceRegion,
                    signedOn, introducedBy, null, null, null, confirmImplausible, null);
        }

        public SignProject(String projectId, String name, String investor, String township, String industryChain,
                           Boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                           LocalDate signedOn, String introducedBy) {
            this(projectId, name, investor, township, industryChain, industrial, contractAmountWan, sourceRegion,
                    signedOn, introducedBy, null);
        }
    }

    public record RegisterCompany(@TargetAggregateIdentifier String projectId, LocalDate registeredOn,
                                  String companyName, String creditCode, Boolean foreignInvested,
                                  Boolean exportOriented) {
    }

    public record StartConstruction(@TargetAggregateIdentifier String projectId, LocalDate startedOn,
                                    StartKind kind) {
    }

    public record StoreProject(@TargetAggregateIdentifier String projectId, LocalDate storedOn,
                               BigDecimal plannedInvestmentWan, Boolean confirmImplausible) {
        public StoreProject(String projectId, LocalDate storedOn, BigDecimal plannedInvestmentWan) {
            this(projectId, storedOn, plannedInvestmentWan, null);
        }
    }

    public record StartProduction(@TargetAggregateIdentifier String projectId, LocalDate productionOn) {
    }

    public record RecordFundsArrival(@TargetAggregateIdentifier String projectId, LocalDate arrivedOn,
                                     SourceRegion source, BigDecimal amountWan, BigDecimal amountUsdWan,
                                     Boolean confirmImplausible) {
        public RecordFundsArrival(String projectId, LocalDate arrivedOn, SourceRegion source, BigDecimal amountWan,
                                  BigDecimal amountUsdWan) {
            this(projectId, arrivedOn, source, amountWan, amountUsdWan, null);
        }
    }

    public record TerminateProject(@TargetAggregateIdentifier String projectId, LocalDate terminatedOn,
                                   String reason) {
    }

    /** {@code arrivalNo} names the arrival when the milestone is FUNDS. */
    public record CorrectMilestone(@TargetAggregateIdentifier String projectId, Milestone milestone,
                                   Integer arrivalNo, LocalDate date, BigDecimal amountWan,
                                   BigDecimal amountUsdWan, String reason, Boolean confirmImplausible) {
        public CorrectMilestone(String projectId, Milestone milestone, Integer arrivalNo, LocalDate date,
                                BigDecimal amountWan, BigDecimal amountUsdWan, String reason) {
            this(projectId, milestone, arrivalNo, date, amountWan, amountUsdWan, reason, null);
        }
    }

    public record RetractMilestone(@TargetAggregateIdentifier String projectId, Milestone milestone,
                                   Integer arrivalNo, String reason) {
    }

    /** {@code department} null or blank: credited to no department. */
    public record CorrectCredit(@TargetAggregateIdentifier String projectId, String department, String reason) {
    }

    /** 包保: the city leader (a code of reference/leaders-daye.csv, or none) and the 服务专班 (free text, or none). */
    public record AssignPatronage(@TargetAggregateIdentifier String projectId, String leader, String serviceTeam,
                                  String reason) {
    }

    /**
     * 更正项目信息: each attribute given (not null) is corrected to that value; those left out stay as they are. An
     * empty set of types or investor categories clears it.
     */
    public record CorrectAttributes(@TargetAggregateIdentifier String projectId, String name, String investor,
                                    String township, String industryChain, Boolean industrial,
                                    SourceRegion sourceRegion, BigDecimal contractAmountWan,
                                    BigDecimal plannedInvestmentWan, Set<ProjectType> types,
                                    Set<InvestorCategory> investorCategories, String reason,
                                    Boolean confirmImplausible) {
    }

    public record VoidProject(@TargetAggregateIdentifier String projectId, String reason) {
    }
}
