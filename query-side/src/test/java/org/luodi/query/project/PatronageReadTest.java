package org.luodi.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.query.IsolatedQuerySideTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * 包保 (#19) on the read side: the project page names the leader and the 服务专班 from the moment they are assigned
 * (knownAt before shows none), the project list filters by leader, and a leader signs in to read his projects.
 * <pre>
 * A 高新区, signed 2024-03-01: 王细军 (leader10) and 智能装备专班 from 04-01, then 乐晗 (leader24) from 05-01
 * B 陈贵镇, signed 2024-03-05: 王细军 from 04-01
 * C 灵乡镇, signed 2024-03-08: nobody
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatronageReadTest extends IsolatedQuerySideTest {
    private String a;
    private String b;
    private boolean recorded;

    @BeforeEach
    void recordTheProjects() {
        if (recorded) {
            return;
        }
        recorded = true;
        a = recorder.signed("gaoxin", "20000", LocalDate.of(2024, 3, 1));
        b = recorder.signed("chengui", "15000", LocalDate.of(2024, 3, 5));
        recorder.signed("lingxiang", "12000", LocalDate.of(2024, 3, 8));
        recorder.recordingAt(shanghai("2024-04-01T10:00:00")).patronage(a, "leader10", "智能装备专班");
        recorder.recordingAt(shanghai("2024-04-01T10:05:00")).patronage(b, "leader10", null);
        recorder.recordingAt(shanghai("2024-05-01T10:00:00")).patronage(a, "leader24", "智能装备专班");
        recorder.recordingAt(null);
        recorder.awaitProjections();
    }

    @Test
    void theProjectPageNamesTheLeaderAndTheTeamFromTheirAssignment() {
        JsonNode now = supervisor().get("/api/projects/" + a).ok();
        assertThat(now.get("leader").asText()).isEqualTo("leader24");
        assertThat(now.get("leaderName").asText()).isEqualTo("乐晗（市政府副市长）");
        assertThat(now.get("serviceTeam").asText()).isEqualTo("智能装备专班");
        JsonNode april = supervisor().get("/api/projects/" + a + "?knownAt=2024-04-15").ok();
        assertThat(april.get("leader").asText()).isEqualTo("leader10");
        JsonNode march = supervisor().get("/api/projects/" + a + "?knownAt=2024-03-20").ok();
        assertThat(march.get("leader").isNull()).isTrue();
        assertThat(march.get("serviceTeam").isNull()).isTrue();
    }

    @Test
    void theListFiltersByLeaderAsKnownAtAnyTime() {
        assertThat(ids(supervisor().get("/api/projects?leader=leader10").ok())).containsExactly(b);
        assertThat(ids(supervisor().get("/api/projects?leader=leader10&knownAt=2024-04-15").ok()))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids(supervisor().get("/api/projects?leader=leader24").ok())).containsExactly(a);
        assertThat(supervisor().get("/api/projects?leader=王细军").status()).isEqualTo(400);
    }

    /**
     * On 2024-12-31 all three are signed nine months or more and never started: each is a red 签约未开工. The
     * leader's filter reads the 包保 as recorded now: 王细军 has B alone, 乐晗 has A.
     */
    @Test
    void theWarningLadderFiltersByLeader() {
        assertThat(warned(supervisor().get("/api/warnings?asOf=2024-12-31&rule=STALLED_CONTRACT&leader=leader10")
                .ok())).containsExactly(b);
        assertThat(warned(supervisor().get("/api/warnings?asOf=2024-12-31&rule=STALLED_CONTRACT&leader=leader24")
                .ok())).containsExactly(a);
        assertThat(warned(supervisor().get("/api/warnings?asOf=2024-12-31&rule=STALLED_CONTRACT").ok()))
                .hasSize(3);
    }

    private static java.util.List<String> warned(JsonNode answer) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        answer.get("warnings").forEach(w -> ids.add(w.get("projectId").asText()));
        return ids;
    }

    @Test
    void aLeaderSignsInAndReadsTheProjectsHeBaobaosAndTheWholeCounty() {
        JsonNode me = as("leader10").get("/api/me").ok();
        assertThat(me.get("role").asText()).isEqualTo("LEADER");
        assertThat(me.get("leader").asText()).isEqualTo("leader10");
        assertThat(me.get("leaderName").asText()).isEqualTo("王细军（市委常委、常务副市长）");
        assertThat(ids(as("leader10").get("/api/projects?leader=leader10").ok())).containsExactly(b);
        assertThat(as("leader10").get("/api/projects/" + a).status()).isEqualTo(200);
        assertThat(as("leader10").get("/api/stats?year=2024").status()).isEqualTo(200);
        // what only supervisors change stays theirs
        assertThat(as("leader10").exchange(org.springframework.http.HttpMethod.PUT, "/api/targets/2024/gaoxin",
                "{\"targets\":{\"signedAbove1Yi.count\":3},\"reason\":\"试\"}").status()).isEqualTo(403);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(p -> ids.add(p.get("projectId").asText()));
        return ids;
    }
}
