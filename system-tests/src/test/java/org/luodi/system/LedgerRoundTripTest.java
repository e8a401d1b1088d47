package org.luodi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #18's "done when", across both processes: a ledger imported through the web UI's door (the query side's
 * gateway, multipart passed through), exported by the query side, edited the way an office edits it (here by
 * POI's user model, not the exporter's streaming code), and imported again, records exactly the edits.
 */
class LedgerRoundTripTest {
    private final RunningLuodi luodi = RunningLuodi.shared();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anExportedLedgerEditedAndImportedAgainRecordsExactlyTheEdits() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // 1. an office's first ledger, through the query side's gateway
        byte[] first = workbook(List.of(
                List.of("项目名称", "投资方", "乡镇", "产业链", "是否工业项目", "投资来源地", "合同金额（万元）", "签约日期",
                        "开工日期", "开工类型"),
                List.of("往返甲" + tag, "甲公司", "东风农场管理区", "新材料", "是", "省内", "8,000", "2024/3/1", "2024.4.1", "新建"),
                List.of("往返乙" + tag, "乙公司", "东风农场管理区", "电子信息", "否", "省外", "1.2亿", "2024年5月6日", "", "")));
        JsonNode imported = upload(first, "一月台账.xlsx", false);
        assertThat(imported.path("summary").path("newProjects").asInt()).as(imported.toString()).isEqualTo(2);
        long afterFirst = events();

        // 2. the query side has them; export the township's ledger
        awaitProjects(tag, 2);
        HttpResponse<byte[]> export = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl()
                        + "/api/ledger.xlsx?township=dongfeng")).header("Authorization", basic("dongfeng")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");

        // 3. the edits: 乙 started (a date typed as text), 甲 got money (a new funds row), nothing else touched
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet projects = wb.getSheet("项目台账");
            List<String> headers = new ArrayList<>();
            projects.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            int name = headers.indexOf("*项目名称");
            int started = headers.indexOf("开工日期");
            int kind = headers.indexOf("开工类型");
            String codeOfJia = null;
            for (Row row : projects) {
                Cell n = row.getCell(name);
                if (n != null && n.getStringCellValue().equals("往返乙" + tag)) {
                    row.createCell(started).setCellValue("2024-06-10");
                    row.createCell(kind).setCellValue("复工/续建");
                }
                if (n != null && n.getStringCellValue().equals("往返甲" + tag)) {
                    codeOfJia = row.getCell(0).getStringCellValue();
                }
            }
            Sheet funds = wb.getSheet("到位资金");
            Row row = funds.createRow(funds.getLastRowNum() + 1);
            row.createCell(0).setCellValue(codeOfJia);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Cell on = row.createCell(2);
            on.setCellValue(LocalDate.of(2024, 7, 1));
            on.setCellStyle(date);
            row.createCell(3).setCellValue("省内");
            row.createCell(4).setCellValue(1500);
            row.createCell(5).setCellValue("万元");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }

        // 4. the preview says so, and the import records exactly the two edits
        JsonNode preview = upload(edited, "二月台账.xlsx", true);
        assertThat(preview.path("errors")).as(preview.toString()).isEmpty();
        assertThat(preview.path("summary").path("events").asInt()).isEqualTo(2);
        JsonNode second = upload(edited, "二月台账.xlsx", false);
        assertThat(second.path("recorded").asBoolean()).isTrue();
        assertThat(events() - afterFirst).isEqualTo(2);
        assertThat(typesSince(afterFirst)).containsExactlyInAnyOrder("ConstructionStarted", "FundsArrived");

        // 5. the same file again writes nothing
        assertThat(upload(edited, "二月台账.xlsx", false).path("alreadyImported").asBoolean()).isTrue();
        assertThat(events() - afterFirst).isEqualTo(2);
    }

    private JsonNode upload(byte[] file, String name, boolean dryRun) throws Exception {
        String boundary = "----ledger" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl()
                        + "/api/ledger/import" + (dryRun ? "?dryRun=true" : "")))
                .header("Authorization", basic("dongfeng"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private void awaitProjects(String tag, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl()
                    + "/api/projects?name=" + tag)).header("Authorization", basic("dongfeng")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && json.readTree(answer.body()).path("totalElements").asInt() == count) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not visible within 10 s: " + answer.body());
            }
            Thread.sleep(50);
        }
    }

    private long events() throws Exception {
        try (Connection c = luodi.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> typesSince(long count) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = luodi.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload_type FROM domain_event_entry ORDER BY global_index OFFSET "
                     + count)) {
            while (rs.next()) {
                types.add(rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1));
            }
        }
        return types;
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("项目台账");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
