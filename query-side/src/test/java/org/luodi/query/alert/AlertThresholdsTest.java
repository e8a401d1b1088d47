package org.luodi.query.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.query.QuerySideTest;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;

/** The thresholds are configuration: a county that warns at 2 months and counts overdue from 3. */
@TestPropertySource(properties = {"luodi.alerts.warning-months=2", "luodi.alerts.overdue-months=3"})
class AlertThresholdsTest extends QuerySideTest {

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
