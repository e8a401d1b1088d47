package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.system.RunningLuodi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** Test data for the browser tests, written and read through the query side's address as the UI does. */
final class Api {
    private final RunningLuodi luodi;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    Api(RunningLuodi luodi) {
        this.luodi = luodi;
    }

    /** Signs a project as the township's clerk; returns its id once the query side shows it. */
    String sign(String township, String name, long amountWan, String signedOn) throws Exception {
        return sign(township, name, amountWan, signedOn, null);
    }

    /** The same, credited to a department of 附件2 (null: to none). */
    String sign(String township, String name, long amountWan, String signedOn, String department) throws Exception {
        HttpResponse<String> answer = post(township, "/api/projects", """
                {"name":"%s","investor":"武汉测试投资有限公司","township":"%s","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":%d,"sourceRegion":"OUT_OF_PROVINCE","signedOn":"%s",
                 "introducedBy":%s}"""
                .formatted(name, township, amountWan, signedOn, department == null ? "null" : "\"" + department + "\""));
        if (answer.statusCode() != 201) {
            throw new AssertionError("sign: " + answer.statusCode() + " " + answer.body());
        }
        String id = json.readTree(answer.body()).get("projectId").asText();
        await("/api/projects/" + id, p -> true);
        return id;
    }

    void start(String township, String id, String startedOn) throws Exception {
        HttpResponse<String> answer = post(township, "/api/projects/" + id + "/start",
                "{\"startedOn\":\"" + startedOn + "\",\"kind\":\"NEW\"}");
        if (answer.statusCode() != 200) {
            throw new AssertionError("start: " + answer.statusCode() + " " + answer.body());
        }
        await("/api/projects/" + id, p -> "STARTED".equals(p.path("stage").asText()));
    }

    HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} as {@code user}; the body of a 200, else an AssertionError. */
    String get(String user, String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }

    /** GETs {@code path} as the supervisor until the answer is 200 and {@code ready}; fails after 5 s. */
    JsonNode await(String path, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + path))
                    .header("Authorization", basic("supervisor")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && ready.test(json.readTree(answer.body()))) {
                return json.readTree(answer.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not ready within 5 s: " + path + " " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(25);
        }
    }

    /** The events stored for one project in the event store itself. */
    long eventCount(String projectId) throws Exception {
        try (Connection c = luodi.sql();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            s.setString(1, projectId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
