package org.luodi.query.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.Recorder;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/calendar on a database of its own. At start the shipped files give targets for 2023 (industry chains)
 * and 2024 (townships); the clock stands in January 2026.
 */
class CalendarTest extends IsolatedQuerySideTest {

    @Test
    void theDefaultYearFollowsTargetsAndDataAndTheClock() {
        clock.setToday(LocalDate.of(2026, 1, 15));
        JsonNode empty = as("supervisor").get("/api/calendar").ok();
        assertPeriod(empty, 2024, "2024-12-31");
        assertThat(empty.get("today").asText()).isEqualTo("2026-01-15");
        assertThat(empty.get("latestTargetYear").asInt()).isEqualTo(2024);
        assertThat(empty.get("years").toString()).isEqualTo("[2026,2024,2023]");

        recorder.signed("gaoxin", "20000", LocalDate.of(2024, 3, 1));
        recorder.signed("jinhu", "20000", LocalDate.of(2024, 5, 1));
        recorder.signed("gaoxin", "10000", LocalDate.of(2026, 1, 10));
        recorder.awaitProjections();
        // one signing in 2026 against two in 2024, the year of targets: still 2024
        assertPeriod(as("supervisor").get("/api/calendar").ok(), 2024, "2024-12-31");

        String second = recorder.signed("baoan", "10000", LocalDate.of(2026, 1, 12));
        recorder.awaitProjections();
        // as many in 2026 as in 2024: 2026, up to today
        assertPeriod(as("supervisor").get("/api/calendar").ok(), 2026, "2026-01-15");
        // the same for a clerk: the pages of both speak of the same period
        assertPeriod(as("lingxiang").get("/api/calendar").ok(), 2026, "2026-01-15");

        recorder.recordingAt(Recorder.shanghai("2026-01-15T10:00:00")).voided(second);
        recorder.awaitProjections();
        // a voided project is no data
        assertPeriod(as("supervisor").get("/api/calendar").ok(), 2024, "2024-12-31");

        putTargets(2026, "gaoxin", "{\"signedAbove1Yi.count\": 3}");
        putTargets(2030, "gaoxin", "{\"signedAbove1Yi.count\": 3}");
        JsonNode targeted = as("supervisor").get("/api/calendar").ok();
        assertPeriod(targeted, 2026, "2026-01-15");
        assertThat(targeted.get("latestTargetYear").asInt()).isEqualTo(2026);
        assertThat(targeted.get("years").toString()).isEqualTo("[2030,2026,2024,2023]");

        clock.setToday(LocalDate.of(2027, 3, 1));
        // a new year without targets or data: the past year of targets, seen on its last day
        assertPeriod(as("supervisor").get("/api/calendar").ok(), 2026, "2026-12-31");
    }

    private void putTargets(int year, String township, String targets) {
        var answer = as("supervisor").exchange(HttpMethod.PUT, "/api/targets/" + year + "/" + township,
                "{\"targets\": " + targets + ", \"reason\": \"下达年度目标\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void assertPeriod(JsonNode calendar, int year, String asOf) {
        assertThat(calendar.get("year").asInt()).as(calendar.toString()).isEqualTo(year);
        assertThat(calendar.get("asOf").asText()).as(calendar.toString()).isEqualTo(asOf);
    }
}
