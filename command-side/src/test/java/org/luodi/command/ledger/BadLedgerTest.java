package org.luodi.command.ledger;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.luodi.command.RunningCommandSide;
import org.luodi.command.ledger.Upload.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bad input of issue #18: refused with a clear problem+json, naming where, and nothing written. */
@RunningCommandSide
class BadLedgerTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)
                + jdbc.queryForObject("SELECT count(*) FROM ledger_import", Long.class);
    }

    /** Sends {@code file}; asserts the status, code and words, and that nothing was written. */
    private Answer refused(byte[] file, int status, String code, String... words) {
        long before = events();
        Answer answer = Upload.send(port, "gaoxin", "bad.xlsx", file, false);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("code").asText()).isEqualTo(code);
        String text = answer.body().toString();
        for (String w : words) {
            assertThat(text).contains(w);
        }
        assertThat(events()).as("nothing written").isEqualTo(before);
        return answer;
    }

    private static List<List<Object>> good(String tag, Object... changes) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Workbooks.PROJECT_HEADERS);
        List<Object> row = new ArrayList<>(java.util.Collections.nCopies(Workbooks.PROJECT_HEADERS.size(), null));
        row.set(1, "项目" + tag);
        row.set(2, "投资方");
        row.set(3, "高新区");
        row.set(4, "新材料");
        row.set(5, "是");
        row.set(6, "省内");
        row.set(7, 5000);
        row.set(8, LocalDate.of(2024, 5, 20));
        for (int i = 0; i < changes.length; i += 2) {
            row.set((Integer) changes[i], changes[i + 1]);
        }
        rows.add(row);
        return rows;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void notAnXlsx() {
        refused("项目名称,乡镇\n".getBytes(StandardCharsets.UTF_8), 400, "ledger.unreadable", "CSV");
        refused("%PDF-1.7\n...".getBytes(StandardCharsets.UTF_8), 400, "ledger.unreadable", "PDF");
        byte[] xls = new byte[512];
        xls[0] = (byte) 0xD0;
        xls[1] = (byte) 0xCF;
        xls[2] = 0x11;
        xls[3] = (byte) 0xE0;
        refused(xls, 400, "ledger.unreadable", ".xls");
        refused(zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8)), 400, "ledger.unreadable", "不是有效的 .xlsx");
    }

    @Test
    void aZipBomb() {
        // a part that inflates 50 MiB from a few KiB: far past the deliberate inflate ratio
        byte[] spaces = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        refused(zip("xl/worksheets/sheet1.xml", spaces), 400, "ledger.unreadable");
    }

    @Test
    void aFileOverTheUploadLimit() {
        long before = events();
        Answer answer = Upload.send(port, "gaoxin", "big.xlsx", new byte[21 * 1024 * 1024], false);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().path("code").asText()).isEqualTo("ledger.too-large");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void formulasMergedCellsHiddenSheetsRowsAndColumns() {
        refused(Workbooks.of(good(tag()), null, wb -> wb.getSheetAt(0).getRow(1).createCell(9).setCellFormula("1+1")),
                400, "ledger.unreadable", "公式", "项目台账!J2");
        refused(Workbooks.of(good(tag()), null, wb -> wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(1, 1, 10, 11))),
                400, "ledger.unreadable", "合并单元格", "K2:L2");
        refused(Workbooks.of(good(tag()), List.of(Workbooks.FUNDS_HEADERS), wb -> wb.setSheetHidden(1, true)),
                400, "ledger.unreadable", "隐藏的工作表");
        refused(Workbooks.of(good(tag()), null, wb -> wb.getSheetAt(0).getRow(1).setZeroHeight(true)),
                400, "ledger.unreadable", "隐藏的行");
        refused(Workbooks.of(good(tag()), null, wb -> wb.getSheetAt(0).setColumnHidden(3, true)),
                400, "ledger.unreadable", "隐藏的列");
    }

    @Test
    void wrongOrMissingHeadersSayWhichAreExpected() {
        List<List<Object>> wrong = good(tag());
        wrong.set(0, new ArrayList<>(Workbooks.PROJECT_HEADERS));
        wrong.get(0).set(4, "行业");
        refused(Workbooks.of(wrong), 400, "ledger.unreadable", "不认识的表头", "行业", "缺少表头 产业链", "*签约日期");
        refused(Workbooks.of(List.of(List.of("随便写的", "一张表"))), 400, "ledger.unreadable", "没有表头",
                "应有的表头");
    }

    @Test
    void twentyThousandEmptyFormattedRows() {
        refused(Workbooks.of(good(tag()), null, wb -> {
            var style = wb.createCellStyle();
            style.setFillForegroundColor((short) 13);
            var sheet = wb.getSheetAt(0);
            for (int r = 2; r < 20_002; r++) {
                sheet.createRow(r).createCell(0).setCellStyle(style);
            }
        }), 400, "ledger.unreadable", "空行");
    }

    @Test
    void duplicateAndUnknownProjectCodes() {
        String code = UUID.randomUUID().toString();
        List<List<Object>> rows = good(tag(), 0, code);
        rows.add(new ArrayList<>(rows.get(1)));
        refused(Workbooks.of(rows), 400, "ledger.invalid", "项目编号重复", "项目台账!A2", "项目台账!A3");
        refused(Workbooks.of(good(tag(), 0, code)), 400, "ledger.invalid", "不存在", "项目台账!A2");
    }

    @Test
    void datesInTheFutureOrBefore2000() {
        refused(Workbooks.of(good(tag(), 8, RunningCommandSide.TODAY.plusDays(1))), 400, "ledger.invalid",
                "项目台账!I2", "日期不能晚于今天");
        refused(Workbooks.of(good(tag(), 8, "1999-12-31")), 400, "ledger.invalid", "项目台账!I2", "不能早于 2000-01-01");
        refused(Workbooks.of(good(tag(), 8, "2024-02-30")), 400, "ledger.invalid", "项目台账!I2", "不存在");
    }

    @Test
    void negativeOrAbsurdAmountsByTheFormsRules() {
        refused(Workbooks.of(good(tag(), 7, -5)), 400, "ledger.invalid", "项目台账!H2", "金额必须大于 0");
        // 2,000 亿元: the forms ask for a confirmation a ledger cannot give
        refused(Workbooks.of(good(tag(), 7, "2000亿")), 400, "ledger.invalid", "项目台账!H2", "合同金额");
        refused(Workbooks.of(good(tag(), 7, "很多")), 400, "ledger.invalid", "项目台账!H2", "无法识别的金额");
        // a 入库 plan 100× the contract, as the storage form would weigh it
        refused(Workbooks.of(good(tag(), 13, "2024-06-01", 14, "新建", 15, "2024-07-01", 16, 500_000)), 400,
                "ledger.invalid", "项目台账!Q2", "计划总投资");
    }

    @Test
    void allErrorsAreListedNotTheFirst() {
        List<List<Object>> rows = good(tag(), 5, "也许");
        List<Object> second = new ArrayList<>(good(tag(), 3, "北京").get(1));
        rows.add(second);
        Answer answer = refused(Workbooks.of(rows), 400, "ledger.invalid", "项目台账!F2", "项目台账!D3");
        assertThat(answer.body().path("errors")).hasSize(2);
    }

    private static byte[] zip(String name, byte[] content) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
