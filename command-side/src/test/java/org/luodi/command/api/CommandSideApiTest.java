package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.luodi.command.RunningCommandSide;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the HTTP tests share: the running command side, callers for its demo accounts, and how a refusal looks. */
@RunningCommandSide
abstract class CommandSideApiTest {
    static final LocalDate TODAY = RunningCommandSide.TODAY;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient gaoxin;
    ApiClient chengui;
    ApiClient supervisor;

    @BeforeEach
    void callers() {
        gaoxin = ApiClient.as(port, "gaoxin");
        chengui = ApiClient.as(port, "chengui");
        supervisor = ApiClient.as(port, "supervisor");
    }

    /** A gaoxin project signed on 2024-03-15 for 12000.50 万元; returns its id. */
    String signGaoxinProject() {
        ApiClient.Answer answer = gaoxin.post("/api/projects", signing(null));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.projectId();
    }

    /** The JSON of a valid signing by gaoxin; {@code projectId} may be null (the server picks one). */
    static String signing(String projectId) {
        return """
                {%s"name":"光谷智能装备产业园","investor":"武汉某公司","township":"gaoxin",
                 "industryChain":"smart-equipment","industrial":true,"contractAmountWan":12000.50,
                 "sourceRegion":"OUT_OF_PROVINCE","signedOn":"2024-03-15"}"""
                .formatted(projectId == null ? "" : "\"projectId\":\"" + projectId + "\",");
    }

    /**
     * Sends the request and checks it was refused the way SPEC §7 says, writing no event: problem+json with status,
     * title and detail, and for a 400 the wrong fields in {@code errors}. Returns the problem for further checks.
     */
    JsonNode refused(int status, Supplier<ApiClient.Answer> request) {
        long before = eventCount();
        ApiClient.Answer answer = request.get();
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("code").asText()).as("code of " + answer.body()).matches("[a-z-]+(\\.[a-z-]+)+");
        if (status == 400) {
            assertThat(problem.path("errors")).as("errors of " + answer.body()).isNotEmpty()
                    .allSatisfy(error -> {
                        assertThat(error.has("field")).isTrue();
                        assertThat(error.path("message").asText()).isNotBlank();
                    });
        }
        assertThat(eventCount()).as("events after a refusal").isEqualTo(before);
        return problem;
    }

    /** The fields a problem's {@code errors} name, in order. */
    static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText(null)));
        return fields;
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    long eventCount(String projectId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, projectId);
    }
}
