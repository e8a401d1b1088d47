package org.luodi.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.SourceRegion;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * A department account (#16) reads the projects credited to it and its own row, nothing else, and the credit it
 * reads by is the one recorded by {@code knownAt}, as everywhere.
 * <pre>
 * P1 高新区, 市商务局 (dept38), 30,000 万, signed 02-01, started 03-01
 * P2 陈贵镇, 市商务局, 8,000 万, signed 03-01
 * P3 金湖街道, 市委办公室 (dept01), 20,000 万, signed 05-01; credit corrected to 市工商联 (dept22) on 06-10
 * P4 高新区, no credit, 50,000 万, signed 01-15
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentAccountTest extends IsolatedQuerySideTest {
    private static final String COMMERCE = "dept38";
    private static final String PARTY_OFFICE = "dept01";
    private static final String FEDERATION = "dept22";
    private static final String BEFORE_CORRECTION = "2024-05-31T16:00:00Z";

    private String p1;
    private String p2;
    private String p3;
    private String p4;

    @BeforeEach
    void recordTheYear() {
        if (p1 != null) {
            return;
        }
        p1 = recorder.credited("gaoxin", COMMERCE, "30000", LocalDate.parse("2024-02-01"));
        recorder.started(p1, LocalDate.parse("2024-03-01"));
        p2 = recorder.credited("chengui", COMMERCE, "8000", LocalDate.parse("2024-03-01"));
        recorder.funds(p2, LocalDate.parse("2024-04-15"), SourceRegion.IN_PROVINCE, "200");
        p3 = recorder.credited("jinhu", PARTY_OFFICE, "20000", LocalDate.parse("2024-05-01"));
        p4 = recorder.signed("gaoxin", "50000", LocalDate.parse("2024-01-15"));
        recorder.recordingAt(shanghai("2024-06-10T10:00:00")).creditCorrected(p3, FEDERATION);
        recorder.recordingAt(null).awaitProjections();
    }

    @Test
    void itListsAndOpensOnlyTheProjectsCreditedToIt() {
        assertThat(projects(COMMERCE, "")).containsExactlyInAnyOrder(p1, p2);
        assertThat(projects(COMMERCE, "&township=jinhu")).isEmpty();
        assertThat(projects(FEDERATION, "")).containsExactly(p3);
        assertThat(projects(PARTY_OFFICE, "")).isEmpty();
        assertThat(projects(PARTY_OFFICE, "&knownAt=" + BEFORE_CORRECTION)).containsExactly(p3);

        assertThat(as(COMMERCE).get("/api/projects/" + p1).status()).isEqualTo(200);
        assertThat(as(COMMERCE).get("/api/projects/" + p2 + "/history").status()).isEqualTo(200);
        for (String other : List.of(p3, p4)) {
            assertThat(as(COMMERCE).get("/api/projects/" + other).status()).as(other).isEqualTo(403);
            assertThat(as(COMMERCE).get("/api/projects/" + other + "/history").status()).as(other).isEqualTo(403);
        }
        // the project it was credited with until 06-10: as it was known then, not as it is now
        assertThat(as(PARTY_OFFICE).get("/api/projects/" + p3).status()).isEqualTo(403);
        assertThat(as(PARTY_OFFICE).get("/api/projects/" + p3 + "?knownAt=" + BEFORE_CORRECTION).status()).isEqualTo(200);
        assertThat(as(PARTY_OFFICE).get("/api/projects/" + p3 + "/history?knownAt=" + BEFORE_CORRECTION).status())
                .isEqualTo(200);
    }

    @Test
    void itReadsItsOwnRowOfTheStatisticsTheBulletinAndTheTargets() {
        JsonNode stats = as(COMMERCE).get("/api/stats?year=2024&asOf=2024-06-30&groupBy=department").ok();
        assertThat(stats.get("rows")).hasSize(1);
        assertThat(stats.at("/rows/0/department").asText()).isEqualTo(COMMERCE);
        assertThat(stats.at("/rows/0/signedAbove1Yi/count").asLong()).isEqualTo(1); // P1; P2 is under 1 亿
        assertThat(stats.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(1);
        for (String groupBy : List.of("township", "chain")) {
            assertThat(as(COMMERCE).get("/api/stats?year=2024&groupBy=" + groupBy).status()).as(groupBy).isEqualTo(403);
        }

        JsonNode bulletin = as(COMMERCE).get("/api/bulletin?year=2024&month=6").ok();
        assertThat(bulletin.get("rows")).isEmpty();
        assertThat(bulletin.get("departments")).hasSize(1);
        assertThat(bulletin.at("/departments/0/department").asText()).isEqualTo(COMMERCE);
        assertThat(bulletin.at("/departments/0/kindName").asText()).isEqualTo("市直部门");
        assertThat(supervisor().get("/api/bulletin?year=2024&month=6").ok().get("departments")).hasSize(73);

        JsonNode targets = as(COMMERCE).get("/api/targets?year=2024").ok();
        assertThat(targets.get("townships")).isEmpty();
        assertThat(targets.get("chains")).isEmpty();
        assertThat(targets.get("departments")).hasSize(1);
        assertThat(targets.at("/departments/0/department").asText()).isEqualTo(COMMERCE);

        JsonNode me = as(COMMERCE).get("/api/me").ok();
        assertThat(me.get("role").asText()).isEqualTo("DEPARTMENT");
        assertThat(me.get("departmentName").asText()).isEqualTo("市商务局");
        assertThat(me.get("township").isNull()).isTrue();
    }

    /** Closed by default: whatever is not one of its reads is refused, before any data is looked at. */
    @Test
    void everythingElseIsRefused() {
        for (String path : List.of("/api/alerts", "/api/audit", "/api/audit/digest", "/api/targets/changes?year=2024",
                "/api/targets/categories?year=2024", "/api/admin/processors")) {
            assertThat(as(COMMERCE).get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(as(COMMERCE).exchange(HttpMethod.PUT, "/api/targets/2024/chains/new-materials",
                "{\"indicator\":\"signedAbove1Yi.count\",\"value\":5,\"reason\":\"部门试图修改\"}").status()).isEqualTo(403);
        assertThat(as(COMMERCE).exchange(HttpMethod.POST, "/api/projects/" + p1 + "/credit",
                "{\"department\":null,\"reason\":\"部门试图更正\"}").status()).isEqualTo(403);
    }

    private List<String> projects(String department, String query) {
        JsonNode page = as(department).get("/api/projects?asOf=2024-12-31&size=50" + query).ok();
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(p -> ids.add(p.get("projectId").asText()));
        return ids;
    }
}
