package org.luodi.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.system.RunningLuodi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects on the shared running Luodi that the security tests aim at: one of 高新区 (gaoxin), started and funded,
 * and one of 陈贵镇 (chengui), signed in January 2024 and never started (so it is an OVERDUE alert). Each carries a
 * marker in its name and investor that must never reach a gaoxin clerk.
 */
final class Fixture {
    private static Fixture made;
    private static final ObjectMapper JSON = new ObjectMapper();

    final RunningLuodi luodi;
    /** The departments (附件2) credited with the two projects: 市委统战部 and 招商银行. */
    static final String GAOXIN_DEPARTMENT = "dept07";
    static final String CHENGUI_DEPARTMENT = "dept65";
    final String gaoxinProject;
    final String chenguiProject;
    final String chenguiMarker;
    /** A problem ticket on 陈贵镇's project, handed to {@link #CHENGUI_DEPARTMENT}. */
    final String chenguiTicket;
    /** A lead (项目信息) 陈贵镇's clerk reported and took into talks: its investor is 陈贵镇's to see. */
    final String chenguiLead;
    /** The signed contract (实证, a PDF) on 陈贵镇's project. */
    final String chenguiEvidence;

    private Fixture(RunningLuodi luodi, String gaoxinProject, String chenguiProject, String chenguiMarker,
                    String chenguiTicket, String chenguiLead, String chenguiEvidence) {
        this.luodi = luodi;
        this.gaoxinProject = gaoxinProject;
        this.chenguiProject = chenguiProject;
        this.chenguiMarker = chenguiMarker;
        this.chenguiTicket = chenguiTicket;
        this.chenguiLead = chenguiLead;
        this.chenguiEvidence = chenguiEvidence;
    }

    static synchronized Fixture get() {
        if (made == null) {
            made = make(RunningLuodi.shared());
        }
        return made;
    }

    private static Fixture make(RunningLuodi luodi) {
        String marker = "陈贵保密" + UUID.randomUUID().toString().substring(0, 8);
        String gaoxin = sign(luodi, "gaoxin", "高新区铜箔项目", "2024-03-15", GAOXIN_DEPARTMENT);
        String chengui = sign(luodi, "chengui", marker + "项目", "2024-01-10", CHENGUI_DEPARTMENT);
        expect(Http.postJson(luodi.commandUrl() + "/api/projects/" + gaoxin + "/start", Http.demo("gaoxin"),
                "{\"startedOn\":\"2024-04-01\",\"kind\":\"NEW\"}"), 200);
        expect(Http.postJson(luodi.commandUrl() + "/api/projects/" + gaoxin + "/funds", Http.demo("gaoxin"),
                "{\"arrivedOn\":\"2024-05-01\",\"source\":\"IN_PROVINCE\",\"amountWan\":1200}"), 200);
        Http.Answer raised = Http.postJson(luodi.commandUrl() + "/api/tickets", Http.demo("chengui"), """
                {"projectId":"%s","category":"LAND","description":"%s用地问题"}""".formatted(chengui, marker));
        expect(raised, 201);
        String ticket = idOf(raised, "ticketId");
        expect(Http.postJson(luodi.commandUrl() + "/api/tickets/" + ticket + "/assignment", Http.demo("supervisor"),
                "{\"department\":\"" + CHENGUI_DEPARTMENT + "\"}"), 200);
        Http.Answer reported = Http.postJson(luodi.commandUrl() + "/api/leads", Http.demo("chengui"), """
                {"investor":"%s线索投资有限公司","project":"%s新材料项目","expectedAmountWan":20000,
                 "source":"BUSINESS_REFERRAL","on":"2024-03-01"}""".formatted(marker, marker));
        expect(reported, 201);
        String lead = idOf(reported, "leadId");
        expect(Http.postJson(luodi.commandUrl() + "/api/leads/" + lead + "/assessment", Http.demo("chengui"),
                "{\"conclusion\":\"符合新材料产业链方向\",\"on\":\"2024-03-05\"}"), 200);
        expect(Http.postJson(luodi.commandUrl() + "/api/leads/" + lead + "/negotiation", Http.demo("chengui"),
                "{\"firstTalkOn\":\"2024-03-10\",\"ledBy\":\"陈贵镇镇长\"}"), 200);
        Map<String, String> multipart = Map.of("Authorization", Http.demo("chengui"),
                "Content-Type", "multipart/form-data; boundary=" + CONTRACT_BOUNDARY);
        Http.Answer attached = Http.send("POST", luodi.commandUrl() + "/api/projects/" + chengui + "/evidence",
                multipart, contractUpload());
        expect(attached, 201);
        Fixture fixture = new Fixture(luodi, gaoxin, chengui, marker, ticket, lead, idOf(attached, "evidenceId"));
        fixture.awaitRead("/api/leads/" + lead);
        fixture.awaitRead("/api/evidence/" + fixture.chenguiEvidence);
        fixture.awaitHistory(gaoxin, 3);
        fixture.awaitHistory(chengui, 1);
        return fixture;
    }

    private static String sign(RunningLuodi luodi, String township, String name, String signedOn, String department) {
        Http.Answer answer = Http.postJson(luodi.commandUrl() + "/api/projects", Http.demo(township), """
                {"name":"%s","investor":"%s投资有限公司","township":"%s","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":35000,"sourceRegion":"OUT_OF_PROVINCE","signedOn":"%s",
                 "introducedBy":"%s"}"""
                .formatted(name, name, township, signedOn, department));
        expect(answer, 201);
        try {
            return JSON.readTree(answer.body()).get("projectId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String CONTRACT_BOUNDARY = "luodi-fixture";

    /** A one-page PDF (judged by its first bytes) of the signed contract, milestone 签约. */
    static byte[] contractUpload() {
        String b = CONTRACT_BOUNDARY;
        return ("--" + b + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nCONTRACT\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"milestone\"\r\n\r\nSIGNING\r\n"
                + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contract.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\r\n"
                + "--" + b + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits (at most 10 s) until the supervisor reads {@code path} on the query side. */
    private void awaitRead(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Http.get(luodi.queryUrl() + path, Http.demo("supervisor")).status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the query side never showed " + path);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String idOf(Http.Answer answer, String field) {
        try {
            return JSON.readTree(answer.body()).get(field).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void expect(Http.Answer answer, int status) {
        if (answer.status() != status) {
            throw new AssertionError("expected " + status + ", got " + answer);
        }
    }

    /** Waits (at most 10 s) until the query side's history of {@code projectId} has {@code events} events. */
    JsonNode awaitHistory(String projectId, int events) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Http.Answer last = null;
        while (System.nanoTime() < deadline) {
            last = Http.get(luodi.queryUrl() + "/api/projects/" + projectId + "/history", Http.demo("supervisor"));
            try {
                if (last.status() == 200) {
                    JsonNode history = JSON.readTree(last.body());
                    if (history.path("events").size() >= events) {
                        return history;
                    }
                }
                Thread.sleep(50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("history of " + projectId + " did not reach " + events + " events: " + last);
    }

    private Connection counting;

    /** The number of stored events: what "nothing was written" is measured by. */
    synchronized long storedEvents() {
        return count("SELECT count(*) FROM domain_event_entry");
    }

    /** The single number a counting query answers (e.g. the rows of a table a write endpoint writes). */
    synchronized long count(String sql) {
        try {
            if (counting == null || counting.isClosed()) {
                counting = luodi.sql();
            }
            try (Statement s = counting.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The points (plain, without trailing zeros) and the reason of the latest assessment adjustment of a year. */
    /** The day and reason of the latest change of the working-day calendar. */
    synchronized List<String> latestWorkingDayChange() {
        try (java.sql.PreparedStatement s = counting.prepareStatement("SELECT day, reason FROM working_day_change "
                + "ORDER BY id DESC LIMIT 1"); ResultSet rs = s.executeQuery()) {
            return rs.next() ? List.of(rs.getString(1), rs.getString(2)) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name and reason of the group robot added last. */
    synchronized List<String> latestRobot() {
        try (java.sql.PreparedStatement s = counting.prepareStatement(
                "SELECT name, reason FROM notify_robot ORDER BY id DESC LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? List.of(rs.getString(1), rs.getString(2)) : List.of();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized List<String> latestAdjustment(String year) {
        try (java.sql.PreparedStatement s = counting.prepareStatement("SELECT points, reason FROM "
                + "assessment_adjustment WHERE year = ? ORDER BY recorded_at DESC LIMIT 1")) {
            s.setInt(1, Integer.parseInt(year));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? List.of(rs.getBigDecimal(1).stripTrailingZeros().toPlainString(), rs.getString(2))
                        : List.of();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The new value (plain, without trailing zeros) and the reason of a township target's latest change. */
    /** The latest change of a township's (or, {@code kind} "chain", a chain's) target: its new value and reason. */
    synchronized List<String> latestTargetChange(String year, String kind, String unit, String indicator) {
        try (java.sql.PreparedStatement s = counting.prepareStatement("SELECT new_value, reason FROM target_change "
                + "WHERE year = ? AND unit_kind = ? AND unit_code = ? AND indicator = ? ORDER BY id DESC LIMIT 1")) {
            s.setInt(1, Integer.parseInt(year));
            s.setString(2, kind);
            s.setString(3, unit);
            s.setString(4, indicator);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? List.of(rs.getBigDecimal(1).stripTrailingZeros().toPlainString(), rs.getString(2))
                        : List.of();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String url(String side) {
        return side.equals("command") ? luodi.commandUrl() : luodi.queryUrl();
    }
}
