package org.luodi.query.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.EvidenceAttached;
import org.luodi.events.EvidenceFile;
import org.luodi.events.EvidenceKind;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneVerified;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketEvidenceAttached;
import org.luodi.events.TicketRaised;
import org.luodi.events.Verdict;
import org.luodi.platform.evidence.EvidenceStore;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * The evidence read model and its files on PostgreSQL, with hand-made expectations.
 * <pre>
 * P1 高新区 signed 2024-03-01, started 2024-06-10 (30 days before: 2024-05-11)
 *   E1 开工 photo taken 2024-05-10 09:00  → one day past the 30: predates
 *   E2 开工 photo taken 2024-05-11 18:00  → exactly 30 days before: does not
 *   E3 签约 PDF, no EXIF                  → does not
 *   findings on 开工: 已核实 06-20, then 存疑 06-25 "照片早于开工": 存疑 now
 *   E5 开工 photo whose stored bytes were swapped in the store → never served
 * P2 陈贵镇 signed 2024-03-01, started 2024-06-10; E4 开工 photo
 * T1 on P1, a PDF attached to it
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceReadModelTest extends IsolatedQuerySideTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EvidenceStore store;

    private String p1;
    private String p2;
    private final String e1 = UUID.randomUUID().toString();
    private final String e2 = UUID.randomUUID().toString();
    private final String e3 = UUID.randomUUID().toString();
    private final String e4 = UUID.randomUUID().toString();
    private final String e5 = UUID.randomUUID().toString();
    private final String e6 = UUID.randomUUID().toString();
    private final String t1 = UUID.randomUUID().toString();
    private final String bombId = UUID.randomUUID().toString();
    private byte[] photo;
    private byte[] pdf;

    @BeforeEach
    void recordTheEvidence() throws Exception {
        if (p1 != null) {
            return;
        }
        photo = image(1600, 1200, "jpg");
        pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] other = image(40, 30, "png");
        p1 = recorder.signed("gaoxin", "12000", LocalDate.of(2024, 3, 1));
        p2 = recorder.signed("chengui", "12000", LocalDate.of(2024, 3, 1));
        recorder.started(p1, LocalDate.of(2024, 6, 10));
        recorder.started(p2, LocalDate.of(2024, 6, 10));
        attach(p1, e1, Milestone.START, file("开工1.jpg", photo, EvidenceKind.SITE_PHOTO,
                LocalDateTime.of(2024, 5, 10, 9, 0)), "2024-06-11T10:00:00");
        attach(p1, e2, Milestone.START, file("开工2.jpg", photo, EvidenceKind.SITE_PHOTO,
                LocalDateTime.of(2024, 5, 11, 18, 0)), "2024-06-11T10:05:00");
        attach(p1, e3, Milestone.SIGNING, file("合同.pdf", pdf, EvidenceKind.CONTRACT, null), "2024-06-11T10:10:00");
        attach(p2, e4, Milestone.START, file("陈贵.jpg", photo, EvidenceKind.SITE_PHOTO, null), "2024-06-11T10:00:00");
        // E5 names a hash whose stored bytes are another file's
        EvidenceFile swapped = new EvidenceFile("换过.png", "image/png", other.length, "ab".repeat(32),
                EvidenceKind.SITE_PHOTO, null, null, null);
        attach(p1, e5, Milestone.START, swapped, "2024-06-11T10:15:00");
        jdbc.update("INSERT INTO evidence_blob (sha256, size, content) VALUES (?, ?, ?)", "ab".repeat(32),
                other.length, other);
        verify(Milestone.START, Verdict.VERIFIED, null, "2024-06-20T10:00:00");
        verify(Milestone.START, Verdict.DOUBTFUL, "照片早于开工", "2024-06-25T10:00:00");
        recorder.events().ticket(new TicketRaised(t1, p1, "gaoxin", TicketCategory.LAND, "净地未交付",
                LocalDate.of(2024, 6, 12)), shanghai("2024-06-12T10:00:00"), "gaoxin", "CLERK", "gaoxin", null, null);
        recorder.events().ticket(new TicketEvidenceAttached(t1, e6, LocalDate.of(2024, 6, 12),
                        file("红线图.pdf", pdf, EvidenceKind.OTHER, null)), shanghai("2024-06-12T10:05:00"), "gaoxin",
                "CLERK", "gaoxin", null, null);
        byte[] bomb = pixelBomb(100_000, 100_000);
        attach(p2, bombId, null, file("bomb.png", bomb, EvidenceKind.OTHER, null), "2024-06-11T11:00:00");
        for (byte[] bytes : List.of(photo, pdf, bomb)) {
            Path temp = Files.createTempFile("evidence", ".bin");
            Files.write(temp, bytes);
            store.put(EvidenceFiles.sha256(bytes), temp, bytes.length);
            Files.delete(temp);
        }
        recorder.awaitProjections();
    }

    @Test
    void aProjectsEvidenceWithTheFindingsAndThePhotosTakenTooEarly() throws Exception {
        JsonNode answer = json(get("gaoxin", "/api/projects/" + p1 + "/evidence"), 200);
        assertThat(answer.path("photoDaysBefore").asInt()).isEqualTo(30);
        List<String> rows = new ArrayList<>();
        answer.path("evidence").forEach(e -> rows.add(e.path("fileName").asText() + " " + e.path("milestone").asText()
                + " " + e.path("milestoneDate").asText() + " " + e.path("predatesMilestone").asBoolean()));
        assertThat(rows).containsExactly("开工1.jpg START 2024-06-10 true", "开工2.jpg START 2024-06-10 false",
                "合同.pdf SIGNING 2024-03-01 false", "换过.png START 2024-06-10 false");
        JsonNode first = answer.path("evidence").get(0);
        assertThat(first.path("capturedAt").asText()).isEqualTo("2024-05-10T09:00:00");
        assertThat(first.path("kindLabel").asText()).isEqualTo("现场施工照片");
        assertThat(first.path("attachedBy").asText()).isEqualTo("gaoxin");
        assertThat(first.path("thumbnailUrl").asText()).isEqualTo("/api/evidence/" + e1 + "/thumbnail");
        assertThat(answer.path("evidence").get(2).path("thumbnailUrl").isNull()).as("a PDF has none").isTrue();
        JsonNode finding = answer.path("findings").get(0);
        assertThat(answer.path("findings")).hasSize(1);
        assertThat(finding.path("milestone").asText()).isEqualTo("START");
        assertThat(finding.path("verdictLabel").asText()).isEqualTo("存疑");
        assertThat(finding.path("reason").asText()).isEqualTo("照片早于开工");
        assertThat(finding.path("recordedBy").asText()).isEqualTo("supervisor");
    }

    @Test
    void aClerkReadsItsOwnTownshipsEvidenceOnly() throws Exception {
        assertThat(json(get("chengui", "/api/projects/" + p1 + "/evidence"), 403).path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(json(get("chengui", "/api/evidence/" + e1), 403).path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(json(get("chengui", "/api/evidence/" + e1 + "/thumbnail"), 403).path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(json(get("chengui", "/api/tickets/" + t1 + "/evidence"), 403).path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(json(get("chengui", "/api/evidence/" + e6), 403).path("code").asText())
                .isEqualTo("access.other-township");
        assertThat(get("chengui", "/api/evidence/" + e4).statusCode()).isEqualTo(200);
        assertThat(json(get("supervisor", "/api/projects/" + p2 + "/evidence"), 200).path("evidence")).hasSize(2);
        // a department sees the projects credited to it: neither of these
        assertThat(get("dept32", "/api/evidence/" + e1).statusCode()).isEqualTo(403);
        assertThat(json(get("gaoxin", "/api/evidence/" + UUID.randomUUID()), 404).path("code").asText())
                .isEqualTo("evidence.not-found");
        assertThat(json(get("gaoxin", "/api/projects/" + UUID.randomUUID() + "/evidence"), 404).path("code").asText())
                .isEqualTo("project.not-found");
        assertThat(json(get("gaoxin", "/api/tickets/" + t1 + "/evidence"), 200).get(0).path("fileName").asText())
                .isEqualTo("红线图.pdf");
    }

    @Test
    void aPhotoIsServedInlineAPdfAsADownloadBothSandboxed() throws Exception {
        HttpResponse<byte[]> image = get("gaoxin", "/api/evidence/" + e1);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(photo);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(image.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        assertThat(image.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
        HttpResponse<byte[]> document = get("gaoxin", "/api/evidence/" + e3);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(document.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
                .contains("filename*=UTF-8''%E5%90%88%E5%90%8C.pdf");
        assertThat(document.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void bytesThatNoLongerMatchTheirRecordedHashAreNeverServed() throws Exception {
        assertThat(json(get("gaoxin", "/api/evidence/" + e5), 409).path("code").asText())
                .isEqualTo("evidence.unverifiable");
        assertThat(json(get("gaoxin", "/api/evidence/" + e5 + "/thumbnail"), 409).path("code").asText())
                .isEqualTo("evidence.unverifiable");
    }

    @Test
    void aThumbnailIsAFreshPngOfThePixelsAtMost320Wide() throws Exception {
        HttpResponse<byte[]> thumbnail = get("gaoxin", "/api/evidence/" + e1 + "/thumbnail");
        assertThat(thumbnail.statusCode()).isEqualTo(200);
        assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(thumbnail.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertThat(read.getWidth()).isEqualTo(320);
        assertThat(read.getHeight()).isEqualTo(240);
        assertThat(json(get("gaoxin", "/api/evidence/" + e3 + "/thumbnail"), 404).path("code").asText())
                .as("a PDF has no thumbnail").isEqualTo("evidence.not-found");
    }

    @Test
    void anImageClaimingTooManyPixelsIsNeverDecoded() throws Exception {
        assertThat(json(get("chengui", "/api/evidence/" + bombId + "/thumbnail"), 415).path("code").asText())
                .isEqualTo("evidence.unsupported-type");
    }

    private void attach(String project, String id, Milestone milestone, EvidenceFile file, String at) {
        recorder.events().record(new EvidenceAttached(project, id, milestone, file), shanghai(at), "gaoxin", "CLERK",
                "gaoxin", null);
    }

    private void verify(Milestone milestone, Verdict verdict, String reason, String at) {
        recorder.events().bySupervisor(new MilestoneVerified(p1, milestone, verdict, reason), shanghai(at), reason);
    }

    private static EvidenceFile file(String name, byte[] bytes, EvidenceKind kind, LocalDateTime captured) {
        String type = name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".png") ? "image/png" : "image/jpeg";
        return new EvidenceFile(name, type, bytes.length, EvidenceFiles.sha256(bytes), kind, captured,
                captured == null ? null : 30.09, captured == null ? null : 114.98);
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    static byte[] image(int width, int height, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A small PNG whose header claims {@code width} × {@code height} pixels (its CRC made right). */
    static byte[] pixelBomb(int width, int height) throws Exception {
        byte[] png = image(1, 1, "png");
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" and its 13 bytes
        b.putInt(29, (int) crc.getValue());
        return png;
    }
}
