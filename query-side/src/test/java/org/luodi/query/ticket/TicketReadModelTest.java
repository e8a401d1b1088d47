package org.luodi.query.ticket;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.EscalationLevel;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.TicketAnswered;
import org.luodi.events.TicketAssigned;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketClosed;
import org.luodi.events.TicketEscalated;
import org.luodi.events.TicketEvent;
import org.luodi.events.TicketRaised;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.SseStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * The tickets' read model on PostgreSQL, every figure counted by hand. Each event is recorded at 10:00 on its day.
 * <pre>
 * P1 高新区, P2 陈贵镇, both signed 2024-09-01
 * T1 P1 raised 09-27, to 市自然资源和规划局 (dept32) 09-27, 5 working days: due 10-10; answered 10-09
 * T2 P1 raised 09-27, to dept32 09-27, due 10-10; never answered
 * T3 P2 raised 10-08, to 市住建局 (dept33) 10-08, 3 working days: due 10-11; escalated to a 专题会议 10-14
 * T4 P1 raised 10-08, never assigned
 * T5 P2 raised 10-08, to dept33 10-08, due 10-11; answered 10-10; closed 10-12
 * </pre>
 * Today is 2026-01-15 (the isolated clock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "luodi.tickets.sweep-interval-ms=3600000")
class TicketReadModelTest extends IsolatedQuerySideTest {
    private static final String LAND = "dept32";
    private static final String HOUSING = "dept33";

    @Autowired
    OverdueTickets overdueTickets;

    private String p1;
    private String p2;
    private final String t1 = UUID.randomUUID().toString();
    private final String t2 = UUID.randomUUID().toString();
    private final String t3 = UUID.randomUUID().toString();
    private final String t4 = UUID.randomUUID().toString();
    private final String t5 = UUID.randomUUID().toString();

    @BeforeEach
    void recordTheTickets() {
        if (p1 != null) {
            return;
        }
        p1 = recorder.signed("gaoxin", "12000", day("2024-09-01"));
        p2 = recorder.signed("chengui", "12000", day("2024-09-01"));
        raise(t1, p1, "gaoxin", "2024-09-27");
        assign(t1, LAND, "2024-09-27", 5, "2024-10-10");
        answer(t1, LAND, "2024-10-09");
        raise(t2, p1, "gaoxin", "2024-09-27");
        assign(t2, LAND, "2024-09-27", 5, "2024-10-10");
        raise(t3, p2, "chengui", "2024-10-08");
        assign(t3, HOUSING, "2024-10-08", 3, "2024-10-11");
        supervisor(new TicketEscalated(t3, day("2024-10-14"), EscalationLevel.MEETING, "涉及三个部门"), "涉及三个部门");
        raise(t4, p1, "gaoxin", "2024-10-08");
        raise(t5, p2, "chengui", "2024-10-08");
        assign(t5, HOUSING, "2024-10-08", 3, "2024-10-11");
        answer(t5, HOUSING, "2024-10-10");
        supervisor(new TicketClosed(t5, day("2024-10-12"), "企业确认已解决"), "企业确认已解决");
        recorder.awaitProjections();
    }

    @Test
    void eachDepartmentsOpenAndOverdueTicketsOnAnyDay() {
        // 10-10: T1 answered, T2 due today (not yet late) for dept32; T3 waiting, T5 answered for dept33
        assertThat(counts("2024-10-10", null)).containsExactly("dept32 2/0", "dept33 2/0");
        // 10-12: T2 two days late; T3 a day late, T5 closed that day
        assertThat(counts("2024-10-12", null)).containsExactly("dept32 2/1", "dept33 1/1");
        // 10-14: T3 escalated, no longer the department's
        assertThat(counts("2024-10-14", null)).containsExactly("dept32 2/1");
        assertThat(counts(null, null)).as("today, from the tickets' rows").containsExactly("dept32 2/1");
        // as known before the escalation was recorded
        assertThat(counts("2024-10-14", "2024-10-14T09:00:00+08:00")).containsExactly("dept32 2/1", "dept33 1/1");
        JsonNode all = supervisor().get("/api/tickets/departments").ok();
        assertThat(all.path("open").asLong()).isEqualTo(2);
        assertThat(all.path("overdue").asLong()).isEqualTo(1);
    }

    @Test
    void aClerkSeesItsTownshipsTicketsADepartmentThoseAssignedToIt() {
        assertThat(ids(supervisor(), "")).as("and another test's").contains(t1, t2, t3, t4, t5);
        assertThat(ids(supervisor(), "overdue=true")).containsExactly(t2);
        assertThat(ids(as("gaoxin"), "")).containsExactlyInAnyOrder(t1, t2, t4);
        assertThat(ids(as("lingxiang"), "")).isEmpty();
        assertThat(ids(as(LAND), "")).containsExactlyInAnyOrder(t1, t2);
        assertThat(ids(as(HOUSING), "")).containsExactlyInAnyOrder(t3, t5);
        assertThat(ids(as(HOUSING), "open=true")).as("closed ones left out").containsExactly(t3);
        assertThat(ids(supervisor(), "department=dept32&status=ASSIGNED")).containsExactly(t2);
        assertThat(ids(supervisor(), "project=" + p1)).containsExactlyInAnyOrder(t1, t2, t4);

        assertThat(as("gaoxin").get("/api/tickets", "township", "chengui").status()).isEqualTo(403);
        assertThat(as(LAND).get("/api/tickets", "department", HOUSING).status()).isEqualTo(403);
        assertThat(as("gaoxin").get("/api/tickets/" + t5).json().path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(as(LAND).get("/api/tickets/" + t5).status()).isEqualTo(403);
        assertThat(as(HOUSING).get("/api/tickets/" + t5).status()).isEqualTo(200);
        assertThat(supervisor().get("/api/tickets/" + UUID.randomUUID()).json().path("code").asText())
                .isEqualTo("ticket.not-found");
        assertThat(as("gaoxin").get("/api/tickets/departments").ok().path("rows").get(0).path("overdue").asLong())
                .as("a clerk counts its own township's tickets").isEqualTo(1);
        assertThat(as("chengui").get("/api/tickets/departments").ok().path("rows")).isEmpty();
        assertThat(as(HOUSING).get("/api/tickets/departments").ok().path("rows")).isEmpty();
        assertThat(as(LAND).get("/api/tickets/departments").ok().path("rows")).hasSize(1);
    }

    @Test
    void aTicketsPageShowsItsStateAndItsHistory() {
        JsonNode t = supervisor().get("/api/tickets/" + t2).ok();
        assertThat(t.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(t.path("statusName").asText()).isEqualTo("办理中");
        assertThat(t.path("overdue").asBoolean()).isTrue();
        assertThat(t.path("daysOverdue").asLong()).as("2024-10-10 to 2026-01-15").isEqualTo(462);
        assertThat(t.path("departmentName").asText()).isEqualTo("市自然资源和规划局");
        assertThat(t.path("projectName").asText()).startsWith("项目");
        assertThat(t.path("history")).hasSize(2);
        assertThat(t.path("history").get(1).path("summary").asText())
                .isEqualTo("交办市自然资源和规划局，5 个工作日内答复（2024-10-10 前）");
        JsonNode asOf = supervisor().get("/api/tickets/" + t2, "asOf", "2024-10-10").ok();
        assertThat(asOf.path("overdue").asBoolean()).as("the deadline day itself is in time").isFalse();
        JsonNode closed = supervisor().get("/api/tickets/" + t5).ok();
        assertThat(closed.path("history").get(3).path("reason").asText()).isEqualTo("企业确认已解决");
        assertThat(closed.path("history").get(3).path("typeName").asText()).isEqualTo("销号");
        assertThat(closed.path("answer").asText()).isEqualTo("已办理");
    }

    @Test
    void theBulletinCountsEachDepartmentsTicketsAtTheMonthsEnd() throws Exception {
        // 10-31: T1 answered and T2 three weeks late (dept32); T3 escalated and T5 closed (dept33)
        JsonNode bulletin = supervisor().get("/api/bulletin", "year", 2024, "month", 10).ok();
        assertThat(bulletin.path("tickets")).hasSize(1);
        assertThat(bulletin.path("tickets").get(0).path("department").asText()).isEqualTo(LAND);
        assertThat(bulletin.path("tickets").get(0).path("open").asLong()).isEqualTo(2);
        assertThat(bulletin.path("tickets").get(0).path("overdue").asLong()).isEqualTo(1);
        // 09-30: T1 and T2 both waiting on dept32, neither late
        JsonNode september = supervisor().get("/api/bulletin", "year", 2024, "month", 9).ok();
        assertThat(september.path("tickets").get(0).path("open").asLong()).isEqualTo(2);
        assertThat(september.path("tickets").get(0).path("overdue").asLong()).isZero();
        byte[] xlsx = supervisor().get("/api/bulletin.xlsx", "year", 2024, "month", 10).bytes();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("问题交办");
            assertThat(sheet).isNotNull();
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            var first = sheet.getRow(4);
            assertThat(formatter.formatCellValue(first.getCell(0))).isEqualTo("市自然资源和规划局");
            assertThat(formatter.formatCellValue(first.getCell(1))).isEqualTo("2");
            assertThat(formatter.formatCellValue(first.getCell(2))).isEqualTo("1");
            assertThat(formatter.formatCellValue(sheet.getRow(5).getCell(0))).isEqualTo("合计");
        }
    }

    @Test
    void aSupervisorExtendsTheWorkingDayCalendarWithAReason() {
        JsonNode unknown = supervisor().get("/api/working-days", "year", 2027).ok();
        assertThat(unknown.path("inCalendar").asBoolean()).isFalse();
        assertThat(unknown.path("note").asText()).contains("按周一至周五");
        assertThat(supervisor().get("/api/working-days", "year", 2024).ok().path("days")).hasSize(36);

        long before = jdbc.queryForObject("SELECT count(*) FROM working_day_change", Long.class);
        var refused = as("gaoxin").exchange(org.springframework.http.HttpMethod.POST, "/api/working-days", """
                {"day":"2027-01-01","kind":"HOLIDAY","name":"元旦","reason":"国务院通知"}""");
        assertThat(refused.status()).isEqualTo(403);
        var invalid = supervisor().exchange(org.springframework.http.HttpMethod.POST, "/api/working-days", """
                {"day":"2027-01-01","kind":"HOLIDAY"}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsText("field")).containsExactly("name", "reason");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM working_day_change", Long.class)).isEqualTo(before);

        var made = supervisor().exchange(org.springframework.http.HttpMethod.POST, "/api/working-days", """
                {"day":"2027-01-01","kind":"HOLIDAY","name":"元旦","reason":"国务院通知"}""");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode known = supervisor().get("/api/working-days", "year", 2027).ok();
        assertThat(known.path("inCalendar").asBoolean()).isTrue();
        assertThat(known.path("changes").get(0).path("recordedBy").asText()).isEqualTo("supervisor");
        assertThat(known.path("changes").get(0).path("reason").asText()).isEqualTo("国务院通知");
    }

    /**
     * T2's deadline lapsed: pushed once, to the supervisors and 高新区's clerks, not to 陈贵镇's, and owed once to
     * 高新区's group robot, not to 陈贵镇's.
     */
    @Test
    void eachLapseIsPushedOnceToThoseWhoMayReadItsTownship() {
        long gaoxinRobot = robot("gaoxin");
        long chenguiRobot = robot("chengui");
        String stream = "/api/alerts/stream";
        try (SseStream supervisor = SseStream.open(port, "supervisor", stream, null);
             SseStream gaoxin = SseStream.open(port, "gaoxin", stream, null);
             SseStream chengui = SseStream.open(port, "chengui", stream, null)) {
            overdueTickets.scheduled();
            SseStream.Event pushed = supervisor.await(e -> "ticketOverdue".equals(e.name()), Duration.ofSeconds(5));
            assertThat(pushed).isNotNull();
            assertThat(pushed.json().path("ticketId").asText()).isEqualTo(t2);
            assertThat(pushed.json().path("message").asText())
                    .isEqualTo("高新区交办市自然资源和规划局的问题已过答复期限（2024-10-10）仍未答复");
            assertThat(gaoxin.await(e -> "ticketOverdue".equals(e.name()), Duration.ofSeconds(5))).isNotNull();
            assertThat(chengui.received()).noneMatch(e -> "ticketOverdue".equals(e.name()));
        }
        assertThat(overdueTickets.sweep(day("2026-01-16"))).as("announced once").isEmpty();
        assertThat(jdbc.queryForList("SELECT notice_key || ' ' || kind || ' ' || title FROM notify_delivery "
                + "WHERE robot_id = ?", String.class, gaoxinRobot))
                .containsExactly("ticket-" + t2 + "-2024-10-10 OVERDUE_TICKET 【问题交办】逾期未答复");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notify_delivery WHERE robot_id = ?", Long.class,
                chenguiRobot)).isZero();
    }

    /** A township's group robot, switched on (its URL answers nothing: only what is owed to it is looked at). */
    private long robot(String township) {
        return jdbc.queryForObject("INSERT INTO notify_robot (name, platform, url, township, created_by, created_at, "
                + "reason) VALUES (?, 'WECOM', 'http://127.0.0.1:9/robot', ?, 'supervisor', now(), '测试') "
                + "RETURNING id", Long.class, township + "群", township);
    }

    @Test
    void aMovedProjectTakesItsTicketsAlong() {
        String p3 = recorder.signed("baoan", "12000", day("2024-09-01"));
        String t6 = UUID.randomUUID().toString();
        raise(t6, p3, "baoan", "2024-10-08");
        recorder.recordingAt(shanghai("2024-10-20T10:00:00"))
                .attributesCorrected(p3, a -> new ProjectAttributes(a.name(), a.investor(), "jinhu",
                        a.industryChain(), a.industrial(), a.sourceRegion(), a.contractAmountWan(),
                        a.plannedInvestmentWan(), a.types(), a.investorCategories()));
        recorder.recordingAt(null).awaitProjections();
        assertThat(ids(as("jinhu"), "")).containsExactly(t6);
        assertThat(ids(as("baoan"), "")).isEmpty();
    }

    /**
     * The state a raise and a move handled at the same moment by two segments can leave (the ticket kept the township
     * it was raised in, the move is recorded): the ticket is still read where its project now is.
     */
    @Test
    void aTicketFollowsItsProjectsMoveWhicheverWasHandledFirst() {
        String p4 = recorder.signed("baoan", "12000", day("2024-09-01"));
        String t7 = UUID.randomUUID().toString();
        raise(t7, p4, "baoan", "2024-10-09");
        recorder.recordingAt(null).awaitProjections();
        jdbc.update("INSERT INTO ticket_project_township (project_id, township) VALUES (?, 'jinhu')", p4);
        assertThat(ids(as("jinhu"), "")).contains(t7);
        assertThat(ids(as("baoan"), "")).doesNotContain(t7);
    }

    private List<String> counts(String asOf, String knownAt) {
        JsonNode answer = supervisor().get("/api/tickets/departments", "asOf", asOf, "knownAt", knownAt).ok();
        List<String> rows = new ArrayList<>();
        answer.path("rows").forEach(r -> rows.add(r.path("department").asText() + " " + r.path("open").asLong() + "/"
                + r.path("overdue").asLong()));
        return rows;
    }

    private List<String> ids(org.luodi.query.ApiClient who, String query) {
        JsonNode page = who.exchange(org.springframework.http.HttpMethod.GET, "/api/tickets?size=200&" + query, null)
                .ok();
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(t -> ids.add(t.path("ticketId").asText()));
        return ids;
    }

    private void raise(String ticket, String project, String township, String on) {
        record(new TicketRaised(ticket, project, township, TicketCategory.LAND, "净地未交付", day(on)), township,
                "CLERK", township, null, null);
    }

    private void assign(String ticket, String department, String on, int days, String due) {
        supervisor(new TicketAssigned(ticket, department, day(on), days, day(due), false, null), null);
    }

    private void answer(String ticket, String department, String on) {
        record(new TicketAnswered(ticket, department, day(on), "已办理"), department, "DEPARTMENT", null, department,
                null);
    }

    private void supervisor(TicketEvent event, String reason) {
        record(event, "supervisor", "SUPERVISOR", null, null, reason);
    }

    private void record(TicketEvent event, String actor, String role, String township, String department,
                        String reason) {
        recorder.events().ticket(event, shanghai(event.occurredOn() + "T10:00:00"), actor, role, township,
                department, reason);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
