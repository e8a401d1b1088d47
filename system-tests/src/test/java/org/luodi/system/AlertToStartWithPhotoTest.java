package org.luodi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #19's promise, across the two processes: a stalled contract is followed from its alert to a problem ticket,
 * the department's answer and the 销号, then to the start with its site photo, and every step is in the audit trail
 * with who took it; the photo's SHA-256 is in the project's own history, which the hash chain covers.
 */
class AlertToStartWithPhotoTest {
    private final RunningLuodi luodi = RunningLuodi.shared();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStalledContractIsFollowedFromAlertToTicketToStartWithItsPhoto() throws Exception {
        String name = "滞后跟踪项目" + UUID.randomUUID().toString().substring(0, 8);
        String project = created(post("gaoxin", "/api/projects", """
                {"name":"%s","investor":"黄石某铜材有限公司","township":"gaoxin","industryChain":"new-materials",
                 "industrial":true,"contractAmountWan":30000,"sourceRegion":"OUT_OF_PROVINCE","signedOn":"2024-03-01"}"""
                .formatted(name)), "projectId");

        // the alert: signed 2024-03-01, nothing started by the end of August
        await("/api/alerts?asOf=2024-08-31", a -> contains(a.path("alerts"), "projectId", project));

        // the obstacle handed to 市自然资源和规划局 (dept32), answered, and closed by the supervisor
        String ticket = created(post("gaoxin", "/api/tickets", """
                {"projectId":"%s","category":"LAND","description":"净地未按期交付，无法进场施工"}""".formatted(project)),
                "ticketId");
        ok(post("supervisor", "/api/tickets/" + ticket + "/assignment", "{\"department\":\"dept32\"}"));
        ok(post("dept32", "/api/tickets/" + ticket + "/answer", "{\"answer\":\"已协调完成土地交付，可进场\"}"));
        ok(post("supervisor", "/api/tickets/" + ticket + "/closing", "{\"reason\":\"企业确认已进场\"}"));

        // the start, and its site photo
        ok(post("gaoxin", "/api/projects/" + project + "/start", "{\"startedOn\":\"2024-09-02\",\"kind\":\"NEW\"}"));
        byte[] photo = sitePhoto();
        HttpResponse<String> attached = upload("gaoxin", "/api/projects/" + project + "/evidence", photo);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(json.readTree(attached.body()).path("sha256").asText()).isEqualTo(sha256);

        // the ticket's trail: who raised, handed, answered and closed it
        JsonNode ticketView = await("/api/tickets/" + ticket, t -> t.path("history").size() == 4);
        assertThat(steps(ticketView.path("history"))).containsExactly("TicketRaised by gaoxin",
                "TicketAssigned by supervisor", "TicketAnswered by dept32", "TicketClosed by supervisor");

        // the project's trail: signed, started, its photo with the hash of the bytes sent
        JsonNode history = await("/api/projects/" + project + "/history", h -> h.path("events").size() == 3);
        assertThat(steps(history.path("events"))).containsExactly("ProjectSigned by gaoxin",
                "ConstructionStarted by gaoxin", "EvidenceAttached by gaoxin");
        assertThat(history.path("events").get(2).path("data").toString()).contains(sha256).contains("START");

        // the photo under 开工 on the project's evidence, and the alert gone from the day of the start
        JsonNode evidence = await("/api/projects/" + project + "/evidence", e -> e.path("evidence").size() == 1);
        assertThat(evidence.path("evidence").get(0).path("milestone").asText()).isEqualTo("START");
        assertThat(evidence.path("evidence").get(0).path("kind").asText()).isEqualTo("SITE_PHOTO");
        assertThat(contains(get("/api/alerts?asOf=2024-09-02").path("alerts"), "projectId", project)).isFalse();
        assertThat(contains(get("/api/alerts?asOf=2024-09-01").path("alerts"), "projectId", project)).isTrue();
    }

    private static List<String> steps(JsonNode entries) {
        List<String> steps = new ArrayList<>();
        entries.forEach(e -> steps.add(e.path("type").asText() + " by " + e.path("actor").asText()));
        return steps;
    }

    private static boolean contains(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (item.path(field).asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** A small site photo (a JPEG the server judges by its first bytes). */
    private static byte[] sitePhoto() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private HttpResponse<String> upload(String user, String path, byte[] photo) throws Exception {
        String boundary = "luodi-photo";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nSITE_PHOTO\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"milestone\"\r\n\r\nSTART\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(photo);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(luodi.commandUrl() + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(luodi.commandUrl() + path))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String created(HttpResponse<String> answer, String idField) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get(idField).asText();
    }

    private static void ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + path))
                .header("Authorization", basic("supervisor")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    /** The supervisor's answer to {@code path} once {@code ready} holds (the query side follows within seconds). */
    private JsonNode await(String path, Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonNode last = get(path);
        while (!ready.test(last)) {
            assertThat(System.nanoTime()).as("%s never became ready: %s", path, last).isLessThan(deadline);
            Thread.sleep(100);
            last = get(path);
        }
        return last;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
