package org.luodi.query.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.query.ApiClient;
import org.luodi.query.QuerySideTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/** SPEC §4 through GET /api/alerts, every expected date worked out by hand from the signing date. */
class AlertRulesTest extends QuerySideTest {

    @Test
    void warningAtFiveAndOverdueAtSixCalendarMonthsClampedToTheMonthsEnd() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "月末签约项目", LocalDate.of(2024, 8, 31)), on("2024-09-01"));
        awaitProcessed();

        assertThat(alert(id, "2025-01-30", null)).isNull();
        JsonNode warning = alert(id, "2025-01-31", null);
        assertThat(warning.get("level").asText()).isEqualTo("WARNING");
        assertThat(warning.get("crossedOn").asText()).isEqualTo("2025-01-31");
        assertThat(warning.get("monthsSinceSigning").asInt()).isEqualTo(5);
        assertThat(alert(id, "2025-02-27", null).get("level").asText()).isEqualTo("WARNING");
        JsonNode overdue = alert(id, "2025-02-28", null);
        assertThat(overdue.get("level").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("crossedOn").asText()).isEqualTo("2025-02-28");
        assertThat(overdue.get("monthsSinceSigning").asInt()).isEqualTo(6);
        assertThat(overdue.get("signedOn").asText()).isEqualTo("2024-08-31");
        assertThat(overdue.get("township").asText()).isEqualTo("gaoxin");

        ApiClient supervisor = as("supervisor");
        assertThat(ids(supervisor.get("/api/alerts", "asOf", "2025-02-28", "level", "WARNING").ok())).doesNotContain(id);
        assertThat(ids(supervisor.get("/api/alerts", "asOf", "2025-02-28", "level", "OVERDUE").ok())).contains(id);
        assertThat(supervisor.get("/api/alerts", "level", "LATE").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/alerts", "asOf", "2025-02-30").status()).isEqualTo(400);
    }

    @Test
    void theSpecsExampleIsSevenMonthsOverdue() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "五月签约项目", LocalDate.of(2024, 5, 20)), on("2024-05-21"));
        awaitProcessed();
        JsonNode alert = alert(id, "2024-12-31", null);
        assertThat(alert.get("level").asText()).isEqualTo("OVERDUE");
        assertThat(alert.get("monthsSinceSigning").asInt()).isEqualTo(7);
    }

    @Test
    void aStartClearsTheAlertFromItsDateAndOnlyOnceRecorded() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "开工项目", LocalDate.of(2024, 1, 10)), on("2024-01-11"));
        events().byClerk("gaoxin", started(id, LocalDate.of(2024, 8, 15)), on("2024-08-16"));
        awaitProcessed();

        assertThat(alert(id, "2024-08-14", null).get("level").asText()).isEqualTo("OVERDUE");
        assertThat(alert(id, "2024-08-15", null)).isNull();
        assertThat(alert(id, "2024-08-20", "2024-08-15T12:00:00Z").get("level").asText()).isEqualTo("OVERDUE");
        assertThat(alert(id, "2024-08-20", "2024-08-16T12:00:00Z")).isNull();
    }

    @Test
    void aCorrectedSigningDateMovesTheAlertButNotWhatWasKnownBefore() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "签约日期更正项目", LocalDate.of(2024, 8, 31)), on("2024-09-01"));
        events().bySupervisor(new MilestoneCorrected(id, Milestone.SIGNING, null, LocalDate.of(2024, 10, 15), null,
                null, "合同签订日期录入错误"), on("2025-02-01"), "合同签订日期录入错误");
        awaitProcessed();

        assertThat(alert(id, "2025-02-28", null)).isNull();
        assertThat(alert(id, "2025-03-14", null)).isNull();
        JsonNode moved = alert(id, "2025-03-15", null);
        assertThat(moved.get("level").asText()).isEqualTo("WARNING");
        assertThat(moved.get("signedOn").asText()).isEqualTo("2024-10-15");
        assertThat(alert(id, "2025-04-15", null).get("level").asText()).isEqualTo("OVERDUE");
        assertThat(alert(id, "2025-02-28", "2025-01-31T00:00:00Z").get("level").asText()).isEqualTo("OVERDUE");
    }

    @Test
    void aRetractedStartBringsTheAlertBack() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "仪式开工项目", LocalDate.of(2024, 2, 1)), on("2024-02-02"));
        events().byClerk("gaoxin", started(id, LocalDate.of(2024, 3, 1)), on("2024-03-02"));
        events().bySupervisor(new MilestoneRetracted(id, Milestone.START, null, "仪式开工"), on("2024-09-10"), "仪式开工");
        awaitProcessed();

        JsonNode back = alert(id, "2024-09-15", null);
        assertThat(back.get("level").asText()).isEqualTo("OVERDUE");
        assertThat(back.get("crossedOn").asText()).isEqualTo("2024-08-01");
        assertThat(alert(id, "2024-09-15", "2024-09-01T00:00:00Z")).isNull();
    }

    @Test
    void aTerminatedProjectHasNoAlertFromItsTermination() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "解约项目", LocalDate.of(2024, 1, 5)), on("2024-01-06"));
        events().byClerk("gaoxin", new ProjectTerminated(id, LocalDate.of(2024, 7, 20), "投资方资金链断裂"),
                on("2024-07-21"));
        awaitProcessed();

        assertThat(alert(id, "2024-06-10", null).get("level").asText()).isEqualTo("WARNING");
        assertThat(alert(id, "2024-07-19", null).get("level").asText()).isEqualTo("OVERDUE");
        assertThat(alert(id, "2024-07-20", null)).isNull();
        assertThat(alert(id, "2025-07-20", null)).isNull();
    }

    @Test
    void aVoidedProjectHasNoAlertAtAnyDateOnceVoided() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "误录项目", LocalDate.of(2024, 1, 5)), on("2024-01-06"));
        events().bySupervisor(new ProjectVoided(id, "重复录入"), on("2024-03-01"), "重复录入");
        awaitProcessed();

        assertThat(alert(id, "2024-06-05", null)).isNull();
        assertThat(alert(id, "2024-12-31", null)).isNull();
        // the record as it stood before the void still had it
        assertThat(alert(id, "2024-12-31", "2024-02-01T00:00:00Z").get("level").asText()).isEqualTo("OVERDUE");
    }

    @Test
    void aClerkSeesOnlyItsOwnTownshipsAlerts() {
        String gaoxin = newId();
        String chengui = newId();
        events().byClerk("gaoxin", signed(gaoxin, "gaoxin", "高新区停滞项目", LocalDate.of(2024, 1, 5)), on("2024-01-06"));
        events().byClerk("chengui", signed(chengui, "chengui", "陈贵停滞项目", LocalDate.of(2024, 1, 5)), on("2024-01-06"));
        awaitProcessed();

        ApiClient clerk = as("chengui");
        JsonNode refused = clerk.get("/api/alerts", "township", "gaoxin", "asOf", "2024-12-31").json();
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        JsonNode own = clerk.get("/api/alerts", "asOf", "2024-12-31").ok();
        assertThat(ids(own)).contains(chengui).doesNotContain(gaoxin);
        assertThat(townships(own)).containsOnly("chengui");
        assertThat(ids(clerk.get("/api/alerts", "township", "chengui", "asOf", "2024-12-31").ok())).contains(chengui);

        assertThat(ids(as("gaoxin").get("/api/alerts", "asOf", "2024-12-31").ok())).contains(gaoxin)
                .doesNotContain(chengui);
        JsonNode filtered = as("supervisor").get("/api/alerts", "township", "gaoxin", "asOf", "2024-12-31").ok();
        assertThat(ids(filtered)).contains(gaoxin).doesNotContain(chengui);
        assertThat(ids(as("supervisor").get("/api/alerts", "asOf", "2024-12-31").ok())).contains(gaoxin, chengui);
    }

    /** The alert of {@code projectId} as the supervisor sees it on {@code asOf}, or null when it has none. */
    private JsonNode alert(String projectId, String asOf, String knownAt) {
        JsonNode answer = as("supervisor").get("/api/alerts", "asOf", asOf, "knownAt", knownAt).ok();
        assertThat(answer.get("asOf").asText()).isEqualTo(asOf);
        for (JsonNode alert : answer.get("alerts")) {
            if (alert.get("projectId").asText().equals(projectId)) {
                return alert;
            }
        }
        return null;
    }

    static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("alerts").forEach(a -> ids.add(a.get("projectId").asText()));
        return ids;
    }

    private static List<String> townships(JsonNode answer) {
        List<String> townships = new ArrayList<>();
        answer.get("alerts").forEach(a -> townships.add(a.get("township").asText()));
        return townships;
    }
}
