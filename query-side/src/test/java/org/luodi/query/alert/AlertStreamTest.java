package org.luodi.query.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.query.QuerySideTest;
import org.luodi.query.SseStream;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/**
 * GET /api/alerts/stream read over HTTP while the clock moves day by day. Each sentinel project crosses a level on a
 * chosen day, so that waiting for its event proves a sweep has looked at everything recorded before.
 */
class AlertStreamTest extends QuerySideTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String STREAM = "/api/alerts/stream";

    @Autowired
    AlertSweeper sweeper;

    @Test
    void pushesEachChangeOnceOnTheDayItHappensToThoseAllowedToSeeIt() {
        clock.setToday(LocalDate.of(2025, 1, 30));
        String p = newId(); // gaoxin, signed 08-31: WARNING from 01-31, OVERDUE from 02-28
        String s = newId(); // chengui, same dates: what chengui's clerk must see instead of p
        String t = newId(); // gaoxin, signed 08-30: WARNING from 01-30
        String u = newId(); // gaoxin, signed 08-27: WARNING since 01-27, OVERDUE from 02-27
        String w = newId(); // gaoxin, signed 10-05: WARNING from 03-05, recorded while the sweeper is down
        try (SseStream all = open("supervisor", STREAM, null);
             SseStream gaoxin = open("gaoxin", STREAM, null);
             SseStream chengui = open("chengui", STREAM, null);
             SseStream chenguiOnly = open("supervisor", STREAM + "?township=chengui", null)) {

            events().byClerk("gaoxin", signed(p, "gaoxin", "智能装备产业园", LocalDate.of(2024, 8, 31)), on("2024-09-01"));
            events().byClerk("chengui", signed(s, "chengui", "陈贵新材料", LocalDate.of(2024, 8, 31)), on("2024-09-01"));
            events().byClerk("gaoxin", signed(t, "gaoxin", "光电子配套", LocalDate.of(2024, 8, 30)), on("2024-09-01"));
            events().byClerk("gaoxin", signed(u, "gaoxin", "高端铸造", LocalDate.of(2024, 8, 27)), on("2024-09-01"));
            JsonNode tWarning = change(all, t, "RAISED", "WARNING");
            assertThat(tWarning.get("crossedOn").asText()).isEqualTo("2025-01-30");
            assertThat(tWarning.get("announcedOn").asText()).isEqualTo("2025-01-30");
            JsonNode uWarning = change(all, u, "RAISED", "WARNING");
            assertThat(uWarning.get("crossedOn").asText()).isEqualTo("2025-01-27"); // recorded late: announced now
            assertThat(uWarning.get("announcedOn").asText()).isEqualTo("2025-01-30");

            clock.setToday(LocalDate.of(2025, 1, 31));
            JsonNode pWarning = change(all, p, "RAISED", "WARNING");
            assertThat(pWarning.get("announcedOn").asText()).isEqualTo("2025-01-31");
            assertThat(pWarning.get("township").asText()).isEqualTo("gaoxin");
            assertThat(pWarning.get("townshipName").asText()).isEqualTo("高新区");
            assertThat(pWarning.get("message").asText()).contains("智能装备产业园", "5个月", "预警");
            change(gaoxin, p, "RAISED", "WARNING");
            change(chengui, s, "RAISED", "WARNING");

            clock.setToday(LocalDate.of(2025, 2, 27)); // p stays WARNING: nothing for it, u goes OVERDUE
            change(all, u, "RAISED", "OVERDUE");

            clock.setToday(LocalDate.of(2025, 2, 28));
            JsonNode pOverdue = change(all, p, "RAISED", "OVERDUE");
            assertThat(pOverdue.get("previousLevel").asText()).isEqualTo("WARNING");
            assertThat(pOverdue.get("crossedOn").asText()).isEqualTo("2025-02-28");
            assertThat(pOverdue.get("message").asText()).contains("6个月", "逾期未开工");

            events().byClerk("gaoxin", started(p, LocalDate.of(2025, 2, 28)), clock.instant());
            JsonNode cleared = change(all, p, "CLEARED", null);
            assertThat(cleared.get("cause").asText()).isEqualTo("STARTED");
            assertThat(cleared.get("previousLevel").asText()).isEqualTo("OVERDUE");

            events().bySupervisor(new MilestoneRetracted(p, Milestone.START, null, "仪式开工，未实际施工"),
                    clock.instant(), "仪式开工，未实际施工");
            JsonNode restored = change(all, p, "RESTORED", "OVERDUE");
            assertThat(restored.get("message").asText()).contains("开工记录已撤销");

            // a restart: the sweeper forgets everything it held in memory, and the clock moves on meanwhile
            sweeper.stop();
            clock.setToday(LocalDate.of(2025, 3, 5));
            events().byClerk("gaoxin", signed(w, "gaoxin", "航空配件", LocalDate.of(2024, 10, 5)), on("2025-03-05"));
            awaitProcessed();
            sweeper.start();
            assertThat(change(all, w, "RAISED", "WARNING").get("announcedOn").asText()).isEqualTo("2025-03-05");

            events().byClerk("gaoxin", started(w, LocalDate.of(2025, 3, 5)), clock.instant());
            events().byClerk("gaoxin", new ProjectTerminated(u, LocalDate.of(2025, 3, 5), "投资方撤资"), clock.instant());
            events().bySupervisor(new ProjectVoided(t, "重复录入"), clock.instant(), "重复录入");
            events().byClerk("chengui", new ProjectTerminated(s, LocalDate.of(2025, 3, 5), "无法推进"), clock.instant());
            for (SseStream stream : List.of(all, gaoxin)) {
                assertThat(change(stream, w, "CLEARED", null).get("cause").asText()).isEqualTo("STARTED");
                assertThat(change(stream, u, "CLEARED", null).get("cause").asText()).isEqualTo("TERMINATED");
                assertThat(change(stream, t, "CLEARED", null).get("cause").asText()).isEqualTo("VOIDED");
            }
            for (SseStream stream : List.of(chengui, chenguiOnly)) {
                assertThat(change(stream, s, "CLEARED", null).get("cause").asText()).isEqualTo("TERMINATED");
            }
            change(all, s, "CLEARED", null); // the last of all: every earlier change has been delivered by now

            List<String> expected = List.of("RAISED WARNING", "RAISED OVERDUE", "CLEARED null", "RESTORED OVERDUE");
            assertThat(history(all, p)).isEqualTo(expected);
            assertThat(history(gaoxin, p)).isEqualTo(expected);
            assertThat(history(all, w)).isEqualTo(List.of("RAISED WARNING", "CLEARED null"));
            assertThat(history(chengui, s)).isEqualTo(List.of("RAISED WARNING", "RAISED OVERDUE", "CLEARED null"));
            assertThat(townships(chengui)).containsOnly("chengui");
            assertThat(townships(chenguiOnly)).containsOnly("chengui");
            assertThat(townships(gaoxin)).containsOnly("gaoxin");
            assertThat(ids(all)).isSorted().doesNotHaveDuplicates();

            // a client that reconnects with the last id it saw gets what it missed, in order, and only its own
            String firstOfP = all.await(about(p), WAIT).id();
            try (SseStream again = open("gaoxin", STREAM, firstOfP)) {
                again.await(about(t).and(kind("CLEARED")), WAIT);
                assertThat(history(again, p)).isEqualTo(expected.subList(1, 4));
                assertThat(townships(again)).containsOnly("gaoxin");
                assertThat(ids(again)).isSorted().allMatch(id -> id > Long.parseLong(firstOfP));
            }
        }
    }

    @Test
    void refusesAnotherTownshipsStreamAndAnonymousCallers() {
        try (SseStream refused = open("chengui", STREAM + "?township=gaoxin", null)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.refusal()).contains("\"status\":403");
        }
        try (SseStream anonymous = open(null, STREAM, null)) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    private SseStream open(String user, String path, String lastEventId) {
        return SseStream.open(port, user, path, lastEventId);
    }

    /** Waits for the change of {@code projectId} of that kind and level (null: none) and returns its JSON. */
    private static JsonNode change(SseStream stream, String projectId, String kind, String level) {
        return stream.await(about(projectId).and(kind(kind)).and(e -> level == null
                ? e.json().get("level").isNull() : level.equals(e.json().get("level").asText())), WAIT).json();
    }

    private static Predicate<SseStream.Event> about(String projectId) {
        return e -> "alert".equals(e.name()) && projectId.equals(e.json().get("projectId").asText());
    }

    private static Predicate<SseStream.Event> kind(String kind) {
        return e -> kind.equals(e.json().get("kind").asText());
    }

    private static List<String> history(SseStream stream, String projectId) {
        return stream.received().stream().filter(about(projectId))
                .map(e -> e.json().get("kind").asText() + " " + e.json().get("level").asText())
                .toList();
    }

    private static List<String> townships(SseStream stream) {
        return stream.received().stream().map(e -> e.json().get("township").asText()).toList();
    }

    private static List<Long> ids(SseStream stream) {
        return stream.received().stream().map(e -> Long.parseLong(e.id())).toList();
    }
}
