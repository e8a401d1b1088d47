package org.luodi.system.browser;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 导入台账 in the browser: a clerk uploads the office's ledger, reads the preview and confirms; next month a cell
 * contradicts what was recorded, is shown as an error, and becomes a correction once the clerk says the ledger is
 * right and why.
 */
class BrowserLedgerTest {
    private static final List<String> HEADERS = List.of("项目名称", "投资方", "乡镇", "产业链", "是否工业项目", "投资来源地",
            "合同金额（万元）", "签约日期", "开工日期", "开工类型");
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Path folder;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        browser = Chromium.open(luodi.queryUrl());
        folder = Files.createTempDirectory("luodi-ledger-");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aClerkImportsTheLedgerAndCorrectsWhatTheLedgerHasRight() throws Exception {
        String name = "浏览器台账项目" + UUID.randomUUID().toString().substring(0, 6);
        Path january = ledger("january.xlsx", List.of(name, "某某新材料有限公司", "高新区", "新材料", "是", "省内", "8,000",
                "2024/3/1", "2024.4.1", "新建"));
        browser.login("gaoxin").go("/ledger");
        browser.find("#ledger-file").sendKeys(january.toString());
        assertThat(browser.waitForText("#ledger-result", "新项目")).contains(name, "开工 2024-04-01");
        browser.click("#ledger-confirm");
        assertThat(browser.waitForText("#ledger-result", "已导入")).contains("新项目 1 个");

        // February: the office's ledger says the contract was signed on 3月2日
        Path february = ledger("february.xlsx", List.of(name, "某某新材料有限公司", "高新区", "新材料", "是", "省内", "8,000",
                "2024/3/2", "2024.4.1", "新建"));
        browser.go("/ledger");
        browser.find("#ledger-file").sendKeys(february.toString());
        browser.waitForText("#ledger-result", "有错误");
        assertThat(browser.find(".ledger-cell.error").getAttribute("title")).contains("与已录入不一致", "2024-03-01");
        assertThat(browser.find("#ledger-confirm").isEnabled()).isFalse();

        browser.click("#ledger-correct").type("#ledger-reason", "核对合同原件，以台账为准");
        browser.find("#ledger-reason").sendKeys("\t"); // the reason's change event asks for the preview again
        assertThat(browser.waitForText("#ledger-result", "更正 签约日期")).contains("2024-03-01 → 2024-03-02");
        browser.click("#ledger-confirm");
        assertThat(browser.waitForText("#ledger-result", "已导入")).contains("新增里程碑的项目 1 个");
        browser.screenshot("ledger");
    }

    private static Path ledger(String fileName, List<String> row) throws Exception {
        // an ASCII name: chromedriver does not find a file whose path has Chinese in it
        Path file = folder.resolve(UUID.randomUUID() + "-" + fileName);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("项目台账");
            for (int r = 0; r < 2; r++) {
                List<String> cells = r == 0 ? HEADERS : row;
                Row line = sheet.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    line.createCell(c).setCellValue(cells.get(c));
                }
            }
            wb.write(out);
        }
        return file;
    }
}
