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
        JsonNode problem = refused(403, () -> chengui.post("/api/projects/" + id + "/start", START));
        assertThat(problem.path("code").asText()).isEqualTo("access.other-township");
    }

    @Test
    void aSupervisorDoesNotRecordMilestones() {
        String id = signGaoxinProject();
        JsonNode problem = refused(403, () -> supervisor.post("/api/projects/" + id + "/start", START));
        assertThat(problem.path("code").asText()).isEqualTo("access.denied");
    }

    @Test
    void aMalformedBodyIs400() {
        String id = signGaoxinProject();
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", "{\"startedOn\":\"2024-05-01\","));
        assertThat(problem.path("code").asText()).isEqualTo("request.malformed");
    }

    @Test
    void aFutureDateIs400() {
        String id = signGaoxinProject();
        String tomorrow = TODAY.plusDays(1).toString();
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"%s","kind":"NEW"}""".formatted(tomorrow)));
        assertThat(fields(problem)).containsExactly("startedOn");
        assertThat(problem.path("code").asText()).isEqualTo("request.invalid");
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
        assertThat(problem.path("code").asText()).isEqualTo("milestone.out-of-order");
        assertThat(problem.path("detail").asText()).isEqualTo("尚未开工，不能入库");
    }

    @Test
    void aSecondStartIs409() {
        String id = signGaoxinProject();
        assertThat(gaoxin.post("/api/projects/" + id + "/start", START).status()).isEqualTo(200);
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-06-01","kind":"RESUMED"}"""));
        assertThat(fields(problem)).containsExactly("startedOn");
        assertThat(problem.path("code").asText()).isEqualTo("milestone.already-recorded");
    }

    @Test
    void signingAProjectIdThatExistsIs409() {
        String id = UUID.randomUUID().toString();
        assertThat(gaoxin.post("/api/projects", signing(id)).status()).isEqualTo(201);
        assertThat(refused(409, () -> gaoxin.post("/api/projects", signing(id))).path("code").asText())
                .isEqualTo("project.exists");
    }
}
