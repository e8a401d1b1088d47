package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.luodi.command.evidence.TestFiles;

import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * 实证 over HTTP on the running command side (#19): a site photo for a start is stored by its SHA-256 and recorded
 * with its EXIF time and place; a file is judged by its bytes, not its name; too large is 413; each refusal writes
 * neither an event nor the bytes; a supervisor's 已核实 / 存疑; a file for a ticket.
 */
class EvidenceApiTest extends CommandSideApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 5, 2, 8, 40, 0);

    @Test
    void aStartPhotoIsKeptByItsHashAndRecordedWithItsExif() throws Exception {
        String project = startedGaoxinProject();
        byte[] photo = TestFiles.jpegWithExif(TAKEN, 30.0925, 114.98765);
        ApiClient.Answer answer = gaoxin.upload("/api/projects/" + project + "/evidence", "开工现场.jpg",
                "application/octet-stream", photo, "milestone", "START", "kind", "SITE_PHOTO");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String sha256 = sha256(photo);
        assertThat(answer.json().path("sha256").asText()).isEqualTo(sha256);
        assertThat(answer.json().path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(answer.json().path("size").asLong()).isEqualTo(photo.length);

        JsonNode event = payload(project, 2);
        assertThat(event.path("milestone").asText()).isEqualTo("START");
        assertThat(event.path("evidenceId").asText()).isEqualTo(answer.json().path("evidenceId").asText());
        JsonNode file = event.path("file");
        assertThat(file.path("fileName").asText()).isEqualTo("开工现场.jpg");
        assertThat(file.path("sha256").asText()).isEqualTo(sha256);
        assertThat(file.path("kind").asText()).isEqualTo("SITE_PHOTO");
        assertThat(file.path("capturedAt").asText()).isEqualTo("2024-05-02T08:40:00");
        assertThat(file.path("latitude").asDouble()).isCloseTo(30.0925, within(1e-5));
        assertThat(metaData(project, 2).path("hash").asText()).as("in the project's hash chain").hasSize(64);
        assertThat(stored(sha256)).isEqualTo(photo);

        // the same bytes again, as proof of the project as a whole: a second event, one stored copy
        ApiClient.Answer again = supervisor.upload("/api/projects/" + project + "/evidence", "again.jpg",
                "image/jpeg", photo, "kind", "OTHER");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(payload(project, 3).path("milestone").isNull()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM evidence_blob WHERE sha256 = ?", Long.class, sha256))
                .isEqualTo(1);
    }

    @Test
    void eachRefusalHasItsCodeAndKeepsNeitherAnEventNorTheBytes() {
        String project = signGaoxinProject();
        String path = "/api/projects/" + project + "/evidence";
        long blobs = blobCount();

        assertThat(refused(415, () -> gaoxin.upload(path, "照片.jpg", "image/jpeg", TestFiles.executable(),
                "kind", "SITE_PHOTO")).path("code").asText()).isEqualTo("evidence.unsupported-type");
        assertThat(refused(415, () -> gaoxin.upload(path, "a.svg", "image/svg+xml",
                "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(), "kind", "OTHER"))
                .path("code").asText()).isEqualTo("evidence.unsupported-type");
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.pdf(), 0, tooLarge, 0, TestFiles.pdf().length);
        assertThat(refused(413, () -> gaoxin.upload(path, "big.pdf", "application/pdf", tooLarge, "kind", "CONTRACT"))
                .path("code").asText()).isEqualTo("evidence.too-large");
        assertThat(fields(refused(400, () -> gaoxin.upload(path, "c.pdf", "application/pdf", TestFiles.pdf()))))
                .containsExactly("kind");
        assertThat(fields(refused(400, () -> gaoxin.upload(path, null, null, null, "kind", "CONTRACT"))))
                .containsExactly("file");
        assertThat(refused(400, () -> gaoxin.upload(path, "c.pdf", "application/pdf", TestFiles.pdf(),
                "kind", "CONTRACT", "milestone", "开工")).path("code").asText()).isEqualTo("request.invalid");
        // well-formed, but refused by the project: the bytes stored in the same transaction are rolled back
        assertThat(refused(409, () -> gaoxin.upload(path, "site.png", "image/png", TestFiles.png(8, 8),
                "kind", "SITE_PHOTO", "milestone", "START")).path("code").asText())
                .isEqualTo("milestone.not-recorded");
        assertThat(refused(403, () -> chengui.upload(path, "c.pdf", "application/pdf", TestFiles.pdf(),
                "kind", "CONTRACT")).path("code").asText()).isEqualTo("access.other-township");
        assertThat(refused(404, () -> gaoxin.upload("/api/projects/" + UUID.randomUUID() + "/evidence", "c.pdf",
                "application/pdf", TestFiles.pdf(), "kind", "CONTRACT")).path("code").asText())
                .isEqualTo("project.not-found");
        assertThat(refused(404, () -> gaoxin.upload("/api/projects/x/evidence", "c.pdf",
                "application/pdf", TestFiles.pdf(), "kind", "CONTRACT")).path("code").asText())
                .isEqualTo("project.not-found");
        assertThat(blobCount()).as("bytes kept after refusals").isEqualTo(blobs);
    }

    @Test
    void aSupervisorVerifiesOrDoubtsAReachedMilestone() throws Exception {
        String project = startedGaoxinProject();
        String path = "/api/projects/" + project + "/verification";
        assertThat(refused(403, () -> gaoxin.post(path, """
                {"milestone":"START","verdict":"VERIFIED"}""")).path("code").asText()).isEqualTo("access.denied");
        assertThat(fields(refused(400, () -> supervisor.post(path, """
                {"milestone":"START","verdict":"DOUBTFUL"}""")))).containsExactly("reason");
        assertThat(refused(409, () -> supervisor.post(path, """
                {"milestone":"STORAGE","verdict":"VERIFIED"}""")).path("code").asText())
                .isEqualTo("milestone.not-recorded");
        ApiClient.Answer doubted = supervisor.post(path, """
                {"milestone":"START","verdict":"DOUBTFUL","reason":"照片拍摄于开工前两个月"}""");
        assertThat(doubted.status()).as(doubted.body()).isEqualTo(200);
        assertThat(payload(project, 2).path("verdict").asText()).isEqualTo("DOUBTFUL");
        assertThat(metaData(project, 2).path("reason").asText()).isEqualTo("照片拍摄于开工前两个月");
    }

    @Test
    void aTicketTakesAFileFromTheAssignedDepartment() throws Exception {
        String project = signGaoxinProject();
        String ticket = gaoxin.post("/api/tickets", """
                {"projectId":"%s","category":"LAND","description":"净地未按期交付"}""".formatted(project))
                .json().path("ticketId").asText();
        ApiClient land = ApiClient.as(port, "dept32");
        String path = "/api/tickets/" + ticket + "/evidence";
        assertThat(refused(403, () -> land.upload(path, "证.pdf", "application/pdf", TestFiles.pdf(), "kind", "OTHER"))
                .path("code").asText()).as("not yet assigned to it").isEqualTo("access.denied");
        assertThat(supervisor.post("/api/tickets/" + ticket + "/assignment", """
                {"department":"dept32"}""").status()).isEqualTo(200);
        ApiClient.Answer answer = land.upload(path, "不动产权证.pdf", "application/pdf", TestFiles.pdf(), "kind", "OTHER");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("ticketId").asText()).isEqualTo(ticket);
        assertThat(payload(ticket, 2).path("file").path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(refused(404, () -> land.upload("/api/tickets/" + UUID.randomUUID() + "/evidence", "a.pdf",
                "application/pdf", TestFiles.pdf(), "kind", "OTHER")).path("code").asText())
                .isEqualTo("ticket.not-found");
    }

    private String startedGaoxinProject() {
        String project = signGaoxinProject();
        ApiClient.Answer started = gaoxin.post("/api/projects/" + project + "/start", """
                {"startedOn":"2024-05-02","kind":"NEW"}""");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        return project;
    }

    private long blobCount() {
        return jdbc.queryForObject("SELECT count(*) FROM evidence_blob", Long.class);
    }

    private byte[] stored(String sha256) {
        return jdbc.queryForObject("SELECT content FROM evidence_blob WHERE sha256 = ?", byte[].class, sha256);
    }

    private JsonNode payload(String aggregate, int sequence) throws Exception {
        return JSON.readTree(jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", byte[].class, aggregate, sequence));
    }

    private JsonNode metaData(String aggregate, int sequence) throws Exception {
        return JSON.readTree(jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND sequence_number = ?", byte[].class, aggregate, sequence));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
