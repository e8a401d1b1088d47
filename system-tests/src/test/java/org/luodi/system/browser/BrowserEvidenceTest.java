package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.system.RunningLuodi;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 实证 (#19) through the pages: the township's clerk uploads site photos to the project's 开工 (one with the
 * camera's EXIF time and place, taken long before the start, one without), sees their thumbnails, the place and the
 * warning; a supervisor marks 开工 已核实 and the page shows it; a file that is no photo and one over 20 MiB are
 * refused with the server's Chinese words; a clerk of another township cannot read the files; a ticket takes a PDF.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserEvidenceTest {
    private static final String CLERK = "dajipu";
    private static final String OTHER_CLERK = "gaoxin";
    private static final String STARTED_ON = "2024-05-10";
    /** More than 30 days (luodi.evidence.photo-days-before) before STARTED_ON: the page must warn. */
    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 3, 1, 9, 30, 0);
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Api api;
    private static String project;
    private static Path files;
    private static byte[] exifPhoto;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        api = new Api(luodi);
        project = api.sign(CLERK, "实证的新型建材项目", 16_000, "2024-04-02");
        api.start(CLERK, project, STARTED_ON);
        files = Files.createTempDirectory("luodi-evidence-");
        exifPhoto = withExif(jpeg(640, 480), TAKEN, 30.09512, 114.97380);
        browser = Chromium.open(luodi.queryUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (files != null) {
            try (var walk = Files.walk(files)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void theClerkUploadsSitePhotosToTheStartAndSeesThumbnailsAndTheWarning() throws Exception {
        browser.login(CLERK).go("/project/" + project);
        browser.waitFor("#evidence-upload");
        upload("start-site.jpg", exifPhoto, "START");
        String section = browser.waitForText("#evidence-START", "start-site.jpg");
        // the EXIF as the camera wrote it, and the warning: taken 70 days before the recorded start
        assertThat(section).contains("拍摄时间 2024-03-01 09:30", "拍摄地点 北纬 30.09512°，东经 114.97380°",
                "照片拍摄早于开工", "拍摄于 2024-03-01，开工日期 " + STARTED_ON);
        thumbnailShown("#evidence-files-START li:nth-child(1) img.evidence-thumb", 320, 240);

        upload("start-site-no-exif.jpg", jpeg(300, 400), "START");
        browser.waitForText("#evidence-START", "start-site-no-exif.jpg");
        assertThat(browser.findAll("#evidence-files-START li")).hasSize(2);
        // a photo without EXIF has no time or place to show, and nothing to warn of
        assertThat(browser.findAll("#evidence-files-START .evidence-warning")).hasSize(1);
        assertThat(browser.findAll("#evidence-files-START .evidence-exif")).hasSize(1);
        thumbnailShown("#evidence-files-START li:nth-child(2) img.evidence-thumb", 240, 320);
        assertThat(browser.text("#finding-START")).isEqualTo("未核实");
        browser.screenshot("evidence-clerk");

        JsonNode evidence = api.await("/api/projects/" + project + "/evidence", e -> e.path("evidence").size() == 2);
        assertThat(evidence.path("evidence").get(0).path("predatesMilestone").asBoolean()).isTrue();
        assertThat(evidence.path("evidence").get(1).path("predatesMilestone").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void aSupervisorMarksTheStartVerified() throws Exception {
        browser.login("supervisor").go("/project/" + project);
        browser.waitFor("#verify-START");
        browser.type("#verify-reason-START", "现场查看，土方施工已开始");
        browser.click("#verify-START");
        assertThat(browser.waitForText("#finding-START", "已核实")).isEqualTo("已核实");
        assertThat(browser.text("#finding-detail-START")).contains("现场查看，土方施工已开始");
        // the finding is in the page's history too, without a reload
        assertThat(browser.waitForText("#project-history", "开工已核实：现场查看，土方施工已开始"))
                .contains("开工已核实：现场查看，土方施工已开始");
        // a milestone not looked at has no finding
        assertThat(browser.text("#finding-SIGNING")).isEqualTo("未核实");
        JsonNode findings = api.await("/api/projects/" + project + "/evidence",
                e -> e.path("findings").size() == 1).path("findings");
        assertThat(findings.get(0).path("milestone").asText()).isEqualTo("START");
        assertThat(findings.get(0).path("verdict").asText()).isEqualTo("VERIFIED");
        browser.screenshot("evidence-verified");

        // 存疑 needs a reason: refused on the page before anything is sent
        browser.type("#verify-reason-START", " ");
        browser.click("#doubt-START");
        assertThat(browser.waitForText("#verify-status-START", "存疑须写明原因")).contains("存疑须写明原因");
    }

    @Test
    @Order(3)
    void aFileThatIsNoPhotoAndOneTooLargeAreRefusedWithTheServersWords() throws Exception {
        browser.login(CLERK).go("/project/" + project);
        browser.waitFor("#evidence-upload");
        byte[] executable = new byte[256];
        executable[0] = 'M';
        executable[1] = 'Z';
        upload("start-photo.jpg", executable, "START");
        assertThat(browser.waitForText("#evidence-status", ErrorCode.EVIDENCE_TYPE_REFUSED.meaning()))
                .contains(ErrorCode.EVIDENCE_TYPE_REFUSED.meaning());

        byte[] large = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.ISO_8859_1), 0, large, 0, 9);
        upload("contract-scan.pdf", large, "SIGNING");
        assertThat(browser.waitForText("#evidence-status", "超过 20 MiB")).contains("超过 20 MiB");
        assertThat(api.await("/api/projects/" + project + "/evidence", e -> true).path("evidence").size())
                .isEqualTo(2); // nothing of either was recorded
    }

    @Test
    @Order(4)
    void aClerkOfAnotherTownshipCannotReadTheFiles() throws Exception {
        JsonNode photo = api.await("/api/projects/" + project + "/evidence",
                e -> e.path("evidence").size() >= 1).path("evidence").get(0);
        String url = photo.path("url").asText();
        HttpResponse<byte[]> own = get(CLERK, url);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).isEqualTo(exifPhoto);
        assertThat(get(OTHER_CLERK, url).statusCode()).isEqualTo(403);
        assertThat(get(OTHER_CLERK, photo.path("thumbnailUrl").asText()).statusCode()).isEqualTo(403);
        assertThat(get(OTHER_CLERK, "/api/projects/" + project + "/evidence").statusCode()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void aTicketTakesAPdf() throws Exception {
        HttpResponse<String> raised = api.post(CLERK, "/api/tickets", "{\"projectId\":\"" + project
                + "\",\"category\":\"LAND\",\"description\":\"用地指标未落实\"}");
        assertThat(raised.statusCode()).isEqualTo(201);
        String ticket = json.readTree(raised.body()).path("ticketId").asText();
        api.await("/api/tickets/" + ticket, t -> true);
        browser.login(CLERK).go("/ticket/" + ticket);
        browser.waitFor("#evidence-upload");
        Path pdf = write("land-note.pdf", "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        browser.find("#evidence-file").sendKeys(pdf.toString());
        browser.click("#evidence-upload");
        browser.waitForText("#evidence-files", "land-note.pdf");
        assertThat(browser.find("#evidence-files a.evidence-download").getAttribute("download")).isEqualTo("land-note.pdf");
        assertThat(browser.findAll("#evidence-files img")).isEmpty();
        assertThat(get(OTHER_CLERK, "/api/tickets/" + ticket + "/evidence").statusCode()).isEqualTo(403);
    }

    /**
     * Chooses the file in the form (written to disk, as a user picks it; an ASCII name, as the JVM may not write
     * others to disk), the milestone, 现场施工照片; uploads.
     */
    private void upload(String name, byte[] bytes, String milestone) throws IOException {
        Path file = write(name, bytes);
        browser.select("#evidence-milestone", milestone).select("#evidence-kind", "SITE_PHOTO");
        browser.find("#evidence-file").sendKeys(file.toString());
        browser.click("#evidence-upload");
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory(files, "f");
        return Files.write(dir.resolve(name), bytes);
    }

    /** The thumbnail loaded (the browser decoded what the server sent) at the size the server scaled it to. */
    private void thumbnailShown(String css, int width, int height) {
        browser.waitFor(css);
        browser.waitUntil(b -> Boolean.TRUE.equals(b.script("return arguments[0].complete && arguments[0].naturalWidth > 0",
                b.find(css))));
        assertThat(((Number) browser.script("return arguments[0].naturalWidth", browser.find(css))).intValue())
                .isEqualTo(width);
        assertThat(((Number) browser.script("return arguments[0].naturalHeight", browser.find(css))).intValue())
                .isEqualTo(height);
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + path))
                .header("Authorization", Api.basic(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x8a6d3b));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillRect(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF APP1 after its SOI: taken at {@code taken}, at latitude/longitude (north, east). */
    static byte[] withExif(byte[] jpeg, LocalDateTime taken, double latitude, double longitude) {
        ByteBuffer tiff = ByteBuffer.allocate(178);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);                                   // IFD0 at 8: EXIF IFD at 38, GPS IFD at 76
        entry(tiff, 0x8769, 4, 1, 38);
        entry(tiff, 0x8825, 4, 1, 76);
        tiff.putInt(0);
        tiff.putShort((short) 1);                                   // EXIF IFD: DateTimeOriginal at 56
        entry(tiff, 0x9003, 2, 20, 56);
        tiff.putInt(0);
        tiff.put((taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
                .getBytes(StandardCharsets.US_ASCII));
        tiff.putShort((short) 4);                                   // GPS IFD: N, latitude at 130, E, longitude at 154
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0});
        entry(tiff, 2, 5, 3, 130);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[]{'E', 0, 0, 0});
        entry(tiff, 4, 5, 3, 154);
        tiff.putInt(0);
        dms(tiff, latitude);
        dms(tiff, longitude);
        ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + 178);
        app1.put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + 6 + 178));
        app1.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array());
        byte[] out = new byte[jpeg.length + app1.capacity()];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app1.array(), 0, out, 2, app1.capacity());
        System.arraycopy(jpeg, 2, out, 2 + app1.capacity(), jpeg.length - 2);
        return out;
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    /** Degrees, minutes and seconds as three RATIONALs, the seconds in hundredths. */
    private static void dms(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double minutes = (degrees - d) * 60;
        int m = (int) minutes;
        long centiSeconds = Math.round((minutes - m) * 60 * 100);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) centiSeconds).putInt(100);
    }
}
