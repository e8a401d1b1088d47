package org.luodi.query.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneVerified;
import org.luodi.events.Verdict;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * luodi.bulletin.verified-only (#19 实证): the bulletin counts a milestone only when its latest finding, as known at
 * knownAt, is 已核实; the statistics page keeps counting every recorded one. 高新区, 2024, every project 1 亿:
 * <pre>
 *   A started 03-01        开工 已核实 (06-01)                       → counts
 *   B started 03-05        开工 已核实 (06-01), then 存疑 (06-10)     → does not (the latest finding)
 *   C started 04-01        no finding                                → does not
 *   D started 04-10        开工 已核实 (06-01)                       → counts
 *     stored 05-01        入库 存疑 (06-01)                         → does not
 *   E registered 02-10     注册 已核实 (06-01)                       → counts
 *     started 05-01        开工 已核实 only on 07-01                 → counts now, not as known on 06-20
 *   G registered 02-12     no finding                                → does not
 * </pre>
 * Now: 新开工 3 of 5 (A, D, E), the cohort's started 3 of 5, 入库 0 of 1, 注册 1 of 2 (E of E, G). As known on
 * 06-20: 新开工 2 (A, D; E's 开工 not yet found 已核实, B still 存疑 since 06-10).
 */
@TestPropertySource(properties = "luodi.bulletin.verified-only=true")
class VerifiedOnlyBulletinTest extends IsolatedQuerySideTest {

    @Test
    void onlyMilestonesFoundVerifiedCount() {
        clock.setToday(LocalDate.of(2025, 1, 15));
        String a = project();
        String b = project();
        String c = project();
        String d = project();
        String e = project();
        String g = project();
        recorder.started(a, LocalDate.of(2024, 3, 1));
        recorder.started(b, LocalDate.of(2024, 3, 5));
        recorder.started(c, LocalDate.of(2024, 4, 1));
        recorder.started(d, LocalDate.of(2024, 4, 10));
        recorder.stored(d, LocalDate.of(2024, 5, 1), "20000");
        recorder.registered(e, LocalDate.of(2024, 2, 10), false);
        recorder.started(e, LocalDate.of(2024, 5, 1));
        recorder.registered(g, LocalDate.of(2024, 2, 12), false);
        find(a, Milestone.START, Verdict.VERIFIED, "2024-06-01T10:00:00");
        find(b, Milestone.START, Verdict.VERIFIED, "2024-06-01T10:00:00");
        find(b, Milestone.START, Verdict.DOUBTFUL, "2024-06-10T10:00:00");
        find(d, Milestone.START, Verdict.VERIFIED, "2024-06-01T10:00:00");
        find(d, Milestone.STORAGE, Verdict.DOUBTFUL, "2024-06-01T10:00:00");
        find(e, Milestone.REGISTRATION, Verdict.VERIFIED, "2024-06-01T10:00:00");
        find(e, Milestone.START, Verdict.VERIFIED, "2024-07-01T10:00:00");
        recorder.awaitProjections();

        // the statistics page counts what is recorded, verified or not
        JsonNode stats = row(supervisor().get("/api/stats?year=2024&asOf=2024-12-31").ok(), "gaoxin");
        assertThat(stats.at("/starts/newlyStarted").asLong()).isEqualTo(5);
        assertThat(stats.at("/cohort/started").asLong()).isEqualTo(5);
        assertThat(stats.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(stats.at("/registered/count").asLong()).isEqualTo(2);

        JsonNode now = BulletinTest.row(supervisor().get("/api/bulletin?year=2024&month=12").ok(), "gaoxin");
        assertThat(now.at("/signedAbove1Yi/count").asLong()).as("signings stay").isEqualTo(6);
        assertThat(now.at("/starts/newlyStarted").asLong()).isEqualTo(3);
        assertThat(now.at("/cohort/started").asLong()).isEqualTo(3);
        assertThat(now.at("/startedStoredAbove1Yi/count").asLong()).isZero();
        assertThat(now.at("/registered/count").asLong()).isEqualTo(1);

        JsonNode asKnown = BulletinTest.row(supervisor()
                .get("/api/bulletin?year=2024&month=12&knownAt=2024-06-20T02:00:00Z").ok(), "gaoxin");
        assertThat(asKnown.at("/starts/newlyStarted").asLong()).isEqualTo(2);
        assertThat(asKnown.at("/registered/count").asLong()).isEqualTo(1);
    }

    private String project() {
        return recorder.signed("gaoxin", "10000", LocalDate.of(2024, 2, 1));
    }

    private void find(String project, Milestone milestone, Verdict verdict, String at) {
        recorder.events().bySupervisor(new MilestoneVerified(project, milestone, verdict,
                verdict == Verdict.DOUBTFUL ? "现场未见施工" : null), shanghai(at), null);
    }

    private static JsonNode row(JsonNode stats, String township) {
        for (JsonNode row : stats.get("rows")) {
            if (township.equals(row.path("township").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row " + township + " in " + stats);
    }
}
