package org.luodi.query.vocabulary;

import org.luodi.events.EscalationLevel;
import org.luodi.events.EventDescriptions;
import org.luodi.events.TicketAssigned;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketStatus;
import org.luodi.events.InvestorCategory;
import org.luodi.events.Milestone;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.security.Role;
import org.luodi.query.alert.AlertLevel;
import org.luodi.query.alert.AlertProperties;
import org.luodi.query.assessment.AdjustmentKind;
import org.luodi.query.bulletin.BulletinProperties;
import org.luodi.query.project.Stage;
import org.luodi.query.stats.ShareTargets;
import org.luodi.query.stats.StatsRow;
import org.luodi.query.targets.Indicator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The domain's words as the pages show them, each map from the API's code to its Chinese label in the order a form
 * lists them. Every label is defined once, on its enum (or, for event types, in {@link EventDescriptions}); this
 * record only gathers them, so that the pages render from the server instead of a copy in script.
 */
public record Vocabulary(Map<String, String> stages, Map<String, String> milestones, Map<String, String> eventTypes,
                         Map<String, String> sources, Map<String, String> startKinds, Map<String, String> roles,
                         Map<String, String> alertLevels, Map<String, String> townshipKinds,
                         Map<String, String> adjustmentKinds, Map<String, String> projectTypes,
                         Map<String, String> investorCategories, List<IndicatorWord> indicators,
                         Thresholds thresholds, Tickets tickets, Leads leads, Evidence evidence) {

    /** 实证 (#19): what a file proves (合同文本, 现场施工照片 …) and a supervisor's findings (已核实, 存疑). */
    public record Evidence(Map<String, String> kinds, Map<String, String> verdicts) {
    }

    /** The leads' words (项目线索, #20): sources, stages, reviews, event types, and the 5亿 of 签约前评审. */
    public record Leads(Map<String, String> sources, Map<String, String> stages, Map<String, String> reviewKinds,
                        Map<String, String> eventTypes, BigDecimal reviewThresholdWan, String centerName) {
    }

    /**
     * The problem tickets' words: categories, statuses, escalation levels, event types; the working days a deadline
     * has unless the supervisor says otherwise, and the most it may have.
     */
    public record Tickets(Map<String, String> categories, Map<String, String> statuses,
                          Map<String, String> escalationLevels, Map<String, String> eventTypes,
                          int defaultWorkingDays, int maxWorkingDays) {
    }

    /**
     * A target indicator: its API key, label, unit, whether recorded events measure it, and its headings in 附件1's
     * table (the group over several columns, null when it stands alone, and its own column).
     */
    public record IndicatorWord(String key, String label, String unit, String group, String column) {
    }

    /**
     * The alert thresholds in months after signing, as configured (luodi.alerts), the targets of 开工率 and
     * 入库率 (SPEC §3), and the 约谈 ladder's months running (luodi.bulletin): to the city leader in charge, then to
     * the city's top leaders; the shares seed 001 sets as goals (luodi.stats.share-targets).
     */
    public record Thresholds(int warningMonths, int overdueMonths, BigDecimal startRate, BigDecimal storageRate,
                             int leaderInChargeMonths, int topLeadersMonths, ShareTargets shares) {
    }

    /** The kinds of township in the reference data (townships-*.csv, column kind). */
    static final Map<String, String> TOWNSHIP_KINDS = ordered(
            List.of("zone", "town", "street", "farm"), List.of("园区", "镇", "街道", "农场"));

    public static Vocabulary of(AlertProperties alerts, BulletinProperties bulletin, ShareTargets shares) {
        return new Vocabulary(
                labels(Stage.values(), Stage::label),
                labels(Milestone.values(), Milestone::label),
                EventDescriptions.TYPE_LABELS,
                labels(SourceRegion.values(), SourceRegion::label),
                labels(StartKind.values(), StartKind::label),
                labels(Role.values(), Role::label),
                labels(AlertLevel.values(), AlertLevel::label),
                TOWNSHIP_KINDS,
                labels(AdjustmentKind.values(), AdjustmentKind::label),
                labels(ProjectType.values(), ProjectType::label),
                labels(InvestorCategory.values(), InvestorCategory::label),
                Arrays.stream(Indicator.values())
                        .map(i -> new IndicatorWord(i.key(), i.label(), i.unit().label(), i.group(),
                                i.column())).toList(),
                new Thresholds(alerts.warningMonths(), alerts.overdueMonths(), StatsRow.START_RATE_TARGET,
                        StatsRow.STORAGE_RATE_TARGET, bulletin.leaderInChargeMonths(), bulletin.topLeadersMonths(),
                        shares),
                new Tickets(labels(TicketCategory.values(), TicketCategory::label),
                        labels(TicketStatus.values(), TicketStatus::label),
                        labels(EscalationLevel.values(), EscalationLevel::label),
                        EventDescriptions.TICKET_TYPE_LABELS, TicketAssigned.DEFAULT_WORKING_DAYS,
                        TicketAssigned.MAX_WORKING_DAYS),
                new Leads(labels(org.luodi.events.LeadSource.values(), org.luodi.events.LeadSource::label),
                        labels(org.luodi.events.LeadStage.values(), org.luodi.events.LeadStage::label),
                        labels(org.luodi.events.ReviewKind.values(), org.luodi.events.ReviewKind::label),
                        EventDescriptions.LEAD_TYPE_LABELS, org.luodi.events.LeadUnits.REVIEW_THRESHOLD_WAN,
                        org.luodi.events.LeadUnits.CENTER_NAME),
                new Evidence(labels(org.luodi.events.EvidenceKind.values(), org.luodi.events.EvidenceKind::label),
                        labels(org.luodi.events.Verdict.values(), org.luodi.events.Verdict::label)));
    }

    private static <E extends Enum<E>> Map<String, String> labels(E[] values, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E value : values) {
            labels.put(value.name(), label.apply(value));
        }
        return Collections.unmodifiableMap(labels);
    }

    private static Map<String, String> ordered(List<String> codes, List<String> labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            map.put(codes.get(i), labels.get(i));
        }
        return Collections.unmodifiableMap(map);
    }
}
