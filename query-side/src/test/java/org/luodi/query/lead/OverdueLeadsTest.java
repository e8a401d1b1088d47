package org.luodi.query.lead;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.LeadAbandoned;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadDateCorrected;
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadNegotiationStarted;
import org.luodi.events.LeadProgressReported;
import org.luodi.events.LeadRecorded;
import org.luodi.events.LeadResumed;
import org.luodi.events.LeadSource;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.http.HttpMethod;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * The leads' service levels (respond 1, 研判 3, feedback 5, a report every 10 working days), today Wednesday
 * 2024-11-20, on the shipped calendar (国庆 10-01…10-07 off, Sunday 09-29 worked). Every deadline counted by hand:
 * <pre>
 * A 高新区 reported Mon 09-30, nothing since     响应 1 wd after 09-30: 10-01…07 off → Tue 10-08   late 43 days
 * B 高新区 reported Tue 11-19, nothing since     响应 → Wed 11-20 = today                         not late
 * C 高新区 reported Mon 11-11, a report 11-12   研判 3 wd after 11-11: 12, 13, 14 → Thu 11-14       late 6
 * D 高新区 reported 11-04, 研判 Wed 11-06       反馈 5 wd after 11-06: 7, 8, 11, 12, 13 → 11-13     late 7
 * E 高新区 reported 10-08, 研判 10-09, 首谈 Fri 10-25   报告 10 wd: 28…31, 11-01, 04…08 → 11-08    late 12
 * F as E, then a progress report Fri 11-15      报告 10 wd: 18…22, 25…29 → 11-29                   not late
 * G 高新区 reported 09-30, paused 10-10          paused: owes nothing
 * H 高新区 reported 09-30, paused 10-10, resumed Mon 11-18   研判 3 wd after 11-18 → Thu 11-21      not late
 * I 高新区 reported 09-30, abandoned 10-09       closed: owes nothing
 * J 陈贵镇 reported Fri 09-27, nothing since     响应 1 wd: Sat 09-28 off, Sun 09-29 worked → 09-29   late 52
 * </pre>
 * Then a supervisor makes 2024-11-13 a holiday: D's feedback moves to Thu 11-14, late 6 days; then D's 研判 date is
 * corrected to Tue 11-05: its feedback was due Tue 11-12, late 8 days.
 */
class OverdueLeadsTest extends IsolatedQuerySideTest {
    private final String a = id();
    private final String b = id();
    private final String c = id();
    private final String d = id();
    private final String e = id();
    private final String f = id();
    private final String g = id();
    private final String h = id();
    private final String i = id();
    private final String j = id();

    @Test
    void lateLeadsCountedInWorkingDaysAndSeenAsLeadsAre() {
        clock.setToday(day("2024-11-20"));
        gaoxin(recorded(a, "gaoxin", "2024-09-30"));
        gaoxin(recorded(b, "gaoxin", "2024-11-19"));
        gaoxin(recorded(c, "gaoxin", "2024-11-11"));
        gaoxin(new LeadProgressReported(c, day("2024-11-12"), "已电话联系"));
        gaoxin(recorded(d, "gaoxin", "2024-11-04"));
        gaoxin(new LeadAssessed(d, day("2024-11-06"), "符合方向"));
        for (String talks : List.of(e, f)) {
            gaoxin(recorded(talks, "gaoxin", "2024-10-08"));
            gaoxin(new LeadAssessed(talks, day("2024-10-09"), "符合方向"));
            gaoxin(new LeadNegotiationStarted(talks, day("2024-10-25"), "区长"));
        }
        gaoxin(new LeadProgressReported(f, day("2024-11-15"), "第二轮洽谈"));
        gaoxin(recorded(g, "gaoxin", "2024-09-30"));
        gaoxin(new LeadSuspended(g, day("2024-10-10"), LeadStage.INFO, "投资方暂缓"));
        gaoxin(recorded(h, "gaoxin", "2024-09-30"));
        gaoxin(new LeadSuspended(h, day("2024-10-10"), LeadStage.INFO, "投资方暂缓"));
        gaoxin(new LeadResumed(h, day("2024-11-18"), LeadStage.INFO, "投资方重启"));
        gaoxin(recorded(i, "gaoxin", "2024-09-30"));
        gaoxin(new LeadAbandoned(i, day("2024-10-09"), "转投外地"));
        recordAs("chengui", recorded(j, "chengui", "2024-09-27"));
        recorder.awaitProjections();

        assertThat(lines(supervisor().get("/api/leads/overdue").ok())).containsExactly(
                j + " RESPOND 2024-09-27 1 2024-09-29 52",
                a + " RESPOND 2024-09-30 1 2024-10-08 43",
                e + " REPORT 2024-10-25 10 2024-11-08 12",
                d + " FEEDBACK 2024-11-06 5 2024-11-13 7",
                c + " ASSESSMENT 2024-11-11 3 2024-11-14 6");
        assertThat(lines(as("gaoxin").get("/api/leads/overdue").ok())).containsExactly(
                a + " RESPOND 2024-09-30 1 2024-10-08 43",
                e + " REPORT 2024-10-25 10 2024-11-08 12",
                d + " FEEDBACK 2024-11-06 5 2024-11-13 7",
                c + " ASSESSMENT 2024-11-11 3 2024-11-14 6");
        assertThat(lines(as("chengui").get("/api/leads/overdue").ok())).containsExactly(
                j + " RESPOND 2024-09-27 1 2024-09-29 52");
        assertThat(lines(supervisor().get("/api/leads/overdue", "unit", "chengui").ok())).hasSize(1);
        JsonNode byLeader = as("leader10").get("/api/leads/overdue").ok();
        assertThat(byLeader.path("content")).hasSize(5);
        assertThat(byLeader.toString()).doesNotContain("测试投资").contains("（保密）");
        assertThat(supervisor().get("/api/leads/overdue", "unit", "nowhere").status()).isEqualTo(400);
        // a page of two: the second and third longest late, the total all five
        JsonNode second = as("leader10").get("/api/leads/overdue", "page", "1", "size", "2").ok();
        assertThat(second.path("totalElements").asLong()).isEqualTo(5);
        assertThat(second.path("content").get(0)).isEqualTo(byLeader.path("content").get(2));
        assertThat(second.path("content")).hasSize(2);
        assertThat(supervisor().get("/api/leads/overdue", "size", "0").status()).isEqualTo(400);

        // the calendar in force: a day off the supervisors add moves a deadline
        assertThat(supervisor().exchange(HttpMethod.POST, "/api/working-days", """
                {"day":"2024-11-13","kind":"HOLIDAY","name":"临时停工","reason":"测试"}""").status()).isEqualTo(201);
        assertThat(lines(supervisor().get("/api/leads/overdue", "unit", "gaoxin").ok()))
                .contains(d + " FEEDBACK 2024-11-06 5 2024-11-14 6");

        // a corrected 研判 date moves the day D's feedback runs from: 5 wd after Tue 11-05 → 11-12, late 8
        gaoxin(new LeadDateCorrected(d, "LeadAssessed", day("2024-11-05"), day("2024-11-20")));
        recorder.awaitProjections();
        List<String> corrected = lines(supervisor().get("/api/leads/overdue").ok());
        assertThat(corrected).contains(d + " FEEDBACK 2024-11-05 5 2024-11-12 8").hasSize(5);

        // leads kept before what they owe was (V165): their facts worked out from their timelines, to the same answer
        jdbc.update("UPDATE lead SET followed_up = false, after_assessment = false, resumed_on = NULL, "
                + "latest_step_on = NULL");
        assertThat(lines(supervisor().get("/api/leads/overdue").ok())).isNotEqualTo(corrected);
        jdbc.execute("SELECT lead_obligation_facts_from_timelines()");
        assertThat(lines(supervisor().get("/api/leads/overdue").ok())).isEqualTo(corrected);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead WHERE owes IS NOT NULL", Integer.class))
                .isEqualTo(8); // all but the paused G and the abandoned I
    }

    private static List<String> lines(JsonNode page) {
        assertThat(page.path("totalElements").asLong()).isEqualTo(page.path("content").size());
        List<String> lines = new ArrayList<>();
        page.path("content").forEach(o -> lines.add(o.path("lead").path("leadId").asText() + " " + o.path("obligation").asText()
                + " " + o.path("since").asText() + " " + o.path("workingDays").asInt() + " "
                + o.path("dueOn").asText() + " " + o.path("daysOverdue").asLong()));
        return lines;
    }

    private static LeadRecorded recorded(String id, String township, String on) {
        return new LeadRecorded(id, township, "测试投资有限公司" + id.substring(0, 4), null, "项目" + id.substring(0, 4),
                new BigDecimal("1000"), List.of(), LeadSource.OTHER, township, day(on), List.of());
    }

    private void gaoxin(LeadEvent event) {
        recordAs("gaoxin", event);
    }

    private void recordAs(String township, LeadEvent event) {
        recorder.events().lead(event, shanghai(event.occurredOn() + "T10:00:00"), township, "CLERK", township, null,
                null);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
