package org.luodi.command.lead;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
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
import org.luodi.events.LeadSource;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.events.ReviewKind;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.testing.MutableClock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** Every rule of a lead, given / when / then. Today is 2024-06-28 in Shanghai. */
class LeadTest {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 28);
    static final String ID = "5a0c7e12-3b4d-4f6a-8b9c-0d1e2f3a4b5c";
    static final String EARLIER = "6b1d8f23-4c5e-4a7b-9cad-1e2f3a4b5c6d";
    static final String CODE = "91420281MA4F0A0A0" + org.luodi.events.CreditCode.checkCharacter("91420281MA4F0A0A0");

    static final Map<String, Object> GAOXIN_CLERK = Map.of("role", "CLERK", "township", "gaoxin", "actor", "gaoxin");
    static final Map<String, Object> CHENGUI_CLERK = Map.of("role", "CLERK", "township", "chengui", "actor", "chengui");
    static final Map<String, Object> COMMERCE = Map.of("role", "DEPARTMENT", "department", "dept38", "actor", "dept38");
    static final Map<String, Object> SUPERVISOR = Map.of("role", "SUPERVISOR", "actor", "supervisor");
    static final Map<String, Object> ADMIN = Map.of("role", "ADMIN", "actor", "admin");
    static final Map<String, Object> LEADER = Map.of("role", "LEADER", "actor", "leader01");

    /** The leads the fake registry knows, as the command-side table would hold them. */
    private final List<Object[]> known = new ArrayList<>();
    private final AggregateTestFixture<Lead> fixture = fixture();

    private AggregateTestFixture<Lead> fixture() {
        AggregateTestFixture<Lead> fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(MutableClock.on(TODAY));
        fixture.registerInjectableResource(ReferenceData.daye());
        fixture.registerInjectableResource(new LeadRegistry() {
            @Override
            public List<EarlierReport> earlierReports(String unit, String creditCode, String investor,
                                                      String project) {
                return known.stream().filter(k -> !k[1].equals(unit))
                        .filter(k -> creditCode != null && creditCode.equals(k[2])
                                || InvestorNames.key(investor).equals(InvestorNames.key((String) k[3]))
                                && InvestorNames.similarProjects(project, (String) k[4]))
                        .map(k -> new EarlierReport((String) k[0], (String) k[1], (LocalDate) k[5],
                                creditCode != null && creditCode.equals(k[2]) ? "统一社会信用代码相同" : "投资方名称相同且项目相近"))
                        .toList();
            }

            @Override
            public void remember(String leadId, String unit, String creditCode, String investor, String project,
                                 LocalDate recordedOn) {
                known.add(new Object[]{leadId, unit, creditCode, investor, project, recordedOn});
            }
        });
        return fixture;
    }

    static RecordLead record() {
        return new RecordLead(ID, "湖北光谷新材料有限公司", null, "高性能铜基新材料项目", new BigDecimal("20000"),
                List.of("大冶有色", "劲牌"), LeadSource.BUSINESS_REFERRAL, null, null);
    }

    static LeadRecorded recorded() {
        return new LeadRecorded(ID, "gaoxin", "湖北光谷新材料有限公司", null, "高性能铜基新材料项目",
                new BigDecimal("20000"), List.of("大冶有色", "劲牌"), LeadSource.BUSINESS_REFERRAL, "gaoxin",
                TODAY, List.of());
    }

    static LeadRecorded large() {
        return new LeadRecorded(ID, "dept38", "某央企", null, "新能源基地", new BigDecimal("50000"), List.of(),
                LeadSource.CHAMBER, "chengui", LocalDate.of(2024, 3, 1), List.of());
    }

    static LeadAssessed assessed(LocalDate on) {
        return new LeadAssessed(ID, on, "符合铜基新材料产业链方向，建议跟进");
    }

    static LeadNegotiationStarted talks(LocalDate on) {
        return new LeadNegotiationStarted(ID, on, "市长");
    }

    @Test
    void aTownshipReportsALeadThatSettlesThere() {
        fixture.givenNoPriorActivity().andGivenCommands()
                .when(record(), GAOXIN_CLERK)
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded());
        assertThat(known).hasSize(1);
    }

    @Test
    void aDepartmentAndTheCenterReportForThemselves() {
        fixture.givenNoPriorActivity().when(record(), COMMERCE)
                .expectEvents(new LeadRecorded(ID, "dept38", "湖北光谷新材料有限公司", null, "高性能铜基新材料项目",
                        new BigDecimal("20000"), List.of("大冶有色", "劲牌"), LeadSource.BUSINESS_REFERRAL, null, TODAY,
                        List.of()));
        fixture.givenNoPriorActivity().when(new RecordLead("7c2e9a34-5d6f-4b8c-8dbe-2f3a4b5c6d7e", "某公司", null,
                        "项目", BigDecimal.TEN, null, LeadSource.ONLINE, "chengui", LocalDate.of(2024, 1, 5)), SUPERVISOR)
                .expectEvents(new LeadRecorded("7c2e9a34-5d6f-4b8c-8dbe-2f3a4b5c6d7e", "center", "某公司", null, "项目",
                        BigDecimal.TEN, List.of(), LeadSource.ONLINE, "chengui", LocalDate.of(2024, 1, 5), List.of()));
    }

    @Test
    void administratorsAndLeadersReportNoLeads() {
        fixture.givenNoPriorActivity().when(record(), ADMIN).expectNoEvents().expectException(forbidden());
        fixture.givenNoPriorActivity().when(record(), LEADER).expectNoEvents().expectException(forbidden());
        assertThat(known).isEmpty();
    }

    @Test
    void aTownshipReportsOnlyForItself() {
        fixture.givenNoPriorActivity()
                .when(new RecordLead(ID, "某公司", null, "项目", BigDecimal.TEN, null, LeadSource.ONLINE, "chengui", null),
                        GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_OTHER_TOWNSHIP));
        assertThat(known).isEmpty();
    }

    @Test
    void badInputNamesEveryField() {
        fixture.givenNoPriorActivity()
                .when(new RecordLead(ID, "某公司", null, "项目", new BigDecimal("0.0000001"), null, LeadSource.ONLINE,
                        null, LocalDate.of(1999, 12, 31)), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("expectedAmountWan", "on"));
        fixture.givenNoPriorActivity()
                .when(new RecordLead(ID, " ", "91420281MA4F0A0A0X", null, new BigDecimal("-1"), null, null,
                        "nowhere", TODAY.plusDays(1)), GAOXIN_CLERK)
                .expectNoEvents()
                .expectException(invalid("investor", "creditCode", "project", "expectedAmountWan", "source",
                        "township", "on"));
        assertThat(known).isEmpty();
    }

    @Test
    void theSameInvestorFromAnotherUnitIsFlaggedWithTheEarlierLead() {
        known.add(new Object[]{EARLIER, "chengui", null, "湖北光谷新材料有限责任公司", "铜基新材料项目",
                LocalDate.of(2024, 5, 2)});
        // full-width letters and spaces, another company suffix, a like project: the same investor
        fixture.givenNoPriorActivity()
                .when(new RecordLead(ID, "湖北 光谷新材料 有限公司", null, "高性能铜基新材料项目", new BigDecimal("20000"),
                        null, LeadSource.AGENCY, null, null), GAOXIN_CLERK)
                .expectEvents(new LeadRecorded(ID, "gaoxin", "湖北 光谷新材料 有限公司", null, "高性能铜基新材料项目",
                        new BigDecimal("20000"), List.of(), LeadSource.AGENCY, "gaoxin", TODAY,
                        List.of(new EarlierReport(EARLIER, "chengui", LocalDate.of(2024, 5, 2), "投资方名称相同且项目相近"))));
    }

    @Test
    void aCreditCodeMatchesWhateverTheName() {
        known.add(new Object[]{EARLIER, "dept38", CODE, "另一个名字", "另一个项目", LocalDate.of(2024, 5, 2)});
        fixture.givenNoPriorActivity()
                .when(new RecordLead(ID, "湖北光谷新材料有限公司", CODE, "高性能铜基新材料项目", new BigDecimal("20000"),
                        null, LeadSource.AGENCY, null, null), GAOXIN_CLERK)
                .expectSuccessfulHandlerExecution()
                .expectState(lead -> assertThat(known).hasSize(2));
    }

    @Test
    void theSameUnitOrAnUnlikeProjectIsNoDuplicate() {
        known.add(new Object[]{EARLIER, "gaoxin", null, "湖北光谷新材料有限公司", "高性能铜基新材料项目",
                LocalDate.of(2024, 5, 2)});
        known.add(new Object[]{"8d3f0b45-6e7a-4c9d-9ecf-3a4b5c6d7e8f", "chengui", null, "湖北光谷新材料有限公司",
                "物流园", LocalDate.of(2024, 5, 2)});
        fixture.givenNoPriorActivity().when(record(), GAOXIN_CLERK).expectEvents(recorded());
    }

    @Test
    void stepsGoInOrder() {
        fixture.given(recorded()).when(new StartNegotiation(ID, TODAY, "市长"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded()).when(new AssessLead(ID, "建议跟进", null), GAOXIN_CLERK)
                .expectEvents(new LeadAssessed(ID, TODAY, "建议跟进"));
        fixture.given(recorded(), assessed(TODAY)).when(new AssessLead(ID, "再研判", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded(), assessed(TODAY)).when(new StartNegotiation(ID, TODAY, "市长"), GAOXIN_CLERK)
                .expectEvents(talks(TODAY));
        fixture.given(recorded(), assessed(TODAY))
                .when(new ReviewLead(ID, ReviewKind.PRE_REVIEW, true, "同意", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded(), assessed(TODAY), talks(TODAY))
                .when(new ReviewLead(ID, ReviewKind.PRE_REVIEW, true, "产业、用地、政策均符合", null), GAOXIN_CLERK)
                .expectEvents(new LeadReviewed(ID, ReviewKind.PRE_REVIEW, TODAY, true, "产业、用地、政策均符合"));
    }

    @Test
    void aStepIsNeitherInTheFutureNorBeforeTheOneItFollows() {
        fixture.given(large()).when(new AssessLead(ID, "建议跟进", LocalDate.of(2024, 2, 28)), COMMERCE)
                .expectNoEvents().expectException(conflict("on"));
        fixture.given(large()).when(new AssessLead(ID, "建议跟进", TODAY.plusDays(1)), COMMERCE)
                .expectNoEvents().expectException(invalid("on"));
        fixture.given(large(), new LeadAssessed(ID, LocalDate.of(2024, 3, 5), "跟进"))
                .when(new StartNegotiation(ID, LocalDate.of(2024, 3, 4), "市长"), COMMERCE)
                .expectNoEvents().expectException(conflict("firstTalkOn"));
        fixture.given(large(), new LeadAssessed(ID, LocalDate.of(2024, 3, 5), "跟进"))
                .when(new StartNegotiation(ID, null, " "), COMMERCE)
                .expectNoEvents().expectException(invalid("firstTalkOn", "ledBy"));
    }

    @Test
    void onlyItsUnitsAndSupervisorsWorkOnALead() {
        fixture.given(large()).when(new AssessLead(ID, "跟进", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        fixture.given(large()).when(new AssessLead(ID, "跟进", null), LEADER)
                .expectNoEvents().expectException(forbidden());
        // the township it would settle in works on it with the department that reported it
        fixture.given(large()).when(new AssessLead(ID, "跟进", null), CHENGUI_CLERK)
                .expectEvents(new LeadAssessed(ID, TODAY, "跟进"));
        fixture.given(large()).when(new AssessLead(ID, "跟进", null), SUPERVISOR)
                .expectEvents(new LeadAssessed(ID, TODAY, "跟进"));
    }

    @Test
    void pausedLeadsResumeWhereTheyWere() {
        fixture.given(recorded(), assessed(TODAY), talks(TODAY))
                .when(new SuspendLead(ID, "投资方资金紧张"), GAOXIN_CLERK)
                .expectEvents(new LeadSuspended(ID, TODAY, LeadStage.NEGOTIATING, "投资方资金紧张"));
        fixture.given(recorded(), new LeadSuspended(ID, TODAY, LeadStage.INFO, "等"))
                .when(new SuspendLead(ID, "再等"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded(), new LeadSuspended(ID, TODAY, LeadStage.INFO, "等"))
                .when(new AssessLead(ID, "跟进", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded(), new LeadSuspended(ID, TODAY, LeadStage.INFO, "等"))
                .when(new ReportProgress(ID, "进展", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded(), new LeadSuspended(ID, TODAY, LeadStage.INFO, "等"))
                .when(new ResumeLead(ID, "资金到位"), GAOXIN_CLERK)
                .expectEvents(new LeadResumed(ID, TODAY, LeadStage.INFO, "资金到位"));
        fixture.given(recorded()).when(new ResumeLead(ID, "资金到位"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(recorded()).when(new SuspendLead(ID, " "), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("reason"));
    }

    @Test
    void anAbandonedLeadTakesNoMoreSteps() {
        fixture.given(recorded()).when(new AbandonLead(ID, "投资方转投外地"), GAOXIN_CLERK)
                .expectEvents(new LeadAbandoned(ID, TODAY, "投资方转投外地"));
        fixture.given(recorded(), new LeadAbandoned(ID, TODAY, "转投外地"))
                .when(new AbandonLead(ID, "再放弃"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_CLOSED));
        fixture.given(recorded(), new LeadAbandoned(ID, TODAY, "转投外地"))
                .when(new AssessLead(ID, "跟进", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_CLOSED));
    }

    @Test
    void progressIsReportedOnAnOpenLead() {
        fixture.given(recorded(), assessed(TODAY), talks(TODAY))
                .when(new ReportProgress(ID, "第二轮洽谈，用地意向已明确", null), GAOXIN_CLERK)
                .expectEvents(new LeadProgressReported(ID, TODAY, "第二轮洽谈，用地意向已明确"));
    }

    @Test
    void aSupervisorConfirmsWhoReportedFirst() {
        LeadRecorded flagged = new LeadRecorded(ID, "gaoxin", "湖北光谷新材料有限公司", null, "铜基新材料",
                new BigDecimal("20000"), List.of(), LeadSource.AGENCY, "gaoxin", TODAY,
                List.of(new EarlierReport(EARLIER, "chengui", LocalDate.of(2024, 5, 2), "投资方名称相同且项目相近")));
        fixture.given(flagged).when(new ConfirmFirstReport(ID, EARLIER, "陈贵镇 5 月已对接，有会议纪要"), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        fixture.given(flagged).when(new ConfirmFirstReport(ID, EARLIER, "陈贵镇 5 月已对接，有会议纪要"), SUPERVISOR)
                .expectEvents(new LeadFirstReportConfirmed(ID, "chengui", EARLIER, TODAY));
        fixture.given(flagged).when(new ConfirmFirstReport(ID, ID, "陈贵镇的报送未经对接"), SUPERVISOR)
                .expectEvents(new LeadFirstReportConfirmed(ID, "gaoxin", ID, TODAY));
        fixture.given(flagged).when(new ConfirmFirstReport(ID, "9e4a1c56-7f8b-4dae-afd0-4b5c6d7e8f90", "理由"),
                        SUPERVISOR)
                .expectNoEvents().expectException(conflict("firstLeadId"));
        fixture.given(flagged).when(new ConfirmFirstReport(ID, EARLIER, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
        fixture.given(recorded()).when(new ConfirmFirstReport(ID, ID, "理由"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
    }

    @Test
    void aStepsDateIsCorrectedInOrder() {
        fixture.given(large(), new LeadAssessed(ID, LocalDate.of(2024, 3, 5), "跟进"), new LeadNegotiationStarted(ID,
                        LocalDate.of(2024, 4, 1), "市长"))
                .when(new CorrectLeadDate(ID, "LeadNegotiationStarted", LocalDate.of(2024, 3, 20), "会议纪要日期为准"),
                        COMMERCE)
                .expectEvents(new LeadDateCorrected(ID, "LeadNegotiationStarted", LocalDate.of(2024, 3, 20), TODAY));
        fixture.given(large(), new LeadAssessed(ID, LocalDate.of(2024, 3, 5), "跟进"), new LeadNegotiationStarted(ID,
                        LocalDate.of(2024, 4, 1), "市长"))
                .when(new CorrectLeadDate(ID, "LeadAssessed", LocalDate.of(2024, 4, 2), "理由"), COMMERCE)
                .expectNoEvents().expectException(conflict("date"));
        fixture.given(large())
                .when(new CorrectLeadDate(ID, "LeadAssessed", LocalDate.of(2024, 3, 2), "理由"), COMMERCE)
                .expectNoEvents().expectException(conflict(ErrorCode.LEAD_OUT_OF_ORDER));
        fixture.given(large())
                .when(new CorrectLeadDate(ID, "LeadRecorded", LocalDate.of(2024, 3, 2), null), COMMERCE)
                .expectNoEvents().expectException(invalid("step", "reason"));
    }
}
