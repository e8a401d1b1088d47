package org.luodi.query.warning;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.luodi.events.SourceRegion;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.SseStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ladder's announcements, today being 2026-01-15: the first sweep only records what stands; then each change
 * once, on the stream of those who may read its township, and a new red warning or an escalation to the robots.
 */
@TestPropertySource(properties = "luodi.warnings.sweep-interval-ms=3600000")
class WarningSweepTest extends IsolatedQuerySideTest {
    @Autowired
    WarningSweep sweep;

    @Test
    void eachChangeIsAnnouncedOnceAndRedOnesReachTheRobots() {
        long chenguiRobot = robot("chengui");
        long countyRobot = robot(null);
        // 高新区, started 2025-02-01 without funds: 开工即停 red since 2025-08-01, funds 0 % red since 2026-01-01
        String old = recorder.signed("gaoxin", "12000", day("2025-01-01"));
        recorder.started(old, day("2025-02-01"));
        recorder.awaitProjections();
        assertThat(sweep.sweep(day("2026-01-15"))).as("the first sweep records, announces nothing").isEmpty();
        assertThat(jdbc.queryForList("SELECT rule || ' ' || colour || ' ' || escalation FROM warning_announced "
                + "ORDER BY rule", String.class)).containsExactly("FUNDS_BEHIND RED TOWNSHIP",
                "STOPPED_AFTER_START RED GOVERNMENT");

        // 陈贵镇, started 2025-08-10 without funds: five months on, yellow since 2025-11-10, red from 2026-02-10
        String stopped = recorder.signed("chengui", "12000", day("2025-06-01"));
        recorder.started(stopped, day("2025-08-10"));
        recorder.awaitProjections();
        try (SseStream supervisor = SseStream.open(port, "supervisor", "/api/alerts/stream", null);
             SseStream chengui = SseStream.open(port, "chengui", "/api/alerts/stream", null);
             SseStream gaoxin = SseStream.open(port, "gaoxin", "/api/alerts/stream", null)) {
            sweep.scheduled();
            SseStream.Event pushed = supervisor.await(e -> "warning".equals(e.name()), Duration.ofSeconds(5));
            assertThat(pushed).isNotNull();
            assertThat(pushed.json().path("kind").asText()).isEqualTo("RAISED");
            assertThat(pushed.json().path("colour").asText()).isEqualTo("YELLOW");
            assertThat(pushed.json().path("message").asText()).isEqualTo("陈贵镇「" + name(stopped)
                    + "」开工已满5个月，开工后无资金到位、未入库，列为黄色开工即停预警");
            assertThat(chengui.await(e -> "warning".equals(e.name()), Duration.ofSeconds(5))).isNotNull();
            assertThat(gaoxin.received()).noneMatch(e -> "warning".equals(e.name()));
        }
        assertThat(sweep.sweep(day("2026-01-15"))).as("announced once").isEmpty();
        assertThat(deliveries(chenguiRobot)).as("yellow is not pushed").isEmpty();

        // 2026-02-10: 陈贵镇's turns red; 高新区's funds have been red a month and go up to the 市招商服务中心
        assertThat(summary(sweep.sweep(day("2026-02-10")))).containsExactly(
                "ESCALATED FUNDS_BEHIND RED COUNTY_OFFICE " + old,
                "RAISED STOPPED_AFTER_START RED TOWNSHIP " + stopped);
        assertThat(deliveries(chenguiRobot)).containsExactly("【红色预警】开工即停");
        assertThat(deliveries(countyRobot)).containsExactlyInAnyOrder("【提级督办】资金到位滞后，市招商服务中心督办",
                "【红色预警】开工即停");

        // funds arrive on 02-12: no longer stopped, but six months after its start it owes its storage (yellow)
        recorder.funds(stopped, day("2026-02-12"), SourceRegion.IN_PROVINCE, "3000");
        recorder.awaitProjections();
        assertThat(summary(sweep.sweep(day("2026-02-12")))).containsExactly(
                "RAISED STORAGE_LAGGING YELLOW TOWNSHIP " + stopped,
                "CLEARED STOPPED_AFTER_START null null " + stopped);
        assertThat(deliveries(chenguiRobot)).hasSize(1);
        theBulletinCountsTheLadderOnItsDay();
    }

    /**
     * The January bulletin, counted to today (01-15): 高新区 two red (开工即停, gone up to the 市政府; funds, still the
     * township's), 陈贵镇 one yellow (开工即停; its funds came in February).
     */
    private void theBulletinCountsTheLadderOnItsDay() {
        JsonNode ladder = as("supervisor").get("/api/bulletin", "year", 2026, "month", 1).ok().path("ladder");
        assertThat(lines(ladder)).containsExactly("gaoxin 高新区 2 0 0 1", "chengui 陈贵镇 0 1 0 0", "null 合计 2 1 0 1");
        assertThat(lines(as("chengui").get("/api/bulletin", "year", 2026, "month", 1).ok().path("ladder")))
                .containsExactly("chengui 陈贵镇 0 1 0 0", "null 合计 0 1 0 0");
        byte[] xlsx = as("supervisor").get("/api/bulletin.xlsx", "year", 2026, "month", 1).bytes();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("预警分级");
            var formatter = new DataFormatter();
            List<String> rows = new ArrayList<>();
            for (int r = 4; r <= 6; r++) {
                List<String> cells = new ArrayList<>();
                sheet.getRow(r).forEach(c -> cells.add(formatter.formatCellValue(c)));
                rows.add(String.join(" ", cells));
            }
            assertThat(rows).containsExactly("高新区 2 0 0 1", "陈贵镇 0 1 0 0", "合计 2 1 0 1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(JsonNode ladder) {
        List<String> lines = new ArrayList<>();
        ladder.forEach(l -> lines.add(l.path("township").asText("null") + " " + l.path("name").asText() + " "
                + l.path("red").asLong() + " " + l.path("yellow").asLong() + " " + l.path("green").asLong() + " "
                + l.path("escalated").asLong()));
        return lines;
    }

    private static List<String> summary(List<WarningChange> changes) {
        return changes.stream().map(c -> c.kind() + " " + c.rule() + " " + c.colour() + " " + c.escalation() + " "
                + c.projectId()).toList();
    }

    private String name(String projectId) {
        return jdbc.queryForObject("SELECT name FROM project_version WHERE project_id = ? AND recorded_to IS NULL",
                String.class, projectId);
    }

    private List<String> deliveries(long robot) {
        return jdbc.queryForList("SELECT title FROM notify_delivery WHERE robot_id = ? ORDER BY id", String.class, robot);
    }

    /** A group robot of one township (null: the county's), switched on; what is owed to it is all that is looked at. */
    private long robot(String township) {
        return jdbc.queryForObject("INSERT INTO notify_robot (name, platform, url, township, created_by, created_at, "
                + "reason) VALUES (?, 'WECOM', 'http://127.0.0.1:9/robot', ?, 'supervisor', now(), '测试') "
                + "RETURNING id", Long.class, township + "群", township);
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
