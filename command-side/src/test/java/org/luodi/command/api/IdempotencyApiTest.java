package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.command.CommandSideApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §7: the same Idempotency-Key and body answer the first answer and write nothing new; another body is 409. */
class IdempotencyApiTest extends CommandSideApiTest {
    private static final String START = """
            {"startedOn":"2024-05-01","kind":"NEW"}""";

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void theSameKeyAndBodyAnswerTheSameAndWriteOneEvent() {
        String key = newKey();
        long before = eventCount();
        ApiClient.Answer first = gaoxin.post("/api/projects", signing(null), key);
        ApiClient.Answer again = gaoxin.post("/api/projects", signing(null), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.replayed()).isTrue();
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    /**
     * Two identical requests at once (a client that timed out and retried while the first was still running): the
     * second waits for the first's claim to commit, then answers its answer. One event.
     */
    @Test
    void twoRequestsWithTheSameKeyAtOnceWriteOneEvent() throws Exception {
        String key = newKey();
        long before = eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<ApiClient.Answer> first = pool.submit(() -> gaoxin.post("/api/projects", signing(null), key));
            Future<ApiClient.Answer> second = pool.submit(() -> gaoxin.post("/api/projects", signing(null), key));
            List<ApiClient.Answer> answers = List.of(first.get(), second.get());
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
            assertThat(answers).extracting(ApiClient.Answer::projectId).containsOnly(answers.get(0).projectId());
            assertThat(answers).extracting(ApiClient.Answer::replayed).containsExactlyInAnyOrder(false, true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    /** Without the key a retried start would be a 409 "already started"; with it the client sees its first 200. */
    @Test
    void aRetriedStartIsNotASecondStart() {
        String id = signGaoxinProject();
        String key = newKey();
        assertThat(gaoxin.post("/api/projects/" + id + "/start", START, key).status()).isEqualTo(200);
        ApiClient.Answer retry = gaoxin.post("/api/projects/" + id + "/start", START, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.projectId()).isEqualTo(id);
        assertThat(eventCount(id)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() {
        String key = newKey();
        assertThat(gaoxin.post("/api/projects", signing(null), key).status()).isEqualTo(201);
        String otherBody = signing(null).replace("12000.50", "12000.51");
        JsonNode problem = refused(409, () -> gaoxin.post("/api/projects", otherBody, key));
        assertThat(fields(problem)).containsExactly("Idempotency-Key");
        assertThat(problem.path("code").asText()).isEqualTo("idempotency-key.reused");
    }

    /** The key row commits with the events: a refused request leaves nothing behind, so a fixed retry goes through. */
    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        String id = signGaoxinProject();
        String key = newKey();
        refused(400, () -> gaoxin.post("/api/projects/" + id + "/start", START.replace("NEW", ""), key));
        assertThat(gaoxin.post("/api/projects/" + id + "/start", START, key).status()).isEqualTo(200);
    }

    /** Keys are per user: another clerk's request under the same key is its own, and never sees the first answer. */
    @Test
    void aKeyBelongsToTheUserWhoSentIt() {
        String key = newKey();
        ApiClient.Answer gaoxins = gaoxin.post("/api/projects", signing(null), key);
        ApiClient.Answer chenguis = chengui.post("/api/projects", signing(null).replace("\"gaoxin\"", "\"chengui\""), key);
        assertThat(chenguis.status()).isEqualTo(201);
        assertThat(chenguis.replayed()).isFalse();
        assertThat(chenguis.projectId()).isNotEqualTo(gaoxins.projectId());
    }

    @Test
    void aKeyThatIsNotVisibleAsciiIs400() {
        JsonNode problem = refused(400, () -> gaoxin.post("/api/projects", signing(null), "key with spaces"));
        assertThat(fields(problem)).containsExactly("Idempotency-Key");
    }

    /**
     * Keys live in the database, not in memory: a freshly started instance on the same database (as after a
     * restart, or a second replica) answers a retry with the first answer and writes nothing.
     */
    @Test
    void aKeySurvivesARestart() {
        String key = newKey();
        ApiClient.Answer first = gaoxin.post("/api/projects", signing(null), key);
        long before = eventCount();
        // as command-line arguments: they outrank application.yml, as they would for an operator
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(CommandSideApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--luodi.security.demo-accounts=true")) {
            int restartedPort = Integer.parseInt(restarted.getEnvironment().getProperty("local.server.port"));
            ApiClient.Answer retry = ApiClient.as(restartedPort, "gaoxin").post("/api/projects", signing(null), key);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.replayed()).isTrue();
            assertThat(retry.projectId()).isEqualTo(first.projectId());
        }
        assertThat(eventCount()).isEqualTo(before);
    }
}
