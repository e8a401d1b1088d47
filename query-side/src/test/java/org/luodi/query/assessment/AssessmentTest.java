package org.luodi.query.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.http.HttpMethod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.luodi.query.ApiClient.decimal;

/**
 * The year-end 考核 against numbers worked out by hand. Each scenario has its own year.
 * <pre>
 * 2022, townships, every target "2 signings" and nothing else weighted: score = 90 × min(signed ÷ 2, 1.2); every
 * project started within days (no OVERDUE), none in production (no bonus).
 *   一类: chengui 2 of 2 → 90.00, jinhu 2 of 2 → 90.00, baoan 1 of 2 → 45.00 (incomplete, last: 不得评优)
 *   二类: lingxiang 3 of 2 → 108.00 (rank 1, complete: 50 万)
 *   单列: gaoxin 2 of 2 → 90.00, complete: 100 万;  jinniu: target, no category, 0.00, ranked nowhere
 * Adjustments (recorded at noon): 01-10 jinhu 通报表扬 +3 → 93.00; 01-20 jinhu 约谈 −2.5 → 90.50;
 * 02-01 the praise cancelled → jinhu 87.50, chengui 90.00.
 *   known 01-05: chengui and jinhu share rank 1 (both 80 万); 01-15: jinhu 93.00 first (80 万), chengui 50 万;
 *   now: chengui first (80 万), jinhu 87.50 second (50 万).
 * </pre>
 */
class AssessmentTest extends IsolatedQuerySideTest {

    @Test
    void townshipsAreRankedWithinTheirCategoryByScorePlusAdjustmentsAsKnownAtAnyMoment() throws IOException {
        clock.setToday(LocalDate.of(2022, 1, 1));
        for (String township : new String[] {"chengui", "jinhu", "baoan", "lingxiang", "gaoxin", "jinniu"}) {
            ok(supervisor().exchange(HttpMethod.PUT, "/api/targets/2022/" + township,
                    "{\"targets\": {\"signedAbove1Yi.count\": 2}, \"reason\": \"下达年度目标\"}"));
        }
        ok(supervisor().exchange(HttpMethod.PUT, "/api/targets/2022/categories", "{\"categories\": {\"chengui\": "
                + "\"first\", \"jinhu\": \"first\", \"baoan\": \"first\", \"lingxiang\": \"second\", "
                + "\"gaoxin\": \"apart\"}, \"reason\": \"确定乡镇分类\"}"));
        signAndStart("chengui", 2);
        signAndStart("jinhu", 2);
        signAndStart("baoan", 1);
        signAndStart("lingxiang", 3);
        signAndStart("gaoxin", 2);
        recorder.awaitProjections();

        clock.setToday(LocalDate.of(2023, 1, 10));
        JsonNode praise = ok(adjust(2022, "township", "jinhu", "PRAISE", "3", "招商引资工作成效突出，市委通报表扬"));
        assertThat(decimal(praise.get("points"))).isEqualByComparingTo("3");
        assertThat(praise.get("kindName").asText()).isEqualTo("通报表扬");
        assertThat(praise.get("unitName").asText()).isEqualTo("金湖街道");
        assertThat(praise.get("recordedBy").asText()).isEqualTo("supervisor");
        assertThat(praise.get("recordedAt").asText()).isEqualTo("2023-01-10T04:00:00Z");
        clock.setToday(LocalDate.of(2023, 1, 20));
        JsonNode talk = ok(adjust(2022, "township", "jinhu", "INTERVIEW_DEDUCTION", "2.5", "连续两月排名末位被约谈"));
        assertThat(decimal(talk.get("points"))).isEqualByComparingTo("-2.5");
        clock.setToday(LocalDate.of(2023, 2, 1));
        JsonNode cancel = ok(supervisor().exchange(HttpMethod.POST, "/api/assessment/2022/adjustments",
                "{\"cancels\": \"" + praise.get("id").asText() + "\", \"reason\": \"表扬对象录错，撤销\"}"));
        assertThat(decimal(cancel.get("points"))).isEqualByComparingTo("-3");
        assertThat(cancel.get("kind").asText()).isEqualTo("PRAISE");
        assertThat(cancel.get("unit").asText()).isEqualTo("jinhu");
        clock.setToday(LocalDate.of(2023, 3, 1));

        JsonNode before = supervisor().get("/api/assessment/2022", "knownAt", "2023-01-05").ok();
        assertThat(before.get("yearEnded").asBoolean()).isTrue();
        assertThat(before.get("asOf").asText()).isEqualTo("2022-12-31");
        assertTownship(before, "chengui", "90.00", "0", "90.00", 1, "80");
        assertTownship(before, "jinhu", "90.00", "0", "90.00", 1, "80");

        JsonNode afterPraise = supervisor().get("/api/assessment/2022", "knownAt", "2023-01-15").ok();
        assertTownship(afterPraise, "jinhu", "90.00", "3", "93.00", 1, "80");
        assertTownship(afterPraise, "chengui", "90.00", "0", "90.00", 2, "50");

        JsonNode now = supervisor().get("/api/assessment/2022").ok();
        assertThat(now.get("title").asText()).isEqualTo("大冶市2022年度招商选资工作考核");
        assertThat(now.get("townships")).hasSize(14);
        assertThat(now.get("departments")).hasSize(73);
        assertTownship(now, "chengui", "90.00", "0", "90.00", 1, "80");
        JsonNode jinhu = assertTownship(now, "jinhu", "90.00", "-2.5", "87.50", 2, "50");
        assertThat(jinhu.get("allTasksComplete").asBoolean()).isTrue();
        assertThat(jinhu.get("rankedInPool").asInt()).isEqualTo(3);
        assertThat(jinhu.get("poolName").asText()).isEqualTo("一类乡镇");
        assertThat(jinhu.get("rewardNote").asText()).isEqualTo("一类乡镇第2名且完成各项招商任务：奖励50万元");
        JsonNode baoan = assertTownship(now, "baoan", "45.00", "0", "45.00", 3, null);
        assertThat(baoan.get("allTasksComplete").asBoolean()).isFalse();
        assertThat(baoan.get("barredFromExcellent").asBoolean()).isTrue();
        assertTownship(now, "lingxiang", "108.00", "0", "108.00", 1, "50");
        JsonNode gaoxin = assertTownship(now, "gaoxin", "90.00", "0", "90.00", null, "100");
        assertThat(gaoxin.get("categoryName").asText()).isEqualTo("单列考核");
        JsonNode jinniu = assertTownship(now, "jinniu", "0.00", "0", "0.00", null, null);
        assertThat(jinniu.get("categoryName").asText()).isEqualTo("未分类");
        assertThat(jinniu.get("barredFromExcellent").asBoolean()).isFalse();
        JsonNode mingshan = row(now.get("townships"), "mingshan");
        assertThat(mingshan.get("score").isNull()).isTrue();
        assertThat(mingshan.get("finalScore").isNull()).isTrue();
        assertThat(row(now.get("departments"), "dept01").get("rank").isNull()).as("no department targets in 2022")
                .isTrue();

        JsonNode log = supervisor().get("/api/assessment/2022/adjustments").ok();
        assertThat(log).hasSize(3);
        assertThat(log.get(0).get("cancels").asText()).isEqualTo(praise.get("id").asText());
        assertThat(log.get(2).get("cancelledBy").asText()).isEqualTo(cancel.get("id").asText());
        JsonNode oldLog = supervisor().get("/api/assessment/2022/adjustments", "knownAt", "2023-01-25").ok();
        assertThat(oldLog).hasSize(2);
        assertThat(oldLog.get(1).get("cancelledBy").isNull()).as("cancelled only later").isTrue();

        // a clerk: its own row, ranked among all; nothing of the others, nor of the departments
        JsonNode clerk = as("jinhu").get("/api/assessment/2022").ok();
        assertThat(clerk.get("townships")).hasSize(1);
        assertTownship(clerk, "jinhu", "90.00", "-2.5", "87.50", 2, "50");
        assertThat(clerk.get("departments")).isEmpty();
        assertThat(clerk.toString()).doesNotContain("chengui").doesNotContain("陈贵镇");
        assertThat(as("jinhu").get("/api/assessment/2022/adjustments").ok()).hasSize(3);
        assertThat(as("chengui").get("/api/assessment/2022/adjustments").ok()).isEmpty();

        ApiClient.Answer workbook = supervisor().get("/api/assessment/2022.xlsx");
        assertThat(workbook.status()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.bytes()))) {
            Sheet townships = book.getSheet(AssessmentWorkbook.TOWNSHIP_SHEET);
            var chengui = townships.getRow(AssessmentWorkbook.FIRST_DATA_ROW + 3); // the reference order
            assertThat(chengui.getCell(1).getStringCellValue()).isEqualTo("陈贵镇");
            assertThat(chengui.getCell(5).getNumericCellValue()).isEqualTo(90.0);
            assertThat(chengui.getCell(8).getNumericCellValue()).isEqualTo(80.0);
            assertThat(book.getSheet(AssessmentWorkbook.ADJUSTMENT_SHEET).getLastRowNum())
                    .isEqualTo(AssessmentWorkbook.FIRST_DATA_ROW + 2);
        }
        ApiClient.Answer clerkBook = as("jinhu").get("/api/assessment/2022.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(clerkBook.bytes()))) {
            assertThat(book.getSheet(AssessmentWorkbook.TOWNSHIP_SHEET).getLastRowNum())
                    .isEqualTo(AssessmentWorkbook.FIRST_DATA_ROW);
            assertThat(book.getSheet(AssessmentWorkbook.DEPARTMENT_SHEET)).isNull();
        }
    }

    /**
     * 2024, departments against 附件2 (weights 新签约 15 and 开工入库 30; 签约额 has none):
     * <pre>
     * dept01 市委办公室 (2 signings, 10 亿, 1 started and stored): 2 × 50,000 万, one stored → 90.00, complete
     * dept09 市委政研室 (1 signing, 2 亿): one of 20,000 万 → 90.00, complete; 约谈 −1 → 89.00
     * dept12 市融媒体中心 (2 signings, 10 亿, 1 stored): one of 30,000 万 → 15 × 0.5 of 45 → 15.00; praise +10 → 25.00
     * dept13 市档案馆: nothing → 0.00; criticism −1 → −1.00, alone last of 69 ranked, incomplete: 不得评优
     * </pre>
     * dept01 rank 1 and dept09 rank 2: both 20 万; the 65 other units at 0.00 share rank 4.
     */
    @Test
    void departmentsAreRankedTogetherAndRewardedInTheFirstFivePlaces() {
        clock.setToday(LocalDate.of(2024, 1, 1));
        String office = recorder.credited("chengui", "dept01", "50000", LocalDate.of(2024, 2, 1));
        recorder.credited("chengui", "dept01", "50000", LocalDate.of(2024, 3, 1));
        recorder.started(office, LocalDate.of(2024, 3, 10));
        recorder.stored(office, LocalDate.of(2024, 4, 1), "60000");
        String research = recorder.credited("jinhu", "dept09", "20000", LocalDate.of(2024, 5, 1));
        recorder.started(research, LocalDate.of(2024, 5, 10));
        String media = recorder.credited("baoan", "dept12", "30000", LocalDate.of(2024, 6, 1));
        recorder.started(media, LocalDate.of(2024, 6, 10));
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2025, 1, 10));
        ok(adjust(2024, "department", "dept09", "INTERVIEW_DEDUCTION", "1", "连续三个月无招商实效被约谈"));
        ok(adjust(2024, "department", "dept12", "PRAISE", "10", "引进重大项目通报表扬"));
        ok(adjust(2024, "department", "dept13", "CRITICISM", "1", "全年无引荐项目通报批评"));

        JsonNode now = supervisor().get("/api/assessment/2024").ok();
        JsonNode office01 = assertDepartment(now, "dept01", "90.00", "90.00", 1, "20");
        assertThat(decimal(office01.get("fundingWan"))).isEqualByComparingTo("30");
        assertThat(office01.get("rankedInPool").asInt()).isEqualTo(69);
        JsonNode research09 = assertDepartment(now, "dept09", "90.00", "89.00", 2, "20");
        assertThat(decimal(research09.get("fundingWan"))).isEqualByComparingTo("8");
        JsonNode media12 = assertDepartment(now, "dept12", "15.00", "25.00", 3, null);
        assertThat(media12.get("allTasksComplete").asBoolean()).isFalse();
        assertThat(media12.get("barredFromExcellent").asBoolean()).isFalse();
        assertThat(decimal(media12.get("fundingWan"))).isEqualByComparingTo("15");
        JsonNode archives = assertDepartment(now, "dept13", "0.00", "-1.00", 69, null);
        assertThat(archives.get("barredFromExcellent").asBoolean()).isTrue();
        assertThat(assertDepartment(now, "dept14", "0.00", "0.00", 4, null).get("barredFromExcellent").asBoolean())
                .as("65 share rank 4: none of them is among the last three places").isFalse();
        assertThat(row(now.get("departments"), "dept54").get("rank").isNull()).as("a fund contribution only").isTrue();

        JsonNode before = supervisor().get("/api/assessment/2024", "knownAt", "2025-01-09").ok();
        assertDepartment(before, "dept01", "90.00", "90.00", 1, "20");
        assertDepartment(before, "dept09", "90.00", "90.00", 1, "20");
        assertDepartment(before, "dept12", "15.00", "15.00", 3, null);
        assertDepartment(before, "dept13", "0.00", "0.00", 4, null);
    }

    @Test
    void refusedAdjustmentsWriteNothing() {
        clock.setToday(LocalDate.of(2023, 6, 1));
        JsonNode first = ok(adjust(2023, "township", "baoan", "CRITICISM", "1", "序时进度严重滞后"));
        int rows = rows();
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "1", "  "), 400, "reason");
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "1", "原因\u001b[31m"), 400, "reason");
        expectRefused(adjust(2023, "township", "nowhere", "CRITICISM", "1", "原因"), 400, "unit");
        expectRefused(adjust(2023, "township", "dept01", "CRITICISM", "1", "原因"), 400, "unit");
        expectRefused(adjust(2023, "department", "baoan", "CRITICISM", "1", "原因"), 400, "unit");
        expectRefused(adjust(2023, "county", "baoan", "CRITICISM", "1", "原因"), 400, "unitKind");
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "0", "原因"), 400, "points");
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "-2", "原因"), 400, "points");
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "10.5", "原因"), 400, "points");
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "1.234", "原因"), 400, "points");
        expectRefused(adjust(2023, "township", "baoan", "CRITICISM", "1e400", "原因"), 400, "points");
        expectRefused(adjust(1999, "township", "baoan", "CRITICISM", "1", "原因"), 400, "year");
        expectRefused(adjust(2023, "township", "baoan", "BONUS", "1", "原因"), 400, null);
        expectRefused(supervisor().exchange(HttpMethod.POST, "/api/assessment/2023/adjustments",
                "{\"unitKind\": \"township\", \"unit\": \"baoan\", \"kind\": \"PRAISE\", \"points\": 1, "
                        + "\"reason\": \"原因\", \"actor\": \"someone\"}"), 400, null);
        expectRefused(cancelling("not-a-uuid", "撤销"), 400, "cancels");
        expectRefused(cancelling("00000000-0000-4000-8000-000000000000", "撤销"), 400, "cancels");
        expectRefused(as("baoan").exchange(HttpMethod.POST, "/api/assessment/2023/adjustments", body("township",
                "baoan", "PRAISE", "5", "自我表扬")), 403, null);
        expectRefused(as("admin").exchange(HttpMethod.POST, "/api/assessment/2023/adjustments", body("township",
                "baoan", "PRAISE", "5", "管理员")), 403, null);
        assertThat(rows()).isEqualTo(rows);

        JsonNode cancel = ok(cancelling(first.get("id").asText(), "误录，撤销"));
        expectRefused(cancelling(first.get("id").asText(), "再撤销一次"), 400, "cancels");
        expectRefused(cancelling(cancel.get("id").asText(), "撤销撤销记录"), 400, "cancels");
        assertThat(rows()).isEqualTo(rows + 1);
        assertThat(decimal(row(supervisor().get("/api/assessment/2023").ok().get("townships"), "baoan")
                .get("adjustments"))).isEqualByComparingTo("0");
        assertThatThrownBy(() -> jdbc.update("UPDATE assessment_adjustment SET points = 0"))
                .hasMessageContaining("never changed or deleted");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM assessment_adjustment"))
                .hasMessageContaining("never changed or deleted");
    }

    private void signAndStart(String township, int projects) {
        for (int i = 0; i < projects; i++) {
            String id = recorder.signed(township, "10000", LocalDate.of(2022, 3, 1 + i));
            recorder.started(id, LocalDate.of(2022, 3, 20));
        }
    }

    private ApiClient.Answer adjust(int year, String unitKind, String unit, String kind, String points, String reason) {
        return supervisor().exchange(HttpMethod.POST, "/api/assessment/" + year + "/adjustments",
                body(unitKind, unit, kind, points, reason));
    }

    private ApiClient.Answer cancelling(String id, String reason) {
        return supervisor().exchange(HttpMethod.POST, "/api/assessment/2023/adjustments",
                "{\"cancels\": \"" + id + "\", \"reason\": \"" + reason + "\"}");
    }

    private static String body(String unitKind, String unit, String kind, String points, String reason) {
        return "{\"unitKind\": \"" + unitKind + "\", \"unit\": \"" + unit + "\", \"kind\": \"" + kind
                + "\", \"points\": " + points + ", \"reason\": \"" + reason.replace("\u001b", "\\u001b") + "\"}";
    }

    private int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM assessment_adjustment", Integer.class);
    }

    private static JsonNode ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static void expectRefused(ApiClient.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo(status == 403 ? "access.denied"
                : "request.invalid");
        if (field != null) {
            assertThat(answer.json().get("errors")).extracting(e -> e.get("field").asText()).contains(field);
        }
    }

    private static JsonNode assertTownship(JsonNode assessment, String code, String score, String adjustments,
                                           String finalScore, Integer rank, String rewardWan) {
        JsonNode row = row(assessment.get("townships"), code);
        assertUnit(row, score, adjustments, finalScore, rank, rewardWan);
        return row;
    }

    private static JsonNode assertDepartment(JsonNode assessment, String code, String score, String finalScore,
                                             Integer rank, String rewardWan) {
        JsonNode row = row(assessment.get("departments"), code);
        assertUnit(row, score, null, finalScore, rank, rewardWan);
        return row;
    }

    private static void assertUnit(JsonNode row, String score, String adjustments, String finalScore, Integer rank,
                                   String rewardWan) {
        String unit = row.get("unit").asText();
        assertThat(decimal(row.get("score"))).as(unit + " score").isEqualByComparingTo(score);
        if (adjustments != null) {
            assertThat(decimal(row.get("adjustments"))).as(unit + " adjustments").isEqualByComparingTo(adjustments);
        }
        assertThat(decimal(row.get("finalScore"))).as(unit + " final score").isEqualByComparingTo(finalScore);
        if (rank == null) {
            assertThat(row.get("rank").isNull()).as(unit + " unranked").isTrue();
        } else {
            assertThat(row.get("rank").asInt()).as(unit + " rank").isEqualTo(rank);
        }
        if (rewardWan == null) {
            assertThat(row.get("rewardWan").isNull()).as(unit + " no reward").isTrue();
        } else {
            assertThat(decimal(row.get("rewardWan"))).as(unit + " reward").isEqualByComparingTo(rewardWan);
        }
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (row.get("unit").asText().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no unit " + code);
    }
}
