package org.luodi.query.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;

/**
 * The bulletin's department sheet (#16), worked out by hand against 附件2's 2024 targets and the default weights
 * (新签约 15, 开工入库 30, 外资 5 of 90; 签约额 carries no weight):
 * <pre>
 * A 市商务局 (dept38: 1 signing, 1 started and stored, 700 万美元): 12,000 万 signed 2024-03-10
 *   → completion 1, 0, 0 → 15 × 1 of 50 → 27.00
 * B 市委办公室 (dept01: 2 signings, 10 亿, 1 started and stored): 50,000 万 signed 01-20, stored 02-15
 *   → completion 0.5, 1 → (7.5 + 30) of 45 → 75.00
 * C 市工商联 (dept22): 30,000 万 signed 2023-11-15, nothing in 2024 → 0.00, as every department without a project
 * </pre>
 * Months without 招商实效 in March: 市商务局 0 (its signing), 市委办公室 1 (stored in February), 市工商联 3 (January to
 * March) → 主要领导约谈. In January: 市工商联 2 (January and December; its November signing ends the run).
 */
class DepartmentBulletinTest extends IsolatedQuerySideTest {

    @Test
    void departmentsAreScoredRankedAndCalledToTalksAfterMonthsWithoutResults() throws IOException {
        clock.setToday(LocalDate.of(2024, 1, 1));
        recorder.credited("gaoxin", "dept38", "12000", LocalDate.of(2024, 3, 10));
        String b = recorder.credited("chengui", "dept01", "50000", LocalDate.of(2024, 1, 20));
        recorder.started(b, LocalDate.of(2024, 2, 1));
        recorder.stored(b, LocalDate.of(2024, 2, 15), "60000");
        recorder.credited("jinhu", "dept22", "30000", LocalDate.of(2023, 11, 15));
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2024, 12, 31));

        JsonNode march = supervisor().get("/api/bulletin?year=2024&month=3").ok();
        assertThat(march.get("departments")).hasSize(73);
        JsonNode commerce = department(march, "dept38");
        assertThat(commerce.get("name").asText()).isEqualTo("市商务局");
        assertThat(commerce.get("kind").asText()).isEqualTo("party-government");
        assertThat(decimal(commerce.get("score"))).isEqualByComparingTo("27.00");
        assertThat(commerce.get("rank").asInt()).isEqualTo(2);
        assertThat(commerce.get("topFive").asBoolean()).isTrue();
        assertThat(commerce.get("allTasksComplete").asBoolean()).isFalse();
        assertThat(commerce.get("monthsWithoutResults").asInt()).isZero();

        JsonNode partyOffice = department(march, "dept01");
        assertThat(decimal(partyOffice.get("score"))).isEqualByComparingTo("75.00");
        assertThat(partyOffice.get("rank").asInt()).isEqualTo(1);
        assertThat(partyOffice.get("monthsWithoutResults").asInt()).isEqualTo(1);
        assertThat(partyOffice.get("interviewByLeaderInCharge").asBoolean()).isFalse();

        JsonNode reform = department(march, "dept22");
        assertThat(decimal(reform.get("score"))).isEqualByComparingTo("0");
        assertThat(reform.get("rank").asInt()).isEqualTo(3); // tied with every department without a project
        assertThat(reform.get("bottomThree").asBoolean()).as("66 share rank 3: none of them is in the last three")
                .isFalse();
        assertThat(reform.get("monthsWithoutResults").asInt()).isEqualTo(3);
        assertThat(reform.get("interviewByTopLeaders").asBoolean()).isTrue();

        JsonNode fundOnly = department(march, "dept54"); // 高新产业集团: 出资 8000 万元基金, measured by nothing yet
        assertThat(fundOnly.get("score").isNull()).isTrue();
        assertThat(fundOnly.get("rank").isNull()).isTrue();

        JsonNode january = supervisor().get("/api/bulletin?year=2024&month=1").ok();
        JsonNode reformInJanuary = department(january, "dept22");
        assertThat(reformInJanuary.get("monthsWithoutResults").asInt()).as("across the turn of the year").isEqualTo(2);
        assertThat(reformInJanuary.get("interviewByLeaderInCharge").asBoolean()).isTrue();
        assertThat(reformInJanuary.get("interviewByTopLeaders").asBoolean()).isFalse();
        assertThat(department(january, "dept01").get("monthsWithoutResults").asInt()).isZero();

        assertThat(as("gaoxin").get("/api/bulletin?year=2024&month=3").ok().get("departments")).isEmpty();

        ApiClient.Answer workbook = supervisor().get("/api/bulletin.xlsx", "year", 2024, "month", 3);
        assertThat(workbook.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            Sheet sheet = book.getSheet(BulletinWorkbook.DEPARTMENT_SHEET);
            assertThat(sheet).isNotNull();
            Row first = sheet.getRow(BulletinWorkbook.FIRST_DATA_ROW);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("市委办公室");
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(2); // target: 2 signings
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(5); // 亿元
            assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(75);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(1);
            Row reformRow = sheet.getRow(BulletinWorkbook.FIRST_DATA_ROW + 21);
            assertThat(reformRow.getCell(0).getStringCellValue()).isEqualTo("市工商联");
            assertThat(reformRow.getCell(10).getStringCellValue()).isEqualTo("连续3个月无实效：主要领导约谈");
        }
    }

    private static JsonNode department(JsonNode bulletin, String code) {
        for (JsonNode row : bulletin.get("departments")) {
            if (row.get("department").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no department " + code);
    }
}
