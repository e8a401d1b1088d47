package org.luodi.query.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.query.QuerySideTest;
import org.luodi.query.SseStream;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/**
 * Alerts are configuration: a county that warns at 2 months and counts overdue from 3, and streams that last one
 * second before the client has to reconnect.
 */
@TestPropertySource(properties = {"luodi.alerts.warning-months=2", "luodi.alerts.overdue-months=3",
        "luodi.alerts.push.stream-timeout=1s"})
class AlertConfigurationTest extends QuerySideTest {

    @Test
    void configuredMonthsDecideTheLevels() {
        String id = newId();
        events().byClerk("jinhu", signed(id, "jinhu", "金湖项目", LocalDate.of(2024, 8, 31)), on("2024-09-01"));
        awaitProcessed();

        assertThat(level(id, "2024-10-30")).isNull();
        assertThat(level(id, "2024-10-31")).isEqualTo("WARNING");
        assertThat(level(id, "2024-11-29")).isEqualTo("WARNING");
        assertThat(level(id, "2024-11-30")).isEqualTo("OVERDUE");
        assertThat(level(id, "2025-01-31")).isEqualTo("OVERDUE"); // WARNING with the default thresholds
    }

    @Test
    void thresholdsThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> new AlertProperties(7, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlertProperties(0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AlertProperties(null, null)).isEqualTo(new AlertProperties(5, 6));
    }

    @Test
    void aStreamEndsAfterItsTimeoutAndTheClientPicksUpWhereItLeft() {
        clock.setToday(LocalDate.of(2024, 12, 1));
        String id = newId();
        String lastSeen;
        try (SseStream first = SseStream.open(port, "supervisor", "/api/alerts/stream", null)) {
            events().byClerk("jinhu", signed(id, "jinhu", "超时重连项目", LocalDate.of(2024, 8, 1)), on("2024-08-02"));
            lastSeen = first.await(e -> e.json().get("projectId").asText().equals(id), Duration.ofSeconds(15)).id();
            assertThat(first.awaitEnd(Duration.ofSeconds(10))).isTrue();
        }
        clock.setToday(LocalDate.of(2024, 12, 31)); // 08-01 + 3 months = 11-01: OVERDUE since before; nothing new
        events().byClerk("jinhu", started(id, LocalDate.of(2024, 12, 31)), clock.instant());
        try (SseStream again = SseStream.open(port, "supervisor", "/api/alerts/stream", lastSeen)) {
            JsonNode cleared = again.await(e -> e.json().get("projectId").asText().equals(id), Duration.ofSeconds(15))
                    .json();
            assertThat(cleared.get("kind").asText()).isEqualTo("CLEARED");
            assertThat(cleared.get("message").asText()).contains("已开工", "逾期未开工");
        }
    }

    private String level(String projectId, String asOf) {
        JsonNode answer = as("supervisor").get("/api/alerts", "asOf", asOf).ok();
        for (JsonNode alert : answer.get("alerts")) {
            if (alert.get("projectId").asText().equals(projectId)) {
                return alert.get("level").asText();
            }
        }
        return null;
    }
}
