package org.luodi.command.lead;

import org.luodi.command.api.InputChecks;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.luodi.command.lead.LeadCommands.AbandonLead;
import org.luodi.command.lead.LeadCommands.AssessLead;
import org.luodi.command.lead.LeadCommands.ConfirmFirstReport;
import org.luodi.command.lead.LeadCommands.CorrectLeadDate;
import org.luodi.command.lead.LeadCommands.RecordLead;
import org.luodi.command.lead.LeadCommands.ReportProgress;
import org.luodi.command.lead.LeadCommands.ResumeLead;
import org.luodi.command.lead.LeadCommands.ReviewLead;
import org.luodi.command.lead.LeadCommands.StartNegotiation;
import org.luodi.command.lead.LeadCommands.SuspendLead;
import org.luodi.events.CreditCode;
import org.luodi.events.Departments;
import org.luodi.events.LeadAbandoned;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadDateCorrected;
import org.luodi.events.LeadFirstReportConfirmed;
import org.luodi.events.LeadNegotiationStarted;
import org.luodi.events.LeadProgressReported;
import org.luodi.events.LeadRecorded;
import org.luodi.events.LeadRecorded.EarlierReport;
import org.luodi.events.LeadResumed;
import org.luodi.events.LeadReviewed;
import org.luodi.events.LeadSigned;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.events.LeadUnits;
import org.luodi.events.ReviewKind;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.RuleViolationException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.time.ClockConfig;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.luodi.command.api.InputChecks.REASON_LIMIT;
import static org.luodi.command.api.InputChecks.TEXT_LIMIT;
import static org.luodi.command.api.InputChecks.clean;

/**
 * One lead (项目线索 / 项目信息, issue #20): reported by a township, a department of 附件2 or the 市招商服务中心, then
 * 研判, 在谈 from the 首谈, 入园预审 / 签约前评审, and 签约 (through the project's signing), or 放弃, or 暂缓 and resumed.
 * Handlers decide in the project's order: who may (403), whether the input is sound (400), whether the lead's stage
 * allows it (409); then they apply one event. A step's date may be given (a step taken on paper earlier) but is
 * never in the future nor before the step it follows.
 */
@Aggregate
public class Lead {
    private static final BigDecimal MAX_WAN = new BigDecimal("100000000"); // 1 万亿元: beyond any county's lead
    private static final int NAME_LIMIT = 200;
    private static final int MAX_TARGETS = 20;
    private static final int MAX_SCALE = 6;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    @AggregateIdentifier
    private String leadId;
    private String unit;
    private String township;
    private BigDecimal expectedAmountWan;
    private LeadStage stage;
    /** The stage a paused lead resumes at. */
    private LeadStage suspendedAt;
    private LocalDate recordedOn;
    private LocalDate assessedOn;
    private LocalDate firstTalkOn;
    private boolean contractReviewPassed;
    /** The units whose earlier leads look like this one, by lead id; empty when none. */
    private Map<String, String> earlierUnits = Map.of();
    private String firstUnit;

    protected Lead() {
        // for Axon
    }

    @CommandHandler
    public Lead(RecordLead cmd, MetaData metaData, Clock clock, ReferenceData reference, LeadRegistry registry) {
        LeadActor actor = LeadActor.from(metaData);
        actor.mustReport("只有乡镇、部门单位或市招商服务中心可以报送项目信息");
        String creditCode = clean(cmd.creditCode());
        List<String> targets = cmd.targetCompanies() == null ? List.of()
                : cmd.targetCompanies().stream().map(InputChecks::clean).filter(t -> t != null).distinct().toList();
        LocalDate today = today(clock);
        new InputChecks()
                .text("investor", cmd.investor(), NAME_LIMIT, true)
                .that(creditCode == null || CreditCode.isValid(creditCode), "creditCode", "不是有效的统一社会信用代码")
                .text("project", cmd.project(), NAME_LIMIT, true)
                .required("expectedAmountWan", cmd.expectedAmountWan())
                .that(cmd.expectedAmountWan() == null || cmd.expectedAmountWan().signum() > 0
                        && cmd.expectedAmountWan().compareTo(MAX_WAN) < 0
                        && cmd.expectedAmountWan().stripTrailingZeros().scale() <= MAX_SCALE, "expectedAmountWan",
                        "须为正数（万元），小于 1 万亿元，最多 " + MAX_SCALE + " 位小数")
                .that(cmd.targetCompanies() == null || cmd.targetCompanies().size() <= MAX_TARGETS
                        && targets.stream().allMatch(t -> t.length() <= NAME_LIMIT), "targetCompanies",
                        "最多 " + MAX_TARGETS + " 家，每家不超过 " + NAME_LIMIT + " 个字符")
                .required("source", cmd.source())
                .that(cmd.township() == null || reference.isTownship(cmd.township()), "township", "未知的乡镇代码")
                .that(cmd.on() == null || !cmd.on().isAfter(today) && !cmd.on().isBefore(EARLIEST), "on",
                        "不能晚于今天，不能早于 " + EARLIEST)
                .throwIfAny();
        String reportingUnit = actor.unit();
        if (actor.role() == org.luodi.platform.security.Role.CLERK && cmd.township() != null
                && !cmd.township().equals(reportingUnit)) {
            throw ForbiddenException.otherTownship("乡镇只能报送落地本乡镇的线索");
        }
        // a township's own lead settles there unless it says otherwise
        String settlesIn = cmd.township() != null ? cmd.township()
                : Departments.isDepartment(reportingUnit) || LeadUnits.CENTER.equals(reportingUnit) ? null
                : reportingUnit;
        List<EarlierReport> earlier = registry.earlierReports(reportingUnit, creditCode, cmd.investor(),
                cmd.project());
        LocalDate on = cmd.on() == null ? today : cmd.on();
        apply(new LeadRecorded(cmd.leadId(), reportingUnit, cmd.investor().strip(), creditCode,
                cmd.project().strip(), cmd.expectedAmountWan(), targets, cmd.source(), settlesIn, on, earlier));
        registry.remember(cmd.leadId(), reportingUnit, creditCode, cmd.investor(), cmd.project(), on);
    }

    @CommandHandler
    public void handle(AssessLead cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks().text("conclusion", cmd.conclusion(), TEXT_LIMIT, true).throwIfAny();
        LocalDate on = stepDate("on", cmd.on(), clock, recordedOn);
        mustBeOpen();
        if (stage != LeadStage.INFO) {
            throw outOfOrder("线索已研判");
        }
        apply(new LeadAssessed(leadId, on, clean(cmd.conclusion())));
    }

    @CommandHandler
    public void handle(StartNegotiation cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks()
                .required("firstTalkOn", cmd.firstTalkOn())
                .text("ledBy", cmd.ledBy(), NAME_LIMIT, true)
                .throwIfAny();
        LocalDate on = stepDate("firstTalkOn", cmd.firstTalkOn(), clock, assessedOn);
        mustBeOpen();
        if (stage == LeadStage.INFO) {
            throw outOfOrder("线索尚未研判，不能进入在谈");
        }
        if (stage != LeadStage.ASSESSED) {
            throw outOfOrder("线索已在谈");
        }
        apply(new LeadNegotiationStarted(leadId, on, clean(cmd.ledBy())));
    }

    @CommandHandler
    public void handle(ReviewLead cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks()
                .required("kind", cmd.kind())
                .required("passed", cmd.passed())
                .text("opinion", cmd.opinion(), TEXT_LIMIT, true)
                .throwIfAny();
        LocalDate on = stepDate("on", cmd.on(), clock, firstTalkOn);
        mustBeOpen();
        if (stage != LeadStage.NEGOTIATING && stage != LeadStage.REVIEWED) {
            throw outOfOrder("只有在谈的线索可以预审或评审");
        }
        apply(new LeadReviewed(leadId, cmd.kind(), on, cmd.passed(), clean(cmd.opinion())));
    }

    @CommandHandler
    public void handle(ReportProgress cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks().text("progress", cmd.progress(), TEXT_LIMIT, true).throwIfAny();
        LocalDate on = stepDate("on", cmd.on(), clock, recordedOn);
        mustBeOpen();
        if (stage == LeadStage.SUSPENDED) {
            throw outOfOrder("线索已暂缓，请先恢复跟进");
        }
        apply(new LeadProgressReported(leadId, on, clean(cmd.progress())));
    }

    /** 首报确认: a supervisor names the lead reported first among this one and its possible duplicates. */
    @CommandHandler
    public void handle(ConfirmFirstReport cmd, MetaData metaData, Clock clock) {
        LeadActor.from(metaData).mustBeSupervisor("只有市级督查人员可以确认首报单位");
        new InputChecks()
                .required("firstLeadId", cmd.firstLeadId())
                .text("reason", cmd.reason(), REASON_LIMIT, true)
                .throwIfAny();
        if (earlierUnits.isEmpty()) {
            throw outOfOrder("该线索没有疑似重复的报送，无需确认首报");
        }
        String first = leadId.equals(cmd.firstLeadId()) ? unit : earlierUnits.get(cmd.firstLeadId());
        if (first == null) {
            throw new RuleViolationException(ErrorCode.LEAD_OUT_OF_ORDER, "firstLeadId",
                    "须为本线索或其疑似重复的线索之一");
        }
        if (stage == LeadStage.SIGNED) {
            throw new RuleViolationException(ErrorCode.LEAD_CLOSED, "线索已签约，计入单位不再变更");
        }
        apply(new LeadFirstReportConfirmed(leadId, first, cmd.firstLeadId(), today(clock)));
    }

    @CommandHandler
    public void handle(SuspendLead cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks().text("reason", cmd.reason(), REASON_LIMIT, true).throwIfAny();
        mustBeOpen();
        if (stage == LeadStage.SUSPENDED) {
            throw outOfOrder("线索已暂缓");
        }
        apply(new LeadSuspended(leadId, today(clock), stage, clean(cmd.reason())));
    }

    @CommandHandler
    public void handle(ResumeLead cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks().text("reason", cmd.reason(), REASON_LIMIT, true).throwIfAny();
        mustBeOpen();
        if (stage != LeadStage.SUSPENDED) {
            throw outOfOrder("只有暂缓的线索可以恢复跟进");
        }
        apply(new LeadResumed(leadId, today(clock), suspendedAt, clean(cmd.reason())));
    }

    @CommandHandler
    public void handle(AbandonLead cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        new InputChecks().text("reason", cmd.reason(), REASON_LIMIT, true).throwIfAny();
        mustBeOpen();
        apply(new LeadAbandoned(leadId, today(clock), clean(cmd.reason())));
    }

    /** The date of 研判 or 首谈 was wrong: still after what precedes it and before what follows, never future. */
    @CommandHandler
    public void handle(CorrectLeadDate cmd, MetaData metaData, Clock clock) {
        mustReach(metaData);
        boolean assessment = "LeadAssessed".equals(cmd.step());
        boolean firstTalk = "LeadNegotiationStarted".equals(cmd.step());
        new InputChecks()
                .that(assessment || firstTalk, "step", "须为 LeadAssessed 或 LeadNegotiationStarted")
                .required("date", cmd.date())
                .text("reason", cmd.reason(), REASON_LIMIT, true)
                .throwIfAny();
        LocalDate recorded = assessment ? assessedOn : firstTalkOn;
        if (recorded == null) {
            throw outOfOrder("该步骤尚未记录，无法更正");
        }
        LocalDate after = assessment ? recordedOn : assessedOn;
        LocalDate before = assessment ? firstTalkOn : null;
        LocalDate today = today(clock);
        if (cmd.date().isAfter(today) || cmd.date().isBefore(after) || before != null && cmd.date().isAfter(before)) {
            throw new RuleViolationException(ErrorCode.LEAD_OUT_OF_ORDER, "date",
                    "日期须不晚于今天，且在前一步骤（" + after + "）之后" + (before == null ? "" : "、首谈（" + before + "）之前"));
        }
        apply(new LeadDateCorrected(leadId, cmd.step(), cmd.date(), today));
    }

    /**
     * 签约, through the project's signing ({@link LeadSignings}): a lead in talks (reviewed where its amount asks for
     * it) becomes project {@code projectId} of {@code township}, whose clerk signs; answers the credited units.
     */
    public List<String> sign(String projectId, String projectTownship, LocalDate signedOn,
                             BigDecimal contractAmountWan, MetaData metaData) {
        LeadActor actor = LeadActor.from(metaData);
        if (!projectTownship.equals(unit) && !projectTownship.equals(township)) {
            throw new ForbiddenException("该线索不是本乡镇报送或落地本乡镇的线索");
        }
        actor.mustReach(unit, township, "不能签约其他单位的线索");
        mustBeOpen();
        if (stage != LeadStage.NEGOTIATING && stage != LeadStage.REVIEWED) {
            throw new RuleViolationException(ErrorCode.LEAD_OUT_OF_ORDER, "leadId",
                    stage == LeadStage.SUSPENDED ? "线索已暂缓，请先恢复跟进" : "线索尚未进入在谈，不能签约");
        }
        if (firstTalkOn != null && signedOn.isBefore(firstTalkOn)) {
            throw new RuleViolationException(ErrorCode.LEAD_OUT_OF_ORDER, "signedOn",
                    "签约日期不能早于线索的首谈日期（" + firstTalkOn + "）");
        }
        boolean large = expectedAmountWan.compareTo(LeadUnits.REVIEW_THRESHOLD_WAN) >= 0
                || contractAmountWan != null && contractAmountWan.compareTo(LeadUnits.REVIEW_THRESHOLD_WAN) >= 0;
        if (large && !contractReviewPassed) {
            throw new RuleViolationException(ErrorCode.LEAD_REVIEW_REQUIRED, "leadId",
                    "预计或合同金额 5 亿元及以上，须先通过签约前评审（三重一大）");
        }
        List<String> credited = new ArrayList<>();
        credited.add(firstUnit != null ? firstUnit : unit);
        apply(new LeadSigned(leadId, projectId, signedOn, credited));
        return List.copyOf(credited);
    }

    private void mustReach(MetaData metaData) {
        LeadActor.from(metaData).mustReach(unit, township, "只有报送单位、落地乡镇或市级督查人员可以办理该线索");
    }

    private void mustBeOpen() {
        if (stage.closed()) {
            throw new RuleViolationException(ErrorCode.LEAD_CLOSED, stage == LeadStage.SIGNED ? "线索已签约"
                    : "线索已放弃");
        }
    }

    /** A step's date: given or today; not in the future, not before the step it follows. */
    private static LocalDate stepDate(String field, LocalDate given, Clock clock, LocalDate notBefore) {
        LocalDate today = today(clock);
        LocalDate on = given == null ? today : given;
        if (on.isAfter(today) || on.isBefore(EARLIEST)) {
            throw new org.luodi.platform.problem.InvalidInputException(field, "不能晚于今天，不能早于 " + EARLIEST);
        }
        if (notBefore != null && on.isBefore(notBefore)) {
            throw new RuleViolationException(ErrorCode.LEAD_OUT_OF_ORDER, field, "不能早于前一步骤（" + notBefore + "）");
        }
        return on;
    }

    private static RuleViolationException outOfOrder(String message) {
        return new RuleViolationException(ErrorCode.LEAD_OUT_OF_ORDER, message);
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE);
    }

    @EventSourcingHandler
    void on(LeadRecorded e) {
        leadId = e.leadId();
        unit = e.unit();
        township = e.township();
        expectedAmountWan = e.expectedAmountWan();
        recordedOn = e.recordedOn();
        stage = LeadStage.INFO;
        Map<String, String> units = new java.util.LinkedHashMap<>();
        e.possibleDuplicates().forEach(d -> units.put(d.leadId(), d.unit()));
        earlierUnits = units;
    }

    @EventSourcingHandler
    void on(LeadAssessed e) {
        assessedOn = e.assessedOn();
        stage = LeadStage.ASSESSED;
    }

    @EventSourcingHandler
    void on(LeadNegotiationStarted e) {
        firstTalkOn = e.firstTalkOn();
        stage = LeadStage.NEGOTIATING;
    }

    @EventSourcingHandler
    void on(LeadReviewed e) {
        if (e.passed()) {
            stage = LeadStage.REVIEWED;
            contractReviewPassed |= e.kind() == ReviewKind.CONTRACT_REVIEW;
        }
    }

    @EventSourcingHandler
    void on(LeadFirstReportConfirmed e) {
        firstUnit = e.firstUnit();
    }

    @EventSourcingHandler
    void on(LeadSuspended e) {
        suspendedAt = e.stage();
        stage = LeadStage.SUSPENDED;
    }

    @EventSourcingHandler
    void on(LeadResumed e) {
        stage = e.stage();
        suspendedAt = null;
    }

    @EventSourcingHandler
    void on(LeadAbandoned e) {
        stage = LeadStage.ABANDONED;
    }

    @EventSourcingHandler
    void on(LeadSigned e) {
        stage = LeadStage.SIGNED;
    }

    @EventSourcingHandler
    void on(LeadDateCorrected e) {
        if ("LeadAssessed".equals(e.step())) {
            assessedOn = e.date();
        } else if ("LeadNegotiationStarted".equals(e.step())) {
            firstTalkOn = e.date();
        }
    }
}
