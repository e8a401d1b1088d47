package org.luodi.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.luodi.events.AttributesCorrected;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.CreditCorrected;
import org.luodi.events.PatronageAssigned;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
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
import org.luodi.query.processing.ProcessingProgress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Writes a scenario's events into the real event store, as the township's clerk (supervisors void and retract).
 * Each event is recorded the day after its business date at 09:00 Shanghai unless {@link #recordingAt} says when;
 * a void or a retraction, which has no business date, needs {@link #recordingAt}.
 */
public class Recorder {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final RecordedEvents events;
    private final ProcessingProgress progress;
    private final Map<String, String> townshipOf = new HashMap<>();
    private final Map<String, ProjectAttributes> attributesOf = new HashMap<>();
    private final Map<String, Integer> arrivals = new HashMap<>();
    private final Set<String> unique = new HashSet<>();
    private Instant fixedRecordTime;

    public Recorder(EventStore eventStore, ProcessingProgress progress) {
        this.events = new RecordedEvents(eventStore);
        this.progress = progress;
    }

    /** Records every following event at {@code instant} (null: the day after its business date). */
    public Recorder recordingAt(Instant instant) {
        this.fixedRecordTime = instant;
        return this;
    }

    public static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** An industrial project of the smart-equipment chain. */
    public String signed(String township, String amountWan, LocalDate signedOn) {
        return signed(township, "smart-equipment", true, amountWan, signedOn);
    }

    public String signed(String township, String chain, boolean industrial, String amountWan, LocalDate signedOn) {
        return signed(township, chain, industrial, amountWan, signedOn, null, SourceRegion.OUT_OF_PROVINCE);
    }

    /** An industrial project of the smart-equipment chain whose investor comes from {@code source}. */
    public String signedFrom(String township, SourceRegion source, String amountWan, LocalDate signedOn) {
        return signed(township, "smart-equipment", true, amountWan, signedOn, null, source);
    }

    /** A project of the smart-equipment chain credited to {@code department} (引荐单位). */
    public String credited(String township, String department, String amountWan, LocalDate signedOn) {
        return signed(township, "smart-equipment", true, amountWan, signedOn, department, SourceRegion.OUT_OF_PROVINCE);
    }

    private String signed(String township, String chain, boolean industrial, String amountWan, LocalDate signedOn,
                          String department, SourceRegion source) {
        String id = UUID.randomUUID().toString();
        signed(new ProjectSigned(id, "项目" + id.substring(0, 8), "投资方", township, chain, industrial,
                new BigDecimal(amountWan), source, signedOn, department, null));
        return id;
    }

    /** A project of the smart-equipment chain signed with its planned investment and types (ProjectSigned 3). */
    public String signedWithPlan(String township, String amountWan, LocalDate signedOn, String plannedWan,
                                 Set<ProjectType> types) {
        String id = UUID.randomUUID().toString();
        signed(new ProjectSigned(id, "项目" + id.substring(0, 8), "投资方", township, "smart-equipment", true,
                new BigDecimal(amountWan), SourceRegion.OUT_OF_PROVINCE, signedOn, null, null,
                new BigDecimal(plannedWan), types, Set.of()));
        return id;
    }

    private void signed(ProjectSigned signing) {
        townshipOf.put(signing.projectId(), signing.township());
        attributesOf.put(signing.projectId(), signing.attributes());
        record(signing, signing.signedOn());
    }

    public void registered(String id, LocalDate on, boolean foreignInvested) {
        registered(id, on, foreignInvested, false);
    }

    public void registered(String id, LocalDate on, boolean foreignInvested, Boolean exportOriented) {
        record(new CompanyRegistered(id, on, "公司" + id.substring(0, 8), "91420281MA4F" + id.substring(0, 6),
                foreignInvested, exportOriented), on);
    }

    public void started(String id, LocalDate on) {
        record(new ConstructionStarted(id, on, StartKind.NEW), on);
    }

    /** 复工/续建: construction resumed, or continued from an earlier year. */
    public void resumed(String id, LocalDate on) {
        record(new ConstructionStarted(id, on, StartKind.RESUMED), on);
    }

    public void stored(String id, LocalDate on, String plannedInvestmentWan) {
        record(new ProjectStored(id, on, new BigDecimal(plannedInvestmentWan)), on);
    }

    public void inProduction(String id, LocalDate on) {
        record(new ProductionStarted(id, on), on);
    }

    public void terminated(String id, LocalDate on) {
        record(new ProjectTerminated(id, on, "投资方资金链断裂"), on);
    }

    /** Domestic funds (万元) or, for FOREIGN, 万美元. */
    public void funds(String id, LocalDate on, SourceRegion source, String amount) {
        int arrivalNo = arrivals.merge(id, 1, Integer::sum);
        BigDecimal value = new BigDecimal(amount);
        record(new FundsArrived(id, arrivalNo, on, source, source == SourceRegion.FOREIGN ? null : value,
                source == SourceRegion.FOREIGN ? value : null), on);
    }

    public void correctedSigning(String id, LocalDate date, String amountWan) {
        record(new MilestoneCorrected(id, Milestone.SIGNING, null, date,
                amountWan == null ? null : new BigDecimal(amountWan), null, "录入错误"), date);
    }

    public void retracted(String id, Milestone milestone) {
        supervisor(new MilestoneRetracted(id, milestone, null, "仪式开工，未实际施工"));
    }

    public void voided(String id) {
        supervisor(new ProjectVoided(id, "重复录入"));
    }

    /** 更正项目信息 by a supervisor; the project's clerk is the new township's from then on. */
    public void attributesCorrected(String id, UnaryOperator<ProjectAttributes> change) {
        ProjectAttributes before = attributesOf.get(id);
        ProjectAttributes after = change.apply(before);
        supervisor(new AttributesCorrected(id, before, after, "经核实更正项目信息"));
        attributesOf.put(id, after);
        townshipOf.put(id, after.township());
    }

    public void creditCorrected(String id, String department) {
        supervisor(new CreditCorrected(id, department, "经核实更正引荐单位"));
    }

    /** 包保 by a supervisor: the city leader (a code of leaders-daye.csv, or null) and the 服务专班 (or null). */
    public void patronage(String id, String leader, String serviceTeam) {
        supervisor(new PatronageAssigned(id, leader, serviceTeam, "重点项目包保"));
    }

    /** The events as written, for events of other aggregates (tickets). */
    public RecordedEvents events() {
        return events;
    }

    /** Waits until every read model shows everything recorded so far. */
    public void awaitProjections() {
        ProcessingWait.untilCaughtUp(progress);
    }

    private void record(ProjectEvent event, LocalDate businessDate) {
        Instant at = fixedRecordTime != null ? fixedRecordTime
                : businessDate.plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant();
        events.byClerk(townshipOf.get(event.projectId()), event, at);
    }

    private void supervisor(ProjectEvent event) {
        if (fixedRecordTime == null) {
            throw new IllegalStateException("say when a void or retraction is recorded: recordingAt(…)");
        }
        events.bySupervisor(event, fixedRecordTime, "督查更正");
    }
}
