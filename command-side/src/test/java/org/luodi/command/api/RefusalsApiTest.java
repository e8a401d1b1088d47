package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The "done when": each wrong request gets its status as problem+json, and nothing is written. */
class RefusalsApiTest extends CommandSideApiTest {
    private static final String START = """
            {"startedOn":"2024-05-01","kind":"NEW"}""";

    @Test
    void aClerkOfChenguiCannotTouchAGaoxinProject() {
        String id = signGaoxinProject();
        refused(403, () -> chengui.post("/api/projects/" + id + "/start", START));
    }

    @Test
    void aSupervisorDoesNotRecordMilestones() {
        String id = signGaoxinProject();
        refused(403, () -> supervisor.post("/api/projects/" + id + "/start", START));
    }

    @Test
    void aMalformedBodyIs400() {
        String id = signGaoxinProject();
        refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", "{\"startedOn\":\"2024-05-01\","));
    }

    @Test
    void aFutureDateIs400() {
        String id = signGaoxinProject();
        String tomorrow = TODAY.plusDays(1).toString();
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"%s","kind":"NEW"}""".formatted(tomorrow)));
        assertThat(fields(problem)).containsExactly("startedOn");
    }

    @Test
    void aNegativeAmountIs400() {
        String id = signGaoxinProject();
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects/" + id + "/funds", """
                {"arrivedOn":"2024-06-01","source":"IN_PROVINCE","amountWan":-500}"""));
        assertThat(fields(problem)).containsExactly("amountWan");
    }

    @Test
    void anUnknownFieldIs400() {
        String id = signGaoxinProject();
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-05-01","kind":"NEW","ceremony":true}"""));
        assertThat(fields(problem)).containsExactly("ceremony");
    }

    @Test
    void anUnknownEnumValueIs400() {
        String id = signGaoxinProject();
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-05-01","kind":"CEREMONIAL"}"""));
        assertThat(fields(problem)).containsExactly("kind");
    }

    @Test
    void storageBeforeAnyStartIs409() {
        String id = signGaoxinProject();
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects/" + id + "/storage", """
                {"storedOn":"2024-06-01","plannedInvestmentWan":15000}"""));
        assertThat(fields(problem)).containsExactly("storedOn");
    }

    @Test
    void aSecondStartIs409() {
        String id = signGaoxinProject();
        assertThat(gaoxin.post("/api/projects/" + id + "/start", START).status()).isEqualTo(200);
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-06-01","kind":"RESUMED"}"""));
        assertThat(fields(problem)).containsExactly("startedOn");
    }

    @Test
    void signingAProjectIdThatExistsIs409() {
        String id = UUID.randomUUID().toString();
        assertThat(gaoxin.post("/api/projects", signing(id)).status()).isEqualTo(201);
        refused(409, () -> gaoxin.post("/api/projects", signing(id)));
    }
}
