package org.luodi.query.lead;

import org.junit.jupiter.api.Test;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadProgressReported;
import org.luodi.events.LeadRecorded;
import org.luodi.events.LeadSource;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.SseStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * Each lapse of a lead's service level (respond 1, 研判 3, feedback 5 working days) announced once, to the lead's units
 * and the supervisors. November 2024 has no holiday; 11-23 and 11-24 are a weekend. Counted by hand:
 * <pre>
 * A 高新区 reported Mon 11-18          响应 due Tue 11-19, late from 11-20
 * B 高新区 reported Tue 11-19          响应 due Wed 11-20, late from 11-21
 * C 陈贵镇 reported Mon 11-18          响应 due Tue 11-19, late from 11-20
 * D 高新区 reported Mon 11-18, paused 11-19: owes nothing
 * then on 11-21 A is assessed (研判) and C reports progress:
 * A owes 反馈 5 wd after Thu 11-21: 22, 25, 26, 27, 28 → due 11-28, late from 11-29
 * C owes 研判 3 wd after its report 11-18: 19, 20, 21 → due 11-21, late from 11-22
 * </pre>
 * So: on 11-20 A and C; again on 11-20 nothing; on 11-21 B (and, after the steps, nothing); on 11-22 C's 研判;
 * on 11-28 nothing; on 11-29 A's 反馈.
 */
@TestPropertySource(properties = "luodi.leads.sweep-interval-ms=3600000")
class OverdueLeadAnnouncementsTest extends IsolatedQuerySideTest {
    private static final String STREAM = "/api/alerts/stream";

    @Autowired
    OverdueLeadAnnouncements announcements;

    private final String a = UUID.randomUUID().toString();
    private final String b = UUID.randomUUID().toString();
    private final String c = UUID.randomUUID().toString();
    private final String d = UUID.randomUUID().toString();
    private final String ofDepartment = UUID.randomUUID().toString();

    @Test
    void eachLapseIsPushedOnceToTheLeadsUnitsAndSupervisors() {
        long gaoxinRobot = robot("gaoxin");
        long chenguiRobot = robot("chengui");
        record("gaoxin", recorded(a, "gaoxin", "2024-11-18"));
        record("gaoxin", recorded(b, "gaoxin", "2024-11-19"));
        record("chengui", recorded(c, "chengui", "2024-11-18"));
        record("gaoxin", recorded(d, "gaoxin", "2024-11-18"));
        record("gaoxin", new LeadSuspended(d, day("2024-11-19"), LeadStage.INFO, "投资方暂缓"));
        // a department's lead, settling nowhere named yet
        recorder.events().lead(new LeadRecorded(ofDepartment, "dept07", "测试投资部门线索", null, "部门项目", new BigDecimal("1000"),
                List.of(), LeadSource.OTHER, null, day("2024-11-18"), List.of()),
                shanghai("2024-11-18T10:00:00"), "dept07", "DEPARTMENT", null, null, null);
        recorder.awaitProjections();

        clock.setToday(day("2024-11-20"));
        try (SseStream supervisor = SseStream.open(port, "supervisor", STREAM, null);
             SseStream gaoxin = SseStream.open(port, "gaoxin", STREAM, null);
             SseStream chengui = SseStream.open(port, "chengui", STREAM, null);
             SseStream leader = SseStream.open(port, "leader10", STREAM, null);
             SseStream admin = SseStream.open(port, "admin", STREAM, null);
             SseStream dept07 = SseStream.open(port, "dept07", STREAM, null);
             SseStream dept32 = SseStream.open(port, "dept32", STREAM, null)) {
            announcements.scheduled();
            for (String lead : List.of(a, c, ofDepartment)) {
                assertThat(supervisor.await(e -> "leadOverdue".equals(e.name())
                        && lead.equals(e.json().path("leadId").asText()), Duration.ofSeconds(5))).isNotNull();
            }
            SseStream.Event toGaoxin = gaoxin.await(e -> "leadOverdue".equals(e.name()), Duration.ofSeconds(5));
            assertThat(toGaoxin.json().path("leadId").asText()).isEqualTo(a);
            assertThat(toGaoxin.json().path("unit").asText()).isEqualTo("gaoxin");
            assertThat(toGaoxin.json().path("obligation").asText()).isEqualTo("RESPOND");
            assertThat(toGaoxin.json().path("dueOn").asText()).isEqualTo("2024-11-19");
            assertThat(toGaoxin.json().path("message").asText()).isEqualTo("高新区报送的项目线索响应已逾期（期限 2024-11-19）");
            SseStream.Event toChengui = chengui.await(e -> "leadOverdue".equals(e.name()), Duration.ofSeconds(5));
            assertThat(toChengui.json().path("leadId").asText()).isEqualTo(c);
            assertThat(supervisor.received().stream().filter(e -> "leadOverdue".equals(e.name()))
                    .map(e -> e.json().path("leadId").asText())).containsExactlyInAnyOrder(a, c, ofDepartment);
            // a department hears of its own leads only
            SseStream.Event toDept07 = dept07.await(x -> "leadOverdue".equals(x.name()), Duration.ofSeconds(5));
            assertThat(toDept07.json().path("leadId").asText()).isEqualTo(ofDepartment);
            assertThat(dept07.received()).filteredOn(x -> "leadOverdue".equals(x.name())).hasSize(1);
            assertThat(dept32.received()).noneMatch(x -> "leadOverdue".equals(x.name()));
            assertThat(gaoxin.received()).filteredOn(e -> "leadOverdue".equals(e.name())).hasSize(1);
            assertThat(chengui.received()).filteredOn(e -> "leadOverdue".equals(e.name())).hasSize(1);
            assertThat(leader.received()).noneMatch(e -> "leadOverdue".equals(e.name()));
            assertThat(admin.received()).noneMatch(e -> "leadOverdue".equals(e.name()));
            assertThat(supervisor.received().toString()).as("no investor on the stream").doesNotContain("测试投资");
        }
        assertThat(announcements.sweep(day("2024-11-20"))).as("announced once").isEmpty();
        assertThat(lapses(announcements.sweep(day("2024-11-21")))).containsExactly(b + " RESPOND 2024-11-20");

        record("gaoxin", new LeadAssessed(a, day("2024-11-21"), "符合方向"));
        record("chengui", new LeadProgressReported(c, day("2024-11-21"), "已电话联系"));
        recorder.awaitProjections();
        assertThat(lapses(announcements.sweep(day("2024-11-21")))).as("the new deadlines not passed").isEmpty();
        assertThat(lapses(announcements.sweep(day("2024-11-22")))).containsExactly(c + " ASSESSMENT 2024-11-21");
        assertThat(lapses(announcements.sweep(day("2024-11-28")))).isEmpty();
        assertThat(lapses(announcements.sweep(day("2024-11-29")))).containsExactly(a + " FEEDBACK 2024-11-28");
        assertThat(announcements.sweep(day("2024-12-02"))).isEmpty();

        assertThat(jdbc.queryForList("SELECT notice_key FROM notify_delivery WHERE robot_id = ? ORDER BY id",
                String.class, gaoxinRobot)).containsExactly("lead-" + a + "-RESPOND-2024-11-18",
                "lead-" + b + "-RESPOND-2024-11-19", "lead-" + a + "-FEEDBACK-2024-11-21");
        assertThat(jdbc.queryForList("SELECT notice_key FROM notify_delivery WHERE robot_id = ? ORDER BY id",
                String.class, chenguiRobot)).containsExactly("lead-" + c + "-RESPOND-2024-11-18",
                "lead-" + c + "-ASSESSMENT-2024-11-18");
        assertThat(jdbc.queryForList("SELECT text FROM notify_delivery", String.class))
                .allMatch(text -> !text.contains("测试投资"));
    }

    private static List<String> lapses(List<LeadOverdue> announced) {
        return announced.stream().map(l -> l.leadId() + " " + l.obligation() + " " + l.dueOn()).toList();
    }

    /** A township's group robot, switched on (its URL answers nothing: only what is owed to it is looked at). */
    private long robot(String township) {
        return jdbc.queryForObject("INSERT INTO notify_robot (name, platform, url, township, created_by, created_at, "
                + "reason) VALUES (?, 'WECOM', 'http://127.0.0.1:9/robot', ?, 'supervisor', now(), '测试') "
                + "RETURNING id", Long.class, township + "群", township);
    }

    private static LeadRecorded recorded(String id, String township, String on) {
        return new LeadRecorded(id, township, "测试投资有限公司" + id.substring(0, 4), null, "项目" + id.substring(0, 4),
                new BigDecimal("1000"), List.of(), LeadSource.OTHER, township, day(on), List.of());
    }

    private void record(String township, LeadEvent event) {
        recorder.events().lead(event, shanghai(event.occurredOn() + "T10:00:00"), township, "CLERK", township, null,
                null);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
