package org.luodi.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Revision;
import org.luodi.events.upcasting.FundsArrivedUpcaster;
import org.luodi.events.upcasting.ProjectSignedUpcaster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one description of each event for people ("第 2 笔，省外，1,200 万元"), read by every page that shows a
 * recorded event (the project timeline, the audit search). It reads the event through its record, not through field
 * names in a page's script, so that a renamed or re-shaped field fails here at compile time or in
 * {@code EventDescriptionsTest} instead of leaving a blank on the screen; {@link #DESCRIBED_REVISIONS} makes a new
 * {@code @Revision} fail that test until its description has been looked at.
 */
public final class EventDescriptions {
    /** The revision of each event type the descriptions below were written for. */
    public static final Map<Class<? extends ProjectEvent>, String> DESCRIBED_REVISIONS = Map.ofEntries(
            Map.entry(ProjectSigned.class, "4"),
            Map.entry(CompanyRegistered.class, "2"),
            Map.entry(ConstructionStarted.class, "1"),
            Map.entry(ProjectStored.class, "1"),
            Map.entry(ProductionStarted.class, "1"),
            Map.entry(FundsArrived.class, "2"),
            Map.entry(ProjectTerminated.class, "1"),
            Map.entry(MilestoneCorrected.class, "1"),
            Map.entry(MilestoneRetracted.class, "1"),
            Map.entry(ProjectVoided.class, "1"),
            Map.entry(CreditCorrected.class, "1"),
            Map.entry(AttributesCorrected.class, "1"),
            Map.entry(PatronageAssigned.class, "1"),
            Map.entry(EvidenceAttached.class, "1"),
            Map.entry(MilestoneVerified.class, "1"));

    /** Each event type's name for people, in lifecycle order (the timeline's and the audit filter's words). */
    public static final Map<String, String> TYPE_LABELS = labels(
            ProjectSigned.class, "签约", CompanyRegistered.class, "注册", ConstructionStarted.class, "开工",
            ProjectStored.class, "入库", ProductionStarted.class, "投产", FundsArrived.class, "到位资金",
            ProjectTerminated.class, "解约", MilestoneCorrected.class, "更正", MilestoneRetracted.class, "撤销",
            ProjectVoided.class, "作废", CreditCorrected.class, "引荐单位更正", AttributesCorrected.class, "更正项目信息",
            PatronageAssigned.class, "包保", EvidenceAttached.class, "实证", MilestoneVerified.class, "核实");

    /** The revision of each ticket event type the descriptions below were written for. */
    public static final Map<Class<? extends TicketEvent>, String> DESCRIBED_TICKET_REVISIONS = Map.of(
            TicketRaised.class, "1", TicketAssigned.class, "1", TicketAnswered.class, "1",
            TicketReopened.class, "1", TicketClosed.class, "1", TicketEscalated.class, "1",
            TicketEvidenceAttached.class, "1");

    /** Each ticket event type's name for people, in the order of a ticket's life. */
    public static final Map<String, String> TICKET_TYPE_LABELS = labels(
            TicketRaised.class, "提交问题", TicketAssigned.class, "交办", TicketAnswered.class, "答复",
            TicketReopened.class, "重新交办", TicketEscalated.class, "提级", TicketClosed.class, "销号",
            TicketEvidenceAttached.class, "附件");

    /** The revision of each lead event type the descriptions below were written for. */
    public static final Map<Class<? extends LeadEvent>, String> DESCRIBED_LEAD_REVISIONS = Map.ofEntries(
            Map.entry(LeadRecorded.class, "1"), Map.entry(LeadAssessed.class, "1"),
            Map.entry(LeadNegotiationStarted.class, "1"), Map.entry(LeadReviewed.class, "1"),
            Map.entry(LeadProgressReported.class, "1"), Map.entry(LeadFirstReportConfirmed.class, "1"),
            Map.entry(LeadSuspended.class, "1"), Map.entry(LeadResumed.class, "1"),
            Map.entry(LeadAbandoned.class, "1"), Map.entry(LeadSigned.class, "1"),
            Map.entry(LeadDateCorrected.class, "1"));

    /** Each lead event type's name for people, in the order of a lead's life. */
    public static final Map<String, String> LEAD_TYPE_LABELS = labels(
            LeadRecorded.class, "报送项目信息", LeadFirstReportConfirmed.class, "首报确认", LeadAssessed.class, "研判",
            LeadNegotiationStarted.class, "首谈（在谈）", LeadProgressReported.class, "进展报告",
            LeadReviewed.class, "预审/评审", LeadSuspended.class, "暂缓", LeadResumed.class, "恢复跟进",
            LeadAbandoned.class, "放弃", LeadSigned.class, "签约", LeadDateCorrected.class, "更正日期");

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final Map<String, Class<?>> TYPES = java.util.stream.Stream.of(
                    Arrays.stream(ProjectEvent.class.getPermittedSubclasses()),
                    Arrays.stream(TicketEvent.class.getPermittedSubclasses()),
                    Arrays.stream(LeadEvent.class.getPermittedSubclasses())).flatMap(s -> s)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
    private static final String MISSING = "（金额缺失）";

    private EventDescriptions() {
    }

    /**
     * The description of a stored event given as its type's simple name and its JSON (as the history read model
     * keeps it); a row still in an older shape is brought to the present one first. Never throws: an unreadable
     * row says so.
     */
    public static String describe(String type, String json) {
        Class<?> eventClass = TYPES.get(type);
        if (eventClass == null || json == null) {
            return "（未知的记录类型 " + type + "）";
        }
        try {
            JsonNode node = JSON.readTree(json);
            if (eventClass == FundsArrived.class && !node.has("amount")) {
                node = FundsArrivedUpcaster.toRevision2(node);
            }
            if (eventClass == ProjectSigned.class && !node.has("introducedByText") && node.isObject()) {
                node = ProjectSignedUpcaster.toRevision2((ObjectNode) node);
            }
            Object event = JSON.treeToValue(node, eventClass);
            if (event instanceof LeadEvent lead) {
                return describe(lead);
            }
            return event instanceof TicketEvent ticket ? describe(ticket) : describe((ProjectEvent) event);
        } catch (Exception e) {
            return "（记录内容无法解读）";
        }
    }

    public static String describe(ProjectEvent event) {
        if (event instanceof ProjectSigned e) {
            return "合同金额 " + wan(e.contractAmountWan()) + "（" + yi(e.contractAmountWan()) + "），投资方 "
                    + text(e.investor()) + "，" + (e.industrial() ? "工业项目" : "非工业项目") + "，来源"
                    + source(e.sourceRegion()) + credit(e.introducedBy(), e.introducedByText())
                    + (e.plannedInvestmentWan() == null ? "" : "，计划总投资 " + wan(e.plannedInvestmentWan()))
                    + (e.types().isEmpty() ? "" : "，项目类型 " + AttributeChanges.flags(e.types(), ProjectType::label))
                    + (e.investorCategories().isEmpty() ? "" : "，投资方类别 "
                    + AttributeChanges.flags(e.investorCategories(), InvestorCategory::label))
                    + (e.leadId() == null ? "" : "，由项目线索转化" + (e.creditedLeadUnits().isEmpty() ? ""
                    : "（首报计入 " + e.creditedLeadUnits().stream().map(EventDescriptions::unit)
                    .collect(Collectors.joining("、")) + "）"));
        }
        if (event instanceof CompanyRegistered e) {
            return text(e.companyName()) + "，统一社会信用代码 " + text(e.creditCode())
                    + (e.foreignInvested() ? "，外资企业" : "")
                    + (Boolean.TRUE.equals(e.exportOriented()) ? "，外向型市场主体" : "");
        }
        if (event instanceof ConstructionStarted e) {
            return "开工方式：" + (e.kind() == null ? "—" : e.kind().label());
        }
        if (event instanceof ProjectStored e) {
            return "计划总投资 " + wan(e.plannedInvestmentWan());
        }
        if (event instanceof ProductionStarted) {
            return "项目投产";
        }
        if (event instanceof FundsArrived e) {
            return "第 " + e.arrivalNo() + " 笔，" + source(e.source()) + "，" + amount(e.amount());
        }
        if (event instanceof ProjectTerminated e) {
            return "合同解除：" + text(e.reason());
        }
        if (event instanceof MilestoneCorrected e) {
            StringBuilder parts = new StringBuilder();
            if (e.date() != null) {
                parts.append("日期改为 ").append(e.date());
            }
            String what = e.milestone() == Milestone.SIGNING ? "合同金额" : e.milestone() == Milestone.STORAGE
                    ? "计划总投资" : "金额";
            if (e.amountWan() != null) {
                parts.append(parts.isEmpty() ? "" : "，").append(what).append("改为 ").append(wan(e.amountWan()));
            }
            if (e.amountUsdWan() != null) {
                parts.append(parts.isEmpty() ? "" : "，").append(what).append("改为 ").append(usd(e.amountUsdWan()));
            }
            return "更正" + milestone(e.milestone()) + nth(e.arrivalNo()) + "：" + (parts.isEmpty() ? "—" : parts);
        }
        if (event instanceof MilestoneRetracted e) {
            return "撤销" + milestone(e.milestone()) + nth(e.arrivalNo()) + "，该里程碑不再计入统计";
        }
        if (event instanceof ProjectVoided) {
            return "项目作废，不再计入任何统计";
        }
        if (event instanceof CreditCorrected e) {
            return e.department() == null ? "引荐单位改为：无（不计入任何部门）"
                    : "引荐单位改为 " + departmentName(e.department());
        }
        if (event instanceof AttributesCorrected e) {
            return "更正项目信息：" + AttributeChanges.describe(e.before(), e.after());
        }
        if (event instanceof PatronageAssigned e) {
            Leaders.Leader leader = Leaders.of(e.leader());
            return "包保领导：" + (leader == null ? (e.leader() == null ? "无" : e.leader()) : leader.label())
                    + "；服务专班：" + (e.serviceTeam() == null ? "无" : e.serviceTeam());
        }
        if (event instanceof EvidenceAttached e) {
            return (e.milestone() == null ? "项目" : milestone(e.milestone())) + "实证：" + file(e.file());
        }
        if (event instanceof MilestoneVerified e) {
            return milestone(e.milestone()) + (e.verdict() == null ? "—" : e.verdict().label())
                    + (e.reason() == null ? "" : "：" + e.reason());
        }
        throw new IllegalArgumentException("no description for " + event.getClass().getSimpleName());
    }

    /** A file of proof: what it is, its name, type and size, and where and when a photo was taken. */
    static String file(EvidenceFile f) {
        if (f == null) {
            return "—";
        }
        StringBuilder text = new StringBuilder()
                .append(f.kind() == null ? "文件" : f.kind().label()).append(" ").append(text(f.fileName()))
                .append("（").append(text(f.mediaType())).append("，").append(bytes(f.size())).append("）");
        if (f.capturedAt() != null) {
            text.append("，拍摄于 ").append(f.capturedAt().toString().replace('T', ' '));
        }
        if (f.latitude() != null && f.longitude() != null) {
            text.append("，拍摄位置 ").append(String.format(Locale.ROOT, "%.5f, %.5f", f.latitude(), f.longitude()));
        }
        return text.toString();
    }

    private static String bytes(long size) {
        if (size < 1024) {
            return size + " 字节";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", size / (1024.0 * 1024));
    }

    /** A ticket's event as its timeline shows it: what was decided, with the department by name. */
    public static String describe(TicketEvent event) {
        if (event instanceof TicketRaised e) {
            return (e.category() == null ? "—" : e.category().label()) + "问题：" + text(e.description());
        }
        if (event instanceof TicketAssigned e) {
            return "交办" + departmentName(e.department()) + "，" + e.workingDays() + " 个工作日内答复（" + e.dueOn()
                    + " 前）" + assumed(e.calendarAssumed()) + (e.reason() == null ? "" : "；改交办：" + e.reason());
        }
        if (event instanceof TicketAnswered e) {
            return departmentName(e.department()) + "答复：" + text(e.answer());
        }
        if (event instanceof TicketReopened e) {
            return "重新交办" + departmentName(e.department()) + "，" + e.workingDays() + " 个工作日内答复（" + e.dueOn()
                    + " 前）" + assumed(e.calendarAssumed()) + "：" + text(e.reason());
        }
        if (event instanceof TicketEscalated e) {
            return (e.level() == null ? "提级" : e.level().label()) + "：" + text(e.reason());
        }
        if (event instanceof TicketClosed e) {
            return "销号：" + text(e.reason());
        }
        if (event instanceof TicketEvidenceAttached e) {
            return "附件：" + file(e.file());
        }
        throw new IllegalArgumentException("no description for " + event.getClass().getSimpleName());
    }

    /**
     * A lead's event as its timeline shows it. The investor is not named here: the timeline is shown to people who
     * may not see it (county leaders), and the lead's page shows it where they may.
     */
    public static String describe(LeadEvent event) {
        if (event instanceof LeadRecorded e) {
            return unit(e.unit()) + "报送：" + text(e.project()) + "，预计投资 " + wan(e.expectedAmountWan())
                    + "，来源" + (e.source() == null ? "—" : e.source().label())
                    + (e.targetCompanies().isEmpty() ? "" : "，对接企业 " + e.targetCompanies().size() + " 家")
                    + (e.possibleDuplicates().isEmpty() ? "" : "；疑似重复：" + e.possibleDuplicates().stream()
                    .map(d -> unit(d.unit()) + " " + d.recordedOn() + " 已报送（" + d.matchedBy() + "）")
                    .collect(Collectors.joining("，")));
        }
        if (event instanceof LeadAssessed e) {
            return "研判结论：" + text(e.conclusion());
        }
        if (event instanceof LeadNegotiationStarted e) {
            return "首谈 " + e.firstTalkOn() + "，" + text(e.ledBy()) + "带队";
        }
        if (event instanceof LeadReviewed e) {
            return (e.kind() == null ? "评审" : e.kind().label()) + (e.passed() ? "通过" : "未通过") + "："
                    + text(e.opinion());
        }
        if (event instanceof LeadProgressReported e) {
            return "进展：" + text(e.progress());
        }
        if (event instanceof LeadFirstReportConfirmed e) {
            return "确认首报单位：" + unit(e.firstUnit()) + "，签约后计入该单位";
        }
        if (event instanceof LeadSuspended e) {
            return "暂缓（" + (e.stage() == null ? "—" : e.stage().label()) + "阶段）：" + text(e.reason());
        }
        if (event instanceof LeadResumed e) {
            return "恢复跟进（" + (e.stage() == null ? "—" : e.stage().label()) + "阶段）：" + text(e.reason());
        }
        if (event instanceof LeadAbandoned e) {
            return "放弃：" + text(e.reason());
        }
        if (event instanceof LeadSigned e) {
            return "签约，转为项目" + (e.creditedUnits().isEmpty() ? "" : "，计入 " + e.creditedUnits().stream()
                    .map(EventDescriptions::unit).collect(Collectors.joining("、")));
        }
        if (event instanceof LeadDateCorrected e) {
            String step = LEAD_TYPE_LABELS.getOrDefault(e.step(), e.step() == null ? "—" : e.step());
            return "更正" + step + "日期为 " + e.date();
        }
        throw new IllegalArgumentException("no description for " + event.getClass().getSimpleName());
    }

    /** A unit of {@link LeadUnits} by name; a township by its code (shared-events does not read their names). */
    private static String unit(String code) {
        return LeadUnits.nameOf(code, township -> PlaceNames.township(township));
    }

    private static String assumed(boolean assumed) {
        return assumed ? "，所跨年份的节假日安排尚未录入，按周一至周五计" : "";
    }

    /** The credit of a signing: a department by name; a revision-1 free text that names none, as uncredited. */
    private static String credit(String introducedBy, String introducedByText) {
        if (introducedBy != null) {
            return "，引荐单位 " + departmentName(introducedBy);
        }
        return introducedByText == null ? "" : "，引荐单位（未认定）" + introducedByText;
    }

    private static String departmentName(String code) {
        String name = Departments.nameOf(code);
        return name == null ? code : name;
    }

    /** An amount in its own currency: "1,200 万元" or "500 万美元". */
    public static String amount(Amount amount) {
        if (amount == null || amount.wan() == null || amount.currency() == null) {
            return MISSING;
        }
        return switch (amount.currency()) {
            case CNY -> wan(amount.wan());
            case USD -> usd(amount.wan());
        };
    }

    /** "35,000 万元", every decimal the clerk typed kept. */
    public static String wan(BigDecimal wan) {
        return wan == null ? MISSING : number(wan) + " 万元";
    }

    public static String usd(BigDecimal usdWan) {
        return usdWan == null ? MISSING : number(usdWan) + " 万美元";
    }

    /** 万元 as 亿元, two decimals ("3.50 亿元"). */
    public static String yi(BigDecimal wan) {
        return wan == null ? MISSING : format("#,##0.00").format(wan.movePointLeft(4)) + " 亿元";
    }

    public static String source(SourceRegion source) {
        return source == null ? "—" : source.label();
    }

    public static String milestone(Milestone milestone) {
        return milestone == null ? "—" : milestone.label();
    }

    private static Map<String, String> labels(Object... typeThenLabel) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < typeThenLabel.length; i += 2) {
            labels.put(((Class<?>) typeThenLabel[i]).getSimpleName(), (String) typeThenLabel[i + 1]);
        }
        return Collections.unmodifiableMap(labels);
    }

    private static String nth(Integer arrivalNo) {
        return arrivalNo == null ? "" : "（第 " + arrivalNo + " 笔）";
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String number(BigDecimal value) {
        return format("#,##0.######").format(value);
    }

    private static DecimalFormat format(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    /** The revision an event class declares, for the test that keeps {@link #DESCRIBED_REVISIONS} true. */
    public static String revisionOf(Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
