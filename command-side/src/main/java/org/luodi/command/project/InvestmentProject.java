package org.luodi.command.project;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.luodi.command.evidence.EvidenceCommands.AttachEvidence;
import org.luodi.command.evidence.EvidenceCommands.VerifyMilestone;
import org.luodi.command.project.ProjectCommands.AssignPatronage;
import org.luodi.command.project.ProjectCommands.CorrectAttributes;
import org.luodi.command.project.ProjectCommands.CorrectCredit;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.command.project.ProjectCommands.RetractMilestone;
import org.luodi.command.lead.LeadSignings;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.command.project.ProjectCommands.TerminateProject;
import org.luodi.command.project.ProjectCommands.VoidProject;
import org.luodi.events.AttributesCorrected;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.CreditCode;
import org.luodi.events.CreditCorrected;
import org.luodi.events.EvidenceAttached;
import org.luodi.events.MilestoneVerified;
import org.luodi.events.Verdict;
import org.luodi.events.Leaders;
import org.luodi.events.PatronageAssigned;
import org.luodi.events.Departments;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.RuleViolationException;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One investment project from signing to production (SPEC §2). Command handlers decide, in this order: who may
 * (403), whether the input is sound (400), whether the lifecycle allows it (409); then they apply one event.
 * Event sourcing handlers only assign.
 */
@Aggregate(cache = "aggregateCache")
public class InvestmentProject {
    private static final String ARRIVAL_NO_FOR_FUNDS =
            "只有到位资金需要指明第几笔";

    @AggregateIdentifier
    private String projectId;
    /** What the project is: name, township, chain, contract amount (corrections applied) and the rest. */
    private ProjectAttributes attributes;
    private LocalDate signedOn;
    private LocalDate registeredOn;
    private LocalDate startedOn;
    private LocalDate storedOn;
    private LocalDate productionOn;
    private LocalDate terminatedOn;
    private boolean voided;
    private final Map<Integer, Arrival> arrivals = new HashMap<>();
    private int lastArrivalNo;
    /** The planned investment as 入库 restated it, corrections applied. */
    private BigDecimal plannedInvestmentWan;
    /** The department credited as 引荐单位, or null. */
    private String creditedTo;
    private String leader;
    private String serviceTeam;

    /** A fund arrival as the aggregate needs it to check corrections; {@code wan} is null for USD. */
    private record Arrival(LocalDate arrivedOn, SourceRegion source, BigDecimal wan) {
    }

    protected InvestmentProject() {
        // for Axon
    }

    @CommandHandler
    public InvestmentProject(SignProject cmd, MetaData metaData, Clock clock, ReferenceData reference,
                             Plausibility plausibility, LeadSignings leads) {
        Actor actor = Actor.from(metaData);
        actor.mustBeClerk();
        // Here the township is input: a missing or unknown code is a 400 before it can tell whose project this is.
        Checks checks = new Checks(clock)
                .text("name", cmd.name(), 200, true)
                .text("investor", cmd.investor(), 200, true)
                .required("township", cmd.township())
                .that(cmd.township() == null || reference.isTownship(cmd.township()), "township",
                        "未知的乡镇代码")
                .required("industryChain", cmd.industryChain())
                .that(cmd.industryChain() == null || reference.isIndustryChain(cmd.industryChain()),
                        "industryChain", "未知的产业链代码")
                .required("industrial", cmd.industrial())
                .positive("contractAmountWan", cmd.contractAmountWan())
                .required("sourceRegion", cmd.sourceRegion())
                .date("signedOn", cmd.signedOn())
                .that(cmd.introducedBy() == null || cmd.introducedBy().isBlank()
                        || Departments.isDepartment(cmd.introducedBy().strip()), "introducedBy", "未知的部门代码")
                .that(noNulls(cmd.types()), "types", "未知的项目类型")
                .that(noNulls(cmd.investorCategories()), "investorCategories", "未知的投资方类别");
        if (cmd.plannedInvestmentWan() != null) {
            checks.positive("plannedInvestmentWan", cmd.plannedInvestmentWan());
        }
        checks.throwIfAny();
        actor.mustBeClerkOf(cmd.township());
        plausibility.contract(cmd.contractAmountWan(), "contractAmountWan", cmd.confirmImplausible());
        plausibility.planned(cmd.plannedInvestmentWan(), cmd.contractAmountWan(), "plannedInvestmentWan",
                cmd.confirmImplausible());
        // the lead decides whether it may sign (its stage, its 评审, whose it is) and is closed in this unit of work
        List<String> credited = cmd.leadId() == null ? List.of()
                : leads.sign(cmd.leadId(), cmd.projectId(), cmd.township(), cmd.signedOn(), cmd.contractAmountWan());
        apply(new ProjectSigned(cmd.projectId(), cmd.name().strip(), cmd.investor().strip(), cmd.township(),
                cmd.industryChain(), cmd.industrial(), cmd.contractAmountWan(), cmd.sourceRegion(), cmd.signedOn(),
                blankToNull(cmd.introducedBy()), null, cmd.plannedInvestmentWan(), cmd.types(),
                cmd.investorCategories(), cmd.leadId(), credited));
    }

    @CommandHandler
    public void handle(RegisterCompany cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeClerkOf(attributes.township());
        new Checks(clock)
                .date("registeredOn", cmd.registeredOn())
                .text("companyName", cmd.companyName(), 200, true)
                .required("creditCode", cmd.creditCode())
                .that(cmd.creditCode() == null || CreditCode.isValid(cmd.creditCode()), "creditCode",
                        "统一社会信用代码无效（18 位，校验位不符）")
                .required("foreignInvested", cmd.foreignInvested())
                .throwIfAny();
        mustBeOpen();
        once(registeredOn, "registeredOn", "已登记注册");
        dates().withRegistered(cmd.registeredOn()).check("registeredOn");
        // 外向型 is optional in the API (absent: not 外向型), so that clients written before it keep working
        apply(new CompanyRegistered(projectId, cmd.registeredOn(), cmd.companyName().strip(), cmd.creditCode(),
                cmd.foreignInvested(), Boolean.TRUE.equals(cmd.exportOriented())));
    }

    @CommandHandler
    public void handle(StartConstruction cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeClerkOf(attributes.township());
        new Checks(clock).date("startedOn", cmd.startedOn()).required("kind", cmd.kind()).throwIfAny();
        mustBeOpen();
        once(startedOn, "startedOn", "已开工");
        dates().withStarted(cmd.startedOn()).check("startedOn");
        apply(new ConstructionStarted(projectId, cmd.startedOn(), cmd.kind()));
    }

    @CommandHandler
    public void handle(StoreProject cmd, MetaData metaData, Clock clock, Plausibility plausibility) {
        Actor.from(metaData).mustBeClerkOf(attributes.township());
        new Checks(clock)
                .date("storedOn", cmd.storedOn())
                .positive("plannedInvestmentWan", cmd.plannedInvestmentWan())
                .throwIfAny();
        mustBeOpen();
        once(storedOn, "storedOn", "已入库");
        dates().withStored(cmd.storedOn()).check("storedOn");
        plausibility.planned(cmd.plannedInvestmentWan(), attributes.contractAmountWan(), "plannedInvestmentWan",
                cmd.confirmImplausible());
        apply(new ProjectStored(projectId, cmd.storedOn(), cmd.plannedInvestmentWan()));
    }

    @CommandHandler
    public void handle(StartProduction cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeClerkOf(attributes.township());
        new Checks(clock).date("productionOn", cmd.productionOn()).throwIfAny();
        mustBeOpen();
        once(productionOn, "productionOn", "已投产");
        dates().withProduction(cmd.productionOn()).check("productionOn");
        apply(new ProductionStarted(projectId, cmd.productionOn()));
    }

    @CommandHandler
    public void handle(RecordFundsArrival cmd, MetaData metaData, Clock clock, Plausibility plausibility) {
        Actor.from(metaData).mustBeClerkOf(attributes.township());
        Checks checks = new Checks(clock).date("arrivedOn", cmd.arrivedOn()).required("source", cmd.source());
        if (cmd.source() == SourceRegion.FOREIGN) {
            checks.positive("amountUsdWan", cmd.amountUsdWan())
                    .absent("amountWan", cmd.amountWan(), "外资请填写 amountUsdWan（万美元）");
        } else if (cmd.source() != null) {
            checks.positive("amountWan", cmd.amountWan())
                    .absent("amountUsdWan", cmd.amountUsdWan(), "内资请填写 amountWan（万元）");
        }
        checks.throwIfAny();
        mustBeOpen();
        int arrivalNo = lastArrivalNo + 1;
        dates().withFunds(arrivalNo, cmd.arrivedOn()).check("arrivedOn");
        if (cmd.amountWan() != null) {
            // only 万元 count: the contract is in 万元, and Luodi keeps no exchange rate to weigh 万美元 by
            plausibility.funds(cnyFunds(null).add(cmd.amountWan()), attributes.contractAmountWan(), "amountWan",
                    cmd.confirmImplausible());
        }
        apply(new FundsArrived(projectId, arrivalNo, cmd.arrivedOn(), cmd.source(), cmd.amountWan(),
                cmd.amountUsdWan()));
    }

    @CommandHandler
    public void handle(TerminateProject cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeClerkOf(attributes.township());
        new Checks(clock)
                .date("terminatedOn", cmd.terminatedOn())
                .text("reason", cmd.reason(), 500, true)
                .throwIfAny();
        mustBeOpen();
        dates().withTerminated(cmd.terminatedOn()).check("terminatedOn");
        apply(new ProjectTerminated(projectId, cmd.terminatedOn(), cmd.reason().strip()));
    }

    @CommandHandler
    public void handle(CorrectMilestone cmd, MetaData metaData, Clock clock, Plausibility plausibility) {
        Actor.from(metaData).mustBeClerkOfOrSupervisor(attributes.township());
        Checks checks = new Checks(clock)
                .required("milestone", cmd.milestone())
                .text("reason", cmd.reason(), 500, true)
                .that(cmd.date() != null || cmd.amountWan() != null || cmd.amountUsdWan() != null, "date",
                        "请填写更正后的日期或金额")
                .that(namesArrivalOnlyForFunds(cmd.milestone(), cmd.arrivalNo()), "arrivalNo", ARRIVAL_NO_FOR_FUNDS);
        if (cmd.date() != null) {
            checks.date("date", cmd.date());
        }
        if (cmd.amountWan() != null) {
            checks.positive("amountWan", cmd.amountWan());
        }
        if (cmd.amountUsdWan() != null) {
            checks.positive("amountUsdWan", cmd.amountUsdWan());
        }
        checks.throwIfAny();
        mustNotBeVoided();
        Arrival arrival = cmd.milestone() == Milestone.FUNDS ? arrival(cmd.arrivalNo()) : null;
        checkCorrectedAmounts(cmd, arrival);
        LocalDate current = dateOf(cmd.milestone(), cmd.arrivalNo());
        if (current == null) {
            throw new RuleViolationException(ErrorCode.MILESTONE_NOT_RECORDED, "milestone", "该里程碑尚未记录，无法更正");
        }
        if (cmd.date() != null) {
            withDate(cmd.milestone(), cmd.arrivalNo(), cmd.date()).check("date");
        }
        checkCorrectedPlausibility(cmd, plausibility);
        apply(new MilestoneCorrected(projectId, cmd.milestone(), cmd.arrivalNo(), cmd.date(), cmd.amountWan(),
                cmd.amountUsdWan(), cmd.reason().strip()));
    }

    @CommandHandler
    public void handle(RetractMilestone cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeSupervisor();
        new Checks(clock)
                .required("milestone", cmd.milestone())
                .text("reason", cmd.reason(), 500, true)
                .that(namesArrivalOnlyForFunds(cmd.milestone(), cmd.arrivalNo()), "arrivalNo", ARRIVAL_NO_FOR_FUNDS)
                .throwIfAny();
        mustNotBeVoided();
        if (cmd.milestone() == Milestone.SIGNING) {
            throw new RuleViolationException(ErrorCode.MILESTONE_SIGNING_PERMANENT, "milestone",
                    "签约不能撤销，误录请作废项目");
        }
        if (cmd.milestone() == Milestone.FUNDS) {
            arrival(cmd.arrivalNo());
        } else if (dateOf(cmd.milestone(), null) == null) {
            throw new RuleViolationException(ErrorCode.MILESTONE_NOT_RECORDED, "milestone", "该里程碑尚未记录，无法撤销");
        }
        withDate(cmd.milestone(), cmd.arrivalNo(), null).check("milestone");
        apply(new MilestoneRetracted(projectId, cmd.milestone(), cmd.arrivalNo(), cmd.reason().strip()));
    }

    @CommandHandler
    public void handle(VoidProject cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeSupervisor();
        new Checks(clock).text("reason", cmd.reason(), 500, true).throwIfAny();
        mustNotBeVoided();
        apply(new ProjectVoided(projectId, cmd.reason().strip()));
    }

    /** 引荐单位更正: credit to another department or to none; only supervisors, with a reason (SPEC, #16). */
    @CommandHandler
    public void handle(CorrectCredit cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeSupervisor();
        String department = blankToNull(cmd.department());
        new Checks(clock)
                .that(department == null || Departments.isDepartment(department), "department", "未知的部门代码")
                .text("reason", cmd.reason(), 500, true)
                .that(!Objects.equals(department, creditedTo), "department", "引荐单位与现有记录相同，无需更正")
                .throwIfAny();
        mustNotBeVoided();
        apply(new CreditCorrected(projectId, department, cmd.reason().strip()));
    }

    /**
     * 包保: a supervisor names the city leader and the 服务专班 of the project, or takes them away, with a reason; the
     * assignment replaces the previous one whole (seed 000 line 100, #19).
     */
    @CommandHandler
    public void handle(AssignPatronage cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeSupervisor();
        String newLeader = blankToNull(cmd.leader());
        String newTeam = cmd.serviceTeam() == null ? null : cmd.serviceTeam().strip();
        new Checks(clock)
                .that(newLeader == null || Leaders.isLeader(newLeader), "leader", "未知的市领导代码")
                .that(newTeam == null || !newTeam.isEmpty(), "serviceTeam", "不能为空白；不设服务专班时不填")
                .text("serviceTeam", newTeam, 100, false)
                .text("reason", cmd.reason(), 500, true)
                .that(!Objects.equals(newLeader, leader) || !Objects.equals(newTeam, serviceTeam), "leader",
                        "包保领导和服务专班与现有记录相同，无需更改")
                .throwIfAny();
        mustNotBeVoided();
        apply(new PatronageAssigned(projectId, newLeader, newTeam, cmd.reason().strip()));
    }

    /**
     * 更正项目信息: by a supervisor or the clerk of the project's township, with a reason; only a supervisor moves a
     * project to another township. Amounts are weighed as at signing, and only when the correction changes them.
     */
    @CommandHandler
    public void handle(CorrectAttributes cmd, MetaData metaData, Clock clock, ReferenceData reference,
                       Plausibility plausibility) {
        Actor actor = Actor.from(metaData);
        actor.mustBeClerkOfOrSupervisor(attributes.township());
        ProjectAttributes after = AttributeCorrection.after(cmd, attributes, clock, reference);
        if (!after.township().equals(attributes.township())) {
            actor.mustBeSupervisorToMove();
        }
        mustNotBeVoided();
        weighCorrectedAmounts(after, plausibility, cmd.confirmImplausible());
        apply(new AttributesCorrected(projectId, attributes, after, cmd.reason().strip()));
    }

    /**
     * 实证: the project's clerk or a supervisor attaches a stored file as proof of a milestone the project has reached
     * (any fund arrival for 到位资金), or of the project as a whole; a void project takes none (#19).
     */
    @CommandHandler
    public void handle(AttachEvidence cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeClerkOfOrSupervisor(attributes.township());
        new Checks(clock)
                .required("evidenceId", cmd.evidenceId())
                .required("file", cmd.file())
                .required("kind", cmd.file() == null ? null : cmd.file().kind())
                .that(cmd.milestone() != Milestone.TERMINATION, "milestone", "解约无需实证")
                .throwIfAny();
        mustNotBeVoided();
        if (cmd.milestone() != null) {
            mustHaveReached(cmd.milestone(), "尚未记录，不能为它附上实证");
        }
        apply(new EvidenceAttached(projectId, cmd.evidenceId(), cmd.milestone(), cmd.file()));
    }

    /** 核实: a supervisor finds a reached milestone 已核实 or 存疑; 存疑 always says why (#19). */
    @CommandHandler
    public void handle(VerifyMilestone cmd, MetaData metaData, Clock clock) {
        Actor.from(metaData).mustBeSupervisor();
        new Checks(clock)
                .required("milestone", cmd.milestone())
                .that(cmd.milestone() != Milestone.TERMINATION, "milestone", "解约无需核实")
                .required("verdict", cmd.verdict())
                .text("reason", cmd.reason(), 500, cmd.verdict() == Verdict.DOUBTFUL)
                .that(cmd.verdict() == Verdict.DOUBTFUL || cmd.reason() == null || !cmd.reason().isBlank(), "reason",
                        "不能为空白；不写理由时不填")
                .throwIfAny();
        mustNotBeVoided();
        mustHaveReached(cmd.milestone(), "尚未记录，无从核实");
        apply(new MilestoneVerified(projectId, cmd.milestone(), cmd.verdict(), blankToNull(cmd.reason())));
    }

    // ---- rules shared by the handlers

    private void mustHaveReached(Milestone milestone, String why) {
        boolean reached = milestone == Milestone.FUNDS ? !arrivals.isEmpty() : dateOf(milestone, null) != null;
        if (!reached) {
            throw new RuleViolationException(ErrorCode.MILESTONE_NOT_RECORDED, "milestone", milestone.label() + why);
        }
    }

    /** arrivalNo names an arrival; on any other milestone the event would claim an arrival it is not about. */
    private static boolean namesArrivalOnlyForFunds(Milestone milestone, Integer arrivalNo) {
        return arrivalNo == null || milestone == null || milestone == Milestone.FUNDS;
    }

    private void mustNotBeVoided() {
        if (voided) {
            throw new RuleViolationException(ErrorCode.PROJECT_VOID, "项目已作废");
        }
    }

    /** New milestones need a live project: not void, not terminated. */
    /** What a ticket raised on this project needs of it (command.ticket): its township now, void or terminated. */
    public ProjectStanding standing() {
        return new ProjectStanding(projectId, attributes.township(), voided, terminatedOn != null);
    }

    private void mustBeOpen() {
        mustNotBeVoided();
        if (terminatedOn != null) {
            throw new RuleViolationException(ErrorCode.PROJECT_TERMINATED, "项目已解约，只能更正");
        }
    }

    private static void once(LocalDate existing, String field, String message) {
        if (existing != null) {
            throw new RuleViolationException(ErrorCode.MILESTONE_ALREADY_RECORDED, field, message);
        }
    }

    private Arrival arrival(Integer arrivalNo) {
        if (arrivalNo == null) {
            throw new InvalidInputException("arrivalNo", "请指明第几笔到位资金");
        }
        Arrival arrival = arrivals.get(arrivalNo);
        if (arrival == null) {
            throw new RuleViolationException(ErrorCode.FUNDS_NO_SUCH_ARRIVAL, "arrivalNo",
                    "没有第 " + arrivalNo + " 笔到位资金");
        }
        return arrival;
    }

    /** Only SIGNING (contract), STORAGE (planned investment) and FUNDS carry an amount, in their own currency. */
    private static void checkCorrectedAmounts(CorrectMilestone cmd, Arrival arrival) {
        boolean foreign = arrival != null && arrival.source() == SourceRegion.FOREIGN;
        boolean takesWan = cmd.milestone() == Milestone.SIGNING || cmd.milestone() == Milestone.STORAGE
                || (arrival != null && !foreign);
        if (cmd.amountWan() != null && !takesWan) {
            throw new InvalidInputException("amountWan", "该里程碑没有人民币金额");
        }
        if (cmd.amountUsdWan() != null && !foreign) {
            throw new InvalidInputException("amountUsdWan", "该里程碑没有外币金额");
        }
    }

    /** A corrected amount is weighed as a new one would be, against the amounts it is compared with. */
    private void checkCorrectedPlausibility(CorrectMilestone cmd, Plausibility plausibility) {
        BigDecimal amount = cmd.amountWan();
        if (amount == null) {
            return;
        }
        Boolean confirmed = cmd.confirmImplausible();
        switch (cmd.milestone()) {
            case SIGNING -> {
                plausibility.contract(amount, "amountWan", confirmed);
                plausibility.funds(cnyFunds(null), amount, "amountWan", confirmed);
                plausibility.planned(plannedInvestmentWan, amount, "amountWan", confirmed);
                plausibility.planned(attributes.plannedInvestmentWan(), amount, "amountWan", confirmed);
            }
            case STORAGE -> plausibility.planned(amount, attributes.contractAmountWan(), "amountWan", confirmed);
            case FUNDS -> plausibility.funds(cnyFunds(cmd.arrivalNo()).add(amount), attributes.contractAmountWan(),
                    "amountWan", confirmed);
            default -> {
                // no other milestone carries an amount (checkCorrectedAmounts refused it)
            }
        }
    }

    /** A corrected contract amount or plan is weighed as at signing against the amounts it is compared with. */
    private void weighCorrectedAmounts(ProjectAttributes after, Plausibility plausibility, Boolean confirmed) {
        boolean contract = !ProjectAttributes.sameAmount(after.contractAmountWan(), attributes.contractAmountWan());
        if (contract) {
            plausibility.contract(after.contractAmountWan(), "contractAmountWan", confirmed);
            plausibility.funds(cnyFunds(null), after.contractAmountWan(), "contractAmountWan", confirmed);
            plausibility.planned(plannedInvestmentWan, after.contractAmountWan(), "contractAmountWan", confirmed);
        }
        if (contract || !ProjectAttributes.sameAmount(after.plannedInvestmentWan(), attributes.plannedInvestmentWan())) {
            plausibility.planned(after.plannedInvestmentWan(), after.contractAmountWan(), "plannedInvestmentWan",
                    confirmed);
        }
    }

    /** The 万元 arrivals in total, leaving out arrival {@code except} (null: none left out). */
    private BigDecimal cnyFunds(Integer except) {
        return arrivals.entrySet().stream()
                .filter(a -> !a.getKey().equals(except) && a.getValue().wan() != null)
                .map(a -> a.getValue().wan())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private LocalDate dateOf(Milestone milestone, Integer arrivalNo) {
        return switch (milestone) {
            case SIGNING -> signedOn;
            case REGISTRATION -> registeredOn;
            case START -> startedOn;
            case STORAGE -> storedOn;
            case PRODUCTION -> productionOn;
            case TERMINATION -> terminatedOn;
            case FUNDS -> arrivalNo == null || !arrivals.containsKey(arrivalNo) ? null
                    : arrivals.get(arrivalNo).arrivedOn();
        };
    }

    /** The dates as they would be if {@code milestone} had {@code date} (null: as if it never happened). */
    private MilestoneDates withDate(Milestone milestone, Integer arrivalNo, LocalDate date) {
        MilestoneDates dates = dates();
        return switch (milestone) {
            case SIGNING -> dates.withSigned(date);
            case REGISTRATION -> dates.withRegistered(date);
            case START -> dates.withStarted(date);
            case STORAGE -> dates.withStored(date);
            case PRODUCTION -> dates.withProduction(date);
            case TERMINATION -> dates.withTerminated(date);
            case FUNDS -> {
                Map<Integer, LocalDate> funds = new HashMap<>(dates.funds());
                if (date == null) {
                    funds.remove(arrivalNo);
                } else {
                    funds.put(arrivalNo, date);
                }
                yield new MilestoneDates(signedOn, registeredOn, startedOn, storedOn, productionOn, terminatedOn,
                        Map.copyOf(funds));
            }
        };
    }

    private MilestoneDates dates() {
        Map<Integer, LocalDate> funds = new HashMap<>();
        arrivals.forEach((no, a) -> funds.put(no, a.arrivedOn()));
        return new MilestoneDates(signedOn, registeredOn, startedOn, storedOn, productionOn, terminatedOn,
                Map.copyOf(funds));
    }

    private static boolean noNulls(java.util.Collection<?> flags) {
        return flags == null || flags.stream().noneMatch(Objects::isNull);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- event sourcing: assign only

    @EventSourcingHandler
    void on(ProjectSigned e) {
        projectId = e.projectId();
        attributes = e.attributes();
        signedOn = e.signedOn();
        creditedTo = e.introducedBy();
    }

    @EventSourcingHandler
    void on(AttributesCorrected e) {
        attributes = e.after();
    }

    @EventSourcingHandler
    void on(CreditCorrected e) {
        creditedTo = e.department();
    }

    @EventSourcingHandler
    void on(PatronageAssigned e) {
        leader = e.leader();
        serviceTeam = e.serviceTeam();
    }

    @EventSourcingHandler
    void on(CompanyRegistered e) {
        registeredOn = e.registeredOn();
    }

    @EventSourcingHandler
    void on(ConstructionStarted e) {
        startedOn = e.startedOn();
    }

    @EventSourcingHandler
    void on(ProjectStored e) {
        storedOn = e.storedOn();
        plannedInvestmentWan = e.plannedInvestmentWan();
    }

    @EventSourcingHandler
    void on(ProductionStarted e) {
        productionOn = e.productionOn();
    }

    @EventSourcingHandler
    void on(FundsArrived e) {
        arrivals.put(e.arrivalNo(), new Arrival(e.arrivedOn(), e.source(), e.amountWan()));
        lastArrivalNo = Math.max(lastArrivalNo, e.arrivalNo());
    }

    @EventSourcingHandler
    void on(ProjectTerminated e) {
        terminatedOn = e.terminatedOn();
    }

    @EventSourcingHandler
    void on(MilestoneCorrected e) {
        if (e.date() != null) {
            setDate(e.milestone(), e.arrivalNo(), e.date());
        }
        if (e.amountWan() != null) {
            switch (e.milestone()) {
                case SIGNING -> attributes = attributes.withContractAmountWan(e.amountWan());
                case STORAGE -> plannedInvestmentWan = e.amountWan();
                case FUNDS -> arrivals.computeIfPresent(e.arrivalNo(),
                        (no, a) -> new Arrival(a.arrivedOn(), a.source(), e.amountWan()));
                default -> {
                    // no other milestone carries an amount
                }
            }
        }
    }

    @EventSourcingHandler
    void on(MilestoneRetracted e) {
        setDate(e.milestone(), e.arrivalNo(), null);
    }

    @EventSourcingHandler
    void on(ProjectVoided e) {
        voided = true;
    }

    private void setDate(Milestone milestone, Integer arrivalNo, LocalDate date) {
        switch (milestone) {
            case SIGNING -> signedOn = date;
            case REGISTRATION -> registeredOn = date;
            case START -> startedOn = date;
            case STORAGE -> {
                storedOn = date;
                if (date == null) {
                    plannedInvestmentWan = null;
                }
            }
            case PRODUCTION -> productionOn = date;
            case TERMINATION -> terminatedOn = date;
            case FUNDS -> {
                if (date == null) {
                    arrivals.remove(arrivalNo);
                } else {
                    arrivals.computeIfPresent(arrivalNo, (no, a) -> new Arrival(date, a.source(), a.wan()));
                }
            }
        }
    }
}
