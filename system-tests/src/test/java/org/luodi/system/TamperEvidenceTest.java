package org.luodi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every project's events form a hash chain, and the sealer covers the whole store with digests; GET
 * /api/audit/verify names the project and event where someone altered or removed a row directly in SQL, also once
 * a later ordinary write took the removed event's sequence number and after the history was rebuilt (issue 14).
 * Runs on its own system: it damages the event store on purpose.
 */
class TamperEvidenceTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAlteredOrRemovedRowIsReportedWithItsProjectAndEvent() throws Exception {
        try (RunningLuodi luodi = RunningLuodi.start("tamper")) {
            String altered = signAndStart(luodi, "gaoxin");
            String removed = signAndStart(luodi, "chengui");
            String untouched = signAndStart(luodi, "jinhu");
            awaitHistory(luodi, untouched);
            awaitHistory(luodi, removed);
            assertThat(verify(luodi).get("intact").asBoolean()).isTrue();
            String digest = awaitSealed(luodi);

            try (Connection c = luodi.sql(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                // a clerk's signing amount quietly raised from 35000 to 95000
                s.execute("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'35000', '95000'), 'UTF8') WHERE aggregate_identifier = '" + altered
                        + "' AND sequence_number = 0");
                // a start that never happened on paper
                s.execute("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + removed
                        + "' AND sequence_number = 1");
            }

            assertReported(verify(luodi), altered, removed);

            // an ordinary arrival on the project whose last event is gone takes its sequence number and chains
            // onto the event before it, so that project's chain looks whole again; the seals still know better
            assertThat(send(luodi.commandUrl() + "/api/projects/" + removed + "/funds", "chengui",
                    "{\"arrivedOn\":\"2024-07-01\",\"source\":\"IN_PROVINCE\",\"amountWan\":1000}").statusCode())
                    .isEqualTo(200);
            assertThat(problemOf(verify(luodi), removed, "sequence number reused").get("sequence").asLong())
                    .isEqualTo(1);
            // and a rebuild of the history, which forgets the removed event, erases nothing
            assertThat(send(luodi.queryUrl() + "/api/admin/rebuild/project-history", "admin", "").statusCode())
                    .isEqualTo(202);
            awaitHistory(luodi, removed);
            assertReported(verify(luodi), altered, removed);
            assertReported(verify(luodi, digest), altered, removed);
        }
    }

    /** Both tampered events, and nothing else, are reported. */
    private void assertReported(JsonNode report, String altered, String removed) {
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("problems").findValuesAsText("projectId")).containsOnly(altered, removed);
        assertThat(problemOf(report, altered, "altered").get("sequence").asLong()).isZero();
        assertThat(problemOf(report, removed, "removed").get("sequence").asLong()).isEqualTo(1);
    }

    private JsonNode problemOf(JsonNode report, String projectId, String what) {
        for (JsonNode problem : report.get("problems")) {
            if (problem.get("projectId").asText().equals(projectId) && problem.get("problem").asText().contains(what)) {
                return problem;
            }
        }
        throw new AssertionError("no problem \"" + what + "\" reported for " + projectId + ": " + report);
    }

    /** Waits until the sealer covered every stored event; returns the digest then. */
    private String awaitSealed(RunningLuodi luodi) throws Exception {
        long head;
        try (Connection c = luodi.sql(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            rs.next();
            head = rs.getLong(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> digest = send(luodi.queryUrl() + "/api/audit/digest", "supervisor", null);
            if (digest.statusCode() == 200 && json.readTree(digest.body()).get("lastIndex").asLong() >= head) {
                return json.readTree(digest.body()).get("digest").asText();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("store not sealed through " + head);
    }

    private String signAndStart(RunningLuodi luodi, String township) throws Exception {
        HttpResponse<String> signed = send(luodi.commandUrl() + "/api/projects", township, """
                {"name":"铜箔项目","investor":"铜创科技","township":"%s","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":35000,"sourceRegion":"IN_PROVINCE","signedOn":"2024-05-20"}"""
                .formatted(township));
        assertThat(signed.statusCode()).isEqualTo(201);
        String id = json.readTree(signed.body()).get("projectId").asText();
        assertThat(send(luodi.commandUrl() + "/api/projects/" + id + "/start", township,
                "{\"startedOn\":\"2024-06-18\",\"kind\":\"NEW\"}").statusCode()).isEqualTo(200);
        return id;
    }

    private void awaitHistory(RunningLuodi luodi, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> history = send(luodi.queryUrl() + "/api/projects/" + id + "/history", "supervisor", null);
            if (history.statusCode() == 200 && json.readTree(history.body()).get("events").size() == 2) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("history of " + id + " not projected");
    }

    private JsonNode verify(RunningLuodi luodi) throws Exception {
        return verify(luodi, null);
    }

    private JsonNode verify(RunningLuodi luodi, String digest) throws Exception {
        HttpResponse<String> answer = send(luodi.queryUrl() + "/api/audit/verify"
                + (digest == null ? "" : "?digest=" + digest), "supervisor", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private HttpResponse<String> send(String url, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
