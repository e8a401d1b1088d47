package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals before any rule of the lifecycle is asked: who is calling, which project, how big the body is. */
class RequestRefusalsApiTest extends CommandSideApiTest {
    private static final String START = """
            {"startedOn":"2024-05-01","kind":"NEW"}""";
    /** A signing whose name alone is over 1 MiB. */
    private static final String OVER_ONE_MIB = signing(null).replace("光谷智能装备产业园", "x".repeat(1024 * 1024));

    @Test
    void withoutCredentialsIs401() {
        refused(401, () -> ApiClient.anonymous(port).post("/api/projects", signing(null)));
    }

    @Test
    void aWrongPasswordIs401() {
        ApiClient impostor = ApiClient.as(port, "no-such-user");
        refused(401, () -> impostor.post("/api/projects", signing(null)));
    }

    @Test
    void anUnknownProjectIs404() {
        String unknown = UUID.randomUUID().toString();
        JsonNode problem = refused(404, () -> gaoxin.post("/api/projects/" + unknown + "/start", START));
        assertThat(problem.path("code").asText()).isEqualTo("project.not-found");
        assertThat(problem.path("detail").asText()).isEqualTo("项目不存在");
    }

    @Test
    void aProjectIdThatIsNotAUuidNamesNoProject() {
        refused(404, () -> gaoxin.post("/api/projects/not-a-project/start", START));
    }

    @Test
    void aBodyOverOneMibIs413() {
        assertThat(refused(413, () -> gaoxin.post("/api/projects", OVER_ONE_MIB)).path("code").asText())
                .isEqualTo("request.body-too-large");
    }

    /** Without a Content-Length the limit is enforced while reading, so a chunked body cannot slip through. */
    @Test
    void aChunkedBodyOverOneMibIs413() {
        byte[] bytes = OVER_ONE_MIB.getBytes(StandardCharsets.UTF_8);
        refused(413, () -> gaoxin.post("/api/projects",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), null));
    }
}
