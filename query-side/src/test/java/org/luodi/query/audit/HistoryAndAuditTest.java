package org.luodi.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.query.ApiClient;
import org.luodi.query.QuerySideTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/** GET /api/projects/{id}/history and the supervisors' audit search GET /api/audit. */
class HistoryAndAuditTest extends QuerySideTest {

    @Test
    void historyListsEveryEventOldestFirstWithWhoWhenAndWhy() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "历史项目", LocalDate.of(2024, 5, 20)),
                Instant.parse("2024-05-21T02:13:44Z"));
        events().byClerk("gaoxin", started(id, LocalDate.of(2024, 7, 1)), Instant.parse("2024-07-02T03:00:00Z"));
        events().bySupervisor(new MilestoneCorrected(id, Milestone.START, null, LocalDate.of(2024, 7, 8), null, null,
                "开工日期以施工许可证为准"), Instant.parse("2024-08-01T06:30:00Z"), "开工日期以施工许可证为准");
        awaitProcessed();

        JsonNode history = as("supervisor").get("/api/projects/" + id + "/history").ok();
        assertThat(history.get("projectId").asText()).isEqualTo(id);
        JsonNode events = history.get("events");
        assertThat(events).hasSize(3);
        JsonNode signing = events.get(0);
        assertThat(signing.get("sequence").asLong()).isZero();
        assertThat(signing.get("type").asText()).isEqualTo("ProjectSigned");
        assertThat(signing.get("occurredOn").asText()).isEqualTo("2024-05-20");
        assertThat(Instant.parse(signing.get("recordedAt").asText())).isEqualTo("2024-05-21T02:13:44Z");
        assertThat(signing.get("actor").asText()).isEqualTo("gaoxin");
        assertThat(signing.get("role").asText()).isEqualTo("CLERK");
        assertThat(signing.get("township").asText()).isEqualTo("gaoxin");
        assertThat(signing.get("reason").isNull()).isTrue();
        assertThat(signing.get("data").get("name").asText()).isEqualTo("历史项目");
        assertThat(signing.get("data").get("contractAmountWan").decimalValue()).isEqualByComparingTo("12000");
        JsonNode correction = events.get(2);
        assertThat(correction.get("sequence").asLong()).isEqualTo(2);
        assertThat(correction.get("type").asText()).isEqualTo("MilestoneCorrected");
        assertThat(correction.get("occurredOn").asText()).isEqualTo("2024-07-08");
        assertThat(correction.get("actor").asText()).isEqualTo("supervisor");
        assertThat(correction.get("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(correction.get("township").isNull()).isTrue();
        assertThat(correction.get("reason").asText()).isEqualTo("开工日期以施工许可证为准");
        assertThat(correction.get("data").get("milestone").asText()).isEqualTo("START");
        assertThat(types(events)).containsExactly("ProjectSigned", "ConstructionStarted", "MilestoneCorrected");

        JsonNode knownInJuly = as("supervisor").get("/api/projects/" + id + "/history", "knownAt",
                "2024-07-31T00:00:00Z").ok();
        assertThat(types(knownInJuly.get("events"))).containsExactly("ProjectSigned", "ConstructionStarted");

        assertThat(as("gaoxin").get("/api/projects/" + id + "/history").ok().get("events")).hasSize(3);
        assertThat(as("chengui").get("/api/projects/" + id + "/history").status()).isEqualTo(403);
        assertThat(as("supervisor").get("/api/projects/" + newId() + "/history").status()).isEqualTo(404);
    }

    @Test
    void supervisorsSearchTheAuditTrailByActorTownshipTypeAndRecordTime() {
        // record time in 2021 belongs to this test alone, so the search can be checked exactly
        String gaoxin = newId();
        String chengui = newId();
        String actor = "clerk-" + newId().substring(0, 8);
        events().record(signed(gaoxin, "gaoxin", "审计甲", LocalDate.of(2021, 3, 1)), on("2021-03-01"), actor,
                "CLERK", "gaoxin", null);
        events().record(signed(chengui, "chengui", "审计乙", LocalDate.of(2021, 3, 10)),
                Instant.parse("2021-03-15T15:30:00Z"), "chengui", "CLERK", "chengui", null); // 23:30 in Shanghai
        events().record(started(gaoxin, LocalDate.of(2021, 3, 15)), Instant.parse("2021-03-15T16:30:00Z"), actor,
                "CLERK", "gaoxin", null); // already 03-16 in Shanghai
        events().record(started(chengui, LocalDate.of(2021, 4, 1)), on("2021-04-02"), "chengui", "CLERK", "chengui",
                null);
        awaitProcessed();
        ApiClient supervisor = as("supervisor");
        String year2021 = "2021-01-01";

        JsonNode byActor = supervisor.get("/api/audit", "actor", actor).ok();
        assertThat(projectsAndTypes(byActor)).containsExactly( // newest first
                gaoxin + " ConstructionStarted", gaoxin + " ProjectSigned");
        assertThat(byActor.get("totalElements").asInt()).isEqualTo(2);

        assertThat(projectsAndTypes(supervisor.get("/api/audit", "township", "chengui", "from", year2021, "to",
                "2021-12-31").ok())).containsExactly(chengui + " ConstructionStarted", chengui + " ProjectSigned");
        assertThat(projectsAndTypes(supervisor.get("/api/audit", "type", "ConstructionStarted", "from", year2021,
                "to", "2021-12-31").ok())).containsExactly(chengui + " ConstructionStarted",
                gaoxin + " ConstructionStarted");
        // a bare date is that whole day in Asia/Shanghai
        assertThat(projectsAndTypes(supervisor.get("/api/audit", "from", "2021-03-15", "to", "2021-03-15").ok()))
                .containsExactly(chengui + " ProjectSigned");
        assertThat(projectsAndTypes(supervisor.get("/api/audit", "from", "2021-03-16T00:00:00+08:00", "to",
                "2021-03-31").ok())).containsExactly(gaoxin + " ConstructionStarted");

        JsonNode firstPage = supervisor.get("/api/audit", "from", year2021, "to", "2021-12-31", "size", 3).ok();
        assertThat(firstPage.get("events")).hasSize(3);
        assertThat(firstPage.get("totalElements").asInt()).isEqualTo(4);
        assertThat(supervisor.get("/api/audit", "from", year2021, "to", "2021-12-31", "size", 3, "page", 1).ok()
                .get("events")).hasSize(1);

        assertThat(as("chengui").get("/api/audit", "township", "chengui").status()).isEqualTo(403);
        assertThat(field(supervisor.get("/api/audit", "type", "ProjectStarted"))).isEqualTo("type");
        assertThat(field(supervisor.get("/api/audit", "from", "last week"))).isEqualTo("from");
        assertThat(field(supervisor.get("/api/audit", "to", "2021-02-30"))).isEqualTo("to");
        assertThat(field(supervisor.get("/api/audit", "page", -1))).isEqualTo("page");
        assertThat(field(supervisor.get("/api/audit", "size", 501))).isEqualTo("size");
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static List<String> projectsAndTypes(JsonNode page) {
        List<String> rows = new ArrayList<>();
        page.get("events").forEach(e -> rows.add(e.get("projectId").asText() + " " + e.get("type").asText()));
        return rows;
    }

    private static String field(ApiClient.Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        return answer.json().get("errors").get(0).get("field").asText();
    }
}
