package org.luodi.query.project;

import org.luodi.events.AttributesCorrected;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.CreditCorrected;
import org.luodi.events.Flags;
import org.luodi.events.InvestorCategory;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.PatronageAssigned;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectType;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A project's attributes and milestones as the read side shows them (fund arrivals are kept apart, see
 * {@link FundArrival}). {@link #apply} folds one event in; the command side has already checked it.
 * {@code introducedBy} is the credited department's code; {@code introducedByText} what an old signing said in free
 * text that names no department (credited to nobody). {@code plannedInvestmentAtSigningWan} is the 计划总投资 stated at
 * signing (or corrected since); {@code plannedInvestmentWan} the one 入库 restated, which the statistics count.
 * {@code leader} (a code of reference/leaders-daye.csv) and {@code serviceTeam} are its 包保 (#19), or null.
 */
public record ProjectState(String projectId, String name, String investor, String township, String industryChain,
                           boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                           LocalDate signedOn, String introducedBy, String introducedByText,
                           BigDecimal plannedInvestmentAtSigningWan, Set<ProjectType> types,
                           Set<InvestorCategory> investorCategories, LocalDate registeredOn, String companyName,
                           String creditCode, Boolean foreignInvested, Boolean exportOriented, LocalDate startedOn,
                           StartKind startKind,
                           LocalDate storedOn, BigDecimal plannedInvestmentWan, LocalDate productionOn,
                           LocalDate terminatedOn, String terminationReason, boolean voided, String leader,
                           String serviceTeam) {

    public ProjectState {
        types = Flags.of(ProjectType.class, types);
        investorCategories = Flags.of(InvestorCategory.class, investorCategories);
    }

    /** The stage a supervisor reads in a list, latest milestone first. */
    public String stage() {
        return Stage.of(this).name();
    }

    static ProjectState signed(ProjectSigned e) {
        return new ProjectState(e.projectId(), e.name(), e.investor(), e.township(), e.industryChain(), e.industrial(),
                e.contractAmountWan(), e.sourceRegion(), e.signedOn(), e.introducedBy(), e.introducedByText(),
                e.plannedInvestmentWan(), e.types(), e.investorCategories(), null, null, null, null, null, null, null,
                null, null, null, null, null, false, null, null);
    }

    /** The state after {@code event}; fund arrivals leave it unchanged. */
    ProjectState apply(ProjectEvent event) {
        if (event instanceof ProjectSigned e) {
            return signed(e);
        }
        if (event instanceof CompanyRegistered e) {
            return with(b -> {
                b.registeredOn = e.registeredOn();
                b.companyName = e.companyName();
                b.creditCode = e.creditCode();
                b.foreignInvested = e.foreignInvested();
                b.exportOriented = e.exportOriented();
            });
        }
        if (event instanceof ConstructionStarted e) {
            return with(b -> {
                b.startedOn = e.startedOn();
                b.startKind = e.kind();
            });
        }
        if (event instanceof ProjectStored e) {
            return with(b -> {
                b.storedOn = e.storedOn();
                b.plannedInvestmentWan = e.plannedInvestmentWan();
            });
        }
        if (event instanceof ProductionStarted e) {
            return with(b -> b.productionOn = e.productionOn());
        }
        if (event instanceof ProjectTerminated e) {
            return with(b -> {
                b.terminatedOn = e.terminatedOn();
                b.terminationReason = e.reason();
            });
        }
        if (event instanceof MilestoneCorrected e) {
            return with(b -> b.correct(e));
        }
        if (event instanceof MilestoneRetracted e) {
            return with(b -> b.retract(e));
        }
        if (event instanceof ProjectVoided) {
            return with(b -> b.voided = true);
        }
        if (event instanceof AttributesCorrected e) {
            return with(b -> b.correct(e.after()));
        }
        if (event instanceof CreditCorrected e) {
            return with(b -> {
                b.introducedBy = e.department();
                b.introducedByText = null;
            });
        }
        if (event instanceof PatronageAssigned e) {
            return with(b -> {
                b.leader = e.leader();
                b.serviceTeam = e.serviceTeam();
            });
        }
        return this; // FundsArrived: kept with the fund arrivals
    }

    /** This state as it stood at the end of {@code asOf}: milestones dated later had not happened yet. */
    public ProjectState asOf(LocalDate asOf) {
        if (asOf == null) {
            return this;
        }
        return with(b -> {
            if (after(b.registeredOn, asOf)) {
                b.registeredOn = null;
                b.companyName = null;
                b.creditCode = null;
                b.foreignInvested = null;
                b.exportOriented = null;
            }
            if (after(b.startedOn, asOf)) {
                b.startedOn = null;
                b.startKind = null;
            }
            if (after(b.storedOn, asOf)) {
                b.storedOn = null;
                b.plannedInvestmentWan = null;
            }
            if (after(b.productionOn, asOf)) {
                b.productionOn = null;
            }
            if (after(b.terminatedOn, asOf)) {
                b.terminatedOn = null;
                b.terminationReason = null;
            }
        });
    }

    private static boolean after(LocalDate date, LocalDate asOf) {
        return date != null && date.isAfter(asOf);
    }

    private ProjectState with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    /** Mutable copy used only inside {@link #apply} and {@link #asOf}. */
    private static final class Builder {
        private final ProjectState from;
        String name;
        String investor;
        String township;
        String industryChain;
        boolean industrial;
        SourceRegion sourceRegion;
        BigDecimal contractAmountWan;
        LocalDate signedOn;
        String introducedBy;
        String introducedByText;
        BigDecimal plannedInvestmentAtSigningWan;
        Set<ProjectType> types;
        Set<InvestorCategory> investorCategories;
        LocalDate registeredOn;
        String companyName;
        String creditCode;
        Boolean foreignInvested;
        Boolean exportOriented;
        LocalDate startedOn;
        StartKind startKind;
        LocalDate storedOn;
        BigDecimal plannedInvestmentWan;
        LocalDate productionOn;
        LocalDate terminatedOn;
        String terminationReason;
        boolean voided;
        String leader;
        String serviceTeam;

        Builder(ProjectState s) {
            from = s;
            name = s.name;
            investor = s.investor;
            township = s.township;
            industryChain = s.industryChain;
            industrial = s.industrial;
            sourceRegion = s.sourceRegion;
            contractAmountWan = s.contractAmountWan;
            signedOn = s.signedOn;
            introducedBy = s.introducedBy;
            introducedByText = s.introducedByText;
            plannedInvestmentAtSigningWan = s.plannedInvestmentAtSigningWan;
            types = s.types;
            investorCategories = s.investorCategories;
            registeredOn = s.registeredOn;
            companyName = s.companyName;
            creditCode = s.creditCode;
            foreignInvested = s.foreignInvested;
            exportOriented = s.exportOriented;
            startedOn = s.startedOn;
            startKind = s.startKind;
            storedOn = s.storedOn;
            plannedInvestmentWan = s.plannedInvestmentWan;
            productionOn = s.productionOn;
            terminatedOn = s.terminatedOn;
            terminationReason = s.terminationReason;
            voided = s.voided;
            leader = s.leader;
            serviceTeam = s.serviceTeam;
        }

        /** 更正项目信息: the attributes as corrected. */
        void correct(ProjectAttributes a) {
            name = a.name();
            investor = a.investor();
            township = a.township();
            industryChain = a.industryChain();
            industrial = a.industrial();
            sourceRegion = a.sourceRegion();
            contractAmountWan = a.contractAmountWan();
            plannedInvestmentAtSigningWan = a.plannedInvestmentWan();
            types = a.types();
            investorCategories = a.investorCategories();
        }

        void correct(MilestoneCorrected e) {
            switch (e.milestone()) {
                case SIGNING -> {
                    signedOn = e.date() != null ? e.date() : signedOn;
                    contractAmountWan = e.amountWan() != null ? e.amountWan() : contractAmountWan;
                }
                case REGISTRATION -> registeredOn = e.date() != null ? e.date() : registeredOn;
                case START -> startedOn = e.date() != null ? e.date() : startedOn;
                case STORAGE -> {
                    storedOn = e.date() != null ? e.date() : storedOn;
                    plannedInvestmentWan = e.amountWan() != null ? e.amountWan() : plannedInvestmentWan;
                }
                case PRODUCTION -> productionOn = e.date() != null ? e.date() : productionOn;
                case TERMINATION -> terminatedOn = e.date() != null ? e.date() : terminatedOn;
                case FUNDS -> {
                    // kept with the fund arrivals
                }
            }
        }

        void retract(MilestoneRetracted e) {
            switch (e.milestone()) {
                case REGISTRATION -> {
                    registeredOn = null;
                    companyName = null;
                    creditCode = null;
                    foreignInvested = null;
                    exportOriented = null;
                }
                case START -> {
                    startedOn = null;
                    startKind = null;
                }
                case STORAGE -> {
                    storedOn = null;
                    plannedInvestmentWan = null;
                }
                case PRODUCTION -> productionOn = null;
                case TERMINATION -> {
                    terminatedOn = null;
                    terminationReason = null;
                }
                case SIGNING, FUNDS -> {
                    // signing is voided, not retracted; fund arrivals are kept apart
                }
            }
        }

        ProjectState build() {
            return new ProjectState(from.projectId, name, investor, township, industryChain, industrial,
                    contractAmountWan, sourceRegion, signedOn, introducedBy, introducedByText,
                    plannedInvestmentAtSigningWan, types, investorCategories, registeredOn, companyName, creditCode,
                    foreignInvested, exportOriented, startedOn, startKind, storedOn, plannedInvestmentWan, productionOn,
                    terminatedOn, terminationReason, voided, leader, serviceTeam);
        }
    }
}
