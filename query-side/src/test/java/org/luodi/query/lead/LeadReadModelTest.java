package org.luodi.query.lead;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.LeadAbandoned;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadDateCorrected;
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadFirstReportConfirmed;
import org.luodi.events.LeadNegotiationStarted;
import org.luodi.events.LeadProgressReported;
import org.luodi.events.LeadRecorded;
import org.luodi.events.LeadRecorded.EarlierReport;
import org.luodi.events.LeadReviewed;
import org.luodi.events.LeadSigned;
import org.luodi.events.LeadSource;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.events.ReviewKind;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.Recorder.shanghai;

/**
 * The leads' read model on PostgreSQL: 大冶's 2024 funnel against the 600-条 target (the done-when of #20), every
 * figure counted by hand. Each event is recorded at 10:00 on its day.
 * <pre>
 * L1 高新区  以商招商  20,000 万元  recorded 01-10, 研判 01-15, 首谈 02-01, 签约 03-01 (P1)          51 days
 * L2 高新区  中介       5,000      recorded 02-05, 研判 02-10, 放弃 03-01
 * L3 高新区  以商招商   8,000      recorded 03-01, 研判 03-05, 首谈 04-01, a report 05-01 (in talks)
 * L4 陈贵镇  商会      60,000      recorded 01-20, 研判 01-25, 首谈 02-10, 签约前评审 05-01, 签约 06-01 133 days
 * L5 市商务局 以商招商  3,000 (settles in 高新区) recorded 04-01, flagged a duplicate of L3; 高新区 confirmed first
 *                                  by a supervisor 04-02; 研判 04-05, 首谈 04-10, 签约 07-01: credited to 高新区 91 days
 * L6 招商服务中心 网络  1,000      recorded 2023-12-20, 研判 01-05, 首谈 01-10, 暂缓 02-01
 * L7 高新区  其他        100       recorded 2025-01-05
 *
 * 2024       项目信息 以商招商 研判 在谈(首谈) 在谈额  签约 转化率  中位天数
 * 高新区        3       2     3     2      28,000  2   2/3     (51+91)/2 = 71
 * 陈贵镇        1       0     1     1      60,000  1   1       133
 * 市商务局      1       1     1     1       3,000  0   0       —
 * 招商服务中心  0       0     1     1       1,000  0   —       —
 * 合计          5       3     6     5      92,000  3   3/5     91
 * targets: 项目信息 5 of 600 (0.0083), 以商招商 3 of 200 (0.0150); 一季度以商招商 (01-01…03-31: L1, L3) 2 of 60
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadReadModelTest extends IsolatedQuerySideTest {
    private static final String COMMERCE = "dept38";
    private final String l1 = UUID.randomUUID().toString();
    private final String l2 = UUID.randomUUID().toString();
    private final String l3 = UUID.randomUUID().toString();
    private final String l4 = UUID.randomUUID().toString();
    private final String l5 = UUID.randomUUID().toString();
    private final String l6 = UUID.randomUUID().toString();
    private final String l7 = UUID.randomUUID().toString();
    private final String p1 = UUID.randomUUID().toString();
    private final String p4 = UUID.randomUUID().toString();
    private final String p5 = UUID.randomUUID().toString();
    private boolean recorded;
    @Autowired
    private LeadFunnelCounts counts;
    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void recordTheLeads() {
        if (recorded) {
            return;
        }
        recorded = true;
        clerk("gaoxin", recorded(l1, "gaoxin", "湖北铜都新材料有限公司", "高纯铜箔", "20000", LeadSource.BUSINESS_REFERRAL,
                "gaoxin", "2024-01-10", List.of()));
        clerk("gaoxin", new LeadAssessed(l1, day("2024-01-15"), "符合产业链方向"));
        clerk("gaoxin", new LeadNegotiationStarted(l1, day("2024-02-01"), "市长"));
        clerk("gaoxin", new LeadSigned(l1, p1, day("2024-03-01"), List.of("gaoxin")));

        clerk("gaoxin", recorded(l2, "gaoxin", "某物流公司", "物流园", "5000", LeadSource.AGENCY, "gaoxin",
                "2024-02-05", List.of()));
        clerk("gaoxin", new LeadAssessed(l2, day("2024-02-10"), "用地不足"));
        clerk("gaoxin", new LeadAbandoned(l2, day("2024-03-01"), "某物流公司转投外地"));

        clerk("gaoxin", recorded(l3, "gaoxin", "大冶华鑫配套有限公司", "铜加工配套项目", "8000",
                LeadSource.BUSINESS_REFERRAL, "gaoxin", "2024-03-01", List.of()));
        clerk("gaoxin", new LeadAssessed(l3, day("2024-03-05"), "跟进"));
        clerk("gaoxin", new LeadNegotiationStarted(l3, day("2024-04-01"), "分管副市长"));
        clerk("gaoxin", new LeadProgressReported(l3, day("2024-05-01"), "大冶华鑫配套有限公司已看地"));

        clerk("chengui", recorded(l4, "chengui", "某央企", "新能源基地", "60000", LeadSource.CHAMBER, "chengui",
                "2024-01-20", List.of()));
        clerk("chengui", new LeadAssessed(l4, day("2024-01-25"), "跟进"));
        clerk("chengui", new LeadNegotiationStarted(l4, day("2024-02-10"), "市委书记"));
        clerk("chengui", new LeadReviewed(l4, ReviewKind.CONTRACT_REVIEW, day("2024-05-01"), true, "常务会议通过"));
        clerk("chengui", new LeadSigned(l4, p4, day("2024-06-01"), List.of("chengui")));

        department(recorded(l5, COMMERCE, "大冶华鑫配套 有限责任公司", "铜加工配套", "3000", LeadSource.BUSINESS_REFERRAL,
                "gaoxin", "2024-04-01", List.of(new EarlierReport(l3, "gaoxin", day("2024-03-01"), "投资方名称相同且项目相近"))));
        events().lead(new LeadFirstReportConfirmed(l5, "gaoxin", l3, day("2024-04-02")),
                shanghai("2024-04-02T10:00:00"), "supervisor", "SUPERVISOR", null, null, "高新区 3 月已报送并首谈");
        department(new LeadAssessed(l5, day("2024-04-05"), "跟进"));
        department(new LeadNegotiationStarted(l5, day("2024-04-10"), "市商务局局长"));
        clerk("gaoxin", new LeadSigned(l5, p5, day("2024-07-01"), List.of("gaoxin")));

        supervisor(recorded(l6, "center", "某网络公司", "数据中心", "1000", LeadSource.ONLINE, null, "2023-12-20",
                List.of()));
        supervisor(new LeadAssessed(l6, day("2024-01-05"), "跟进"));
        supervisor(new LeadNegotiationStarted(l6, day("2024-01-10"), "招商服务中心主任"));
        supervisor(new LeadSuspended(l6, day("2024-02-01"), LeadStage.NEGOTIATING, "投资方资金紧张"));

        clerk("gaoxin", recorded(l7, "gaoxin", "某公司", "小项目", "100", LeadSource.OTHER, "gaoxin", "2025-01-05",
                List.of()));
        recorder.awaitProjections();
    }

    @Test
    void dayesFunnelOf2024AgainstTheTargets() {
        JsonNode funnel = supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok();
        List<String> rows = new ArrayList<>();
        funnel.path("rows").forEach(r -> rows.add(r.path("unitName").asText() + " " + r.path("info").asLong() + "/"
                + r.path("businessReferral").asLong() + "/" + r.path("assessed").asLong() + "/"
                + r.path("negotiating").asLong() + "/" + decimal(r.path("negotiatingAmountWan")) + "/"
                + r.path("signed").asLong() + "/" + decimal(r.path("conversionRate")) + "/"
                + decimal(r.path("medianDaysToSign"))));
        assertThat(rows).containsExactly(
                "高新区 3/2/3/2/28000/2/0.6667/71",
                "陈贵镇 1/0/1/1/60000/1/1/133",
                "市商务局 1/1/1/1/3000/0/0/null",
                "市招商服务中心 0/0/1/1/1000/0/null/null",
                "合计 5/3/6/5/92000/3/0.6/91");
        // the year's two targets, then the first quarter's (the seeds' 开门红 list), which the year reaches into
        assertThat(funnel.path("targets")).hasSize(3);
        JsonNode all = funnel.path("targets").get(0);
        assertThat(all.path("target").asLong()).isEqualTo(600);
        assertThat(all.path("actual").asLong()).isEqualTo(5);
        assertThat(decimal(all.path("completion"))).isEqualTo("0.0083");
        JsonNode referral = funnel.path("targets").get(1);
        assertThat(referral.path("source").asText()).isEqualTo("BUSINESS_REFERRAL");
        assertThat(referral.path("target").asLong()).isEqualTo(200);
        assertThat(referral.path("actual").asLong()).isEqualTo(3);
        assertThat(decimal(referral.path("completion"))).isEqualTo("0.015");

        // the first half only: L4 (06-01) signs inside it, L5 (07-01) not
        JsonNode half = supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-06-30").ok();
        JsonNode total = half.path("rows").get(half.path("rows").size() - 1);
        assertThat(total.path("signed").asLong()).isEqualTo(2);
        assertThat(decimal(total.path("medianDaysToSign"))).as("(51 + 133) / 2").isEqualTo("92");
        // a clerk sees its own row only, with the signing a department's lead brought it
        JsonNode gaoxin = as("gaoxin").get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok();
        assertThat(gaoxin.path("rows")).hasSize(1);
        assertThat(gaoxin.path("rows").get(0).path("signed").asLong()).isEqualTo(2);
        assertThat(gaoxin.path("targets")).isEmpty();

        // the counts kept per unit and day answer the same whether their differences are folded in yet or not
        counts.fold();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_funnel_delta", Long.class)).isZero();
        assertThat(supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok())
                .isEqualTo(funnel);
    }

    /**
     * A corrected date moves the count with it: a lead of 2022 assessed "03-05", corrected to 04-05, and its first
     * talk of 04-10 corrected to 05-10, counts 研判 and 在谈 in the months they happened, folded in or not.
     */
    @Test
    void aCorrectedDateMovesItsCount() {
        String lead = UUID.randomUUID().toString();
        clerk("chengui", recorded(lead, "chengui", "更正日期测试公司", "测试项目", "700", LeadSource.CHAMBER, "chengui",
                "2022-03-01", List.of()));
        clerk("chengui", new LeadAssessed(lead, day("2022-03-05"), "符合方向"));
        clerk("chengui", new LeadNegotiationStarted(lead, day("2022-04-10"), "镇长"));
        supervisor(new LeadDateCorrected(lead, "LeadAssessed", day("2022-04-05"), day("2022-04-20")));
        supervisor(new LeadDateCorrected(lead, "LeadNegotiationStarted", day("2022-05-10"), day("2022-05-20")));
        clerk("chengui", new LeadAbandoned(lead, day("2022-06-01"), "投资方转向外地")); // out of the lists of talks
        recorder.awaitProjections();
        for (boolean folded : List.of(false, true)) {
            if (folded) {
                counts.fold();
            }
            assertThat(chengui("2022-03-01", "2022-03-31")).as("folded " + folded).isEqualTo("1/0/0/0");
            assertThat(chengui("2022-04-01", "2022-04-30")).as("folded " + folded).isEqualTo("0/1/0/0");
            assertThat(chengui("2022-05-01", "2022-05-31")).as("folded " + folded).isEqualTo("0/0/1/700");
        }
    }

    /** A reset empties the counts with the leads, whether it names them in its TRUNCATE or not (rolled back). */
    @Test
    void emptyingTheLeadsEmptiesTheirCounts() {
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        for (String reset : List.of("TRUNCATE lead, lead_event",
                "TRUNCATE lead, lead_event, lead_funnel_day, lead_funnel_delta")) {
            rolledBack.executeWithoutResult(tx -> {
                assertThat(counted()).isPositive();
                jdbc.execute(reset);
                assertThat(counted()).as(reset).isZero();
                tx.setRollbackOnly();
            });
        }
        assertThat(counted()).isPositive();
    }

    private long counted() {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM lead_funnel_day) + (SELECT count(*) FROM "
                + "lead_funnel_delta)", Long.class);
    }

    /** 陈贵镇's row of the funnel over [from, to]: 项目信息/研判/在谈/在谈额. */
    private String chengui(String from, String to) {
        for (JsonNode r : supervisor().get("/api/leads/funnel", "from", from, "to", to).ok().path("rows")) {
            if ("chengui".equals(r.path("unit").asText())) {
                return r.path("info").asLong() + "/" + r.path("assessed").asLong() + "/"
                        + r.path("negotiating").asLong() + "/" + decimal(r.path("negotiatingAmountWan"));
            }
        }
        return "no row";
    }

    /**
     * The first quarter (01-01…03-31) by hand: 项目信息 L1 01-10, L4 01-20, L2 02-05, L3 03-01 = 4 of 600 (0.0067);
     * 以商招商 L1, L3 = 2, of 200 (0.01) for the year and of 60 (0.0333) for the quarter. A supervisor's 40 makes the
     * quarter's 2 of 40 (0.05); 高新区's own 10 for the year is its 3 (L1, L2, L3; L7 is 2025's) of 10 (0.3).
     */
    @Test
    void theFirstQuartersTargetAndASupervisorsChange() {
        JsonNode q1 = supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-03-31").ok();
        assertThat(targets(q1)).containsExactly(
                "year null null 600 4 0.0067 2024-01-01 2024-03-31",
                "year BUSINESS_REFERRAL null 200 2 0.01 2024-01-01 2024-03-31",
                "Q1 BUSINESS_REFERRAL null 60 2 0.0333 2024-01-01 2024-03-31");
        assertThat(q1.path("targets").get(2).path("label").asText()).isEqualTo("一季度以商招商项目信息");
        assertThat(q1.path("targets").get(2).path("basis").asText()).contains("363", "60 条");
        // the second quarter does not reach into the first: only the year's targets apply
        assertThat(supervisor().get("/api/leads/funnel", "from", "2024-04-01", "to", "2024-06-30").ok()
                .path("targets")).hasSize(2);

        String lower = "{\"targets\":{\"leadInfo.Q1.BUSINESS_REFERRAL\":40},\"reason\":\"一季度目标下调\"}";
        long changes = changeCount();
        assertThat(as("gaoxin").exchange(HttpMethod.PUT, "/api/targets/2024/leads", lower).status()).isEqualTo(403);
        assertThat(as(COMMERCE).exchange(HttpMethod.PUT, "/api/targets/2024/leads", lower).status()).isEqualTo(403);
        assertThat(changeCount()).as("a refused change writes nothing").isEqualTo(changes);
        assertThat(targets(supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-03-31").ok()))
                .contains("Q1 BUSINESS_REFERRAL null 60 2 0.0333 2024-01-01 2024-03-31");
        try {
            assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads", lower).status()).isEqualTo(200);
            assertThat(changeCount()).isEqualTo(changes + 1);
            JsonNode lowered = supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-03-31").ok();
            assertThat(targets(lowered)).contains("Q1 BUSINESS_REFERRAL null 40 2 0.05 2024-01-01 2024-03-31");
            assertThat(lowered.path("targets").get(2).path("basis").asText()).isEqualTo("一季度目标下调");

            assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads",
                    "{\"targets\":{\"leadInfo.year\":10},\"unit\":\"gaoxin\",\"reason\":\"高新区认领\"}").status())
                    .isEqualTo(200);
            JsonNode own = as("gaoxin").get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok();
            assertThat(targets(own)).containsExactly("year null gaoxin 10 3 0.3 2024-01-01 2024-12-31");
            assertThat(as("chengui").get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok().path("targets")).isEmpty();
            // the 市招商服务中心 holds a target of its own leads too: L6 was recorded in 2023, none in 2024
            assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads",
                    "{\"targets\":{\"leadInfo.year\":12},\"unit\":\"center\",\"reason\":\"中心自报任务\"}").status())
                    .isEqualTo(200);
            assertThat(targets(supervisor().get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok()))
                    .contains("year null center 12 0 0 2024-01-01 2024-12-31");
            assertThat(targets(as("gaoxin").get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok()))
                    .noneMatch(t -> t.contains("center"));
            assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads",
                    "{\"targets\":{\"leadInfo.year\":1.5},\"unit\":\"nowhere\",\"reason\":\"x\"}").status())
                    .isEqualTo(400);
        } finally {
            supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads",
                    "{\"targets\":{\"leadInfo.Q1.BUSINESS_REFERRAL\":60},\"reason\":\"恢复一季度目标\"}");
            supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads",
                    "{\"targets\":{\"leadInfo.year\":null},\"unit\":\"gaoxin\",\"reason\":\"撤销\"}");
            supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/leads",
                    "{\"targets\":{\"leadInfo.year\":null},\"unit\":\"center\",\"reason\":\"撤销\"}");
        }
        assertThat(as("gaoxin").get("/api/leads/funnel", "from", "2024-01-01", "to", "2024-12-31").ok()
                .path("targets")).isEmpty();
        // the targets page's table carries the county's targets, to a clerk too
        JsonNode table = as("gaoxin").get("/api/targets", "year", 2024).ok();
        assertThat(table.path("leads")).hasSize(3);
        assertThat(table.path("leads").get(0).path("key").asText()).isEqualTo("leadInfo.year");
    }

    private long changeCount() {
        return jdbc.queryForObject("SELECT count(*) FROM target_change", Long.class);
    }

    /** Each target as "period source unit target actual completion countedFrom countedTo". */
    private static List<String> targets(JsonNode funnel) {
        List<String> targets = new ArrayList<>();
        funnel.path("targets").forEach(t -> targets.add(t.path("period").asText() + " "
                + (t.path("source").isNull() ? "null" : t.path("source").asText()) + " "
                + (t.path("unit").isNull() ? "null" : t.path("unit").asText()) + " " + t.path("target").asLong() + " "
                + t.path("actual").asLong() + " " + decimal(t.path("completion")) + " "
                + t.path("countedFrom").asText() + " " + t.path("countedTo").asText()));
        return targets;
    }

    @Test
    void theNegotiatingListAndItsWorkbook() throws Exception {
        JsonNode all = supervisor().get("/api/leads/negotiating").ok();
        assertThat(ids(all.path("content"))).containsExactly(l3);
        assertThat(all.path("totalElements").asLong()).isEqualTo(1);
        assertThat(decimal(all.path("totalAmountWan"))).isEqualTo("8000");
        assertThat(ids(supervisor().get("/api/leads/negotiating", "page", "1", "size", "1").ok().path("content")))
                .isEmpty();
        assertThat(supervisor().get("/api/leads/negotiating", "size", "1001").status()).isEqualTo(400);
        assertThat(ids(as("chengui").get("/api/leads/negotiating").ok().path("content"))).isEmpty();
        byte[] xlsx = supervisor().get("/api/leads/negotiating.xlsx").bytes();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("在谈项目清单");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("项目名称");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("铜加工配套项目");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("大冶华鑫配套有限公司");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("2024-04-01");
        }
        byte[] leaders = as("leader10").get("/api/leads/negotiating.xlsx").bytes();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(leaders))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("（保密）");
        }
    }

    @Test
    void eachSeesItsOwnLeadsAndOnlyUnitsAndSupervisorsTheInvestor() {
        assertThat(ids(as("gaoxin").get("/api/leads", "size", 50).ok().path("content")))
                .containsExactlyInAnyOrder(l1, l2, l3, l5, l7);
        assertThat(ids(as("chengui").get("/api/leads").ok().path("content"))).containsExactly(l4);
        assertThat(ids(as(COMMERCE).get("/api/leads").ok().path("content"))).containsExactly(l5);
        assertThat(ids(as("lingxiang").get("/api/leads").ok().path("content"))).isEmpty();
        assertThat(ids(supervisor().get("/api/leads", "size", 50).ok().path("content"))).hasSize(7);
        assertThat(ids(supervisor().get("/api/leads", "unit", "gaoxin", "stage", "SIGNED").ok().path("content")))
                .containsExactly(l1);
        assertThat(ids(supervisor().get("/api/leads", "source", "BUSINESS_REFERRAL", "from", "2024-01-01", "to",
                "2024-12-31").ok().path("content"))).containsExactlyInAnyOrder(l1, l3, l5);

        JsonNode leaders = as("leader10").get("/api/leads", "size", 50).ok();
        assertThat(leaders.path("content")).hasSize(7)
                .allSatisfy(row -> assertThat(row.path("investor").asText()).isEqualTo("（保密）"));
        assertThat(leaders.toString()).doesNotContain("华鑫").doesNotContain("铜都").doesNotContain("某央企");
        JsonNode l3ByLeader = as("leader10").get("/api/leads/" + l3).ok();
        assertThat(l3ByLeader.toString()).doesNotContain("华鑫");
        assertThat(l3ByLeader.path("investorVisible").asBoolean()).isFalse();
        assertThat(as("admin").get("/api/leads/" + l3).ok().toString()).doesNotContain("华鑫");

        assertThat(as("chengui").get("/api/leads/" + l1).json().path("code").asText()).isEqualTo("lead.not-found");
        assertThat(as(COMMERCE).get("/api/leads/" + l3).status()).isEqualTo(404);
        assertThat(as("gaoxin").get("/api/leads/" + l5).ok().path("lead").path("investor").asText())
                .isEqualTo("大冶华鑫配套 有限责任公司");
        assertThat(as("chengui").get("/api/leads/by-project/" + p1).status()).isEqualTo(404);
        assertThat(as("gaoxin").get("/api/leads/by-project/" + p1).ok().path("leadId").asText()).isEqualTo(l1);
        assertThat(supervisor().get("/api/leads", "stage", "NOPE", "unit", "nowhere").json().path("errors"))
                .hasSize(2);
    }

    @Test
    void aLeadsTimelineReachesFromItsFirstReportToItsSigning() {
        JsonNode lead = supervisor().get("/api/leads/" + l5).ok();
        assertThat(lead.path("lead").path("stage").asText()).isEqualTo("SIGNED");
        assertThat(lead.path("lead").path("projectId").asText()).isEqualTo(p5);
        assertThat(lead.path("lead").path("firstUnit").asText()).isEqualTo("gaoxin");
        assertThat(lead.path("creditedUnits").toString()).isEqualTo("[\"gaoxin\"]");
        assertThat(lead.path("possibleDuplicates").get(0).path("leadId").asText()).isEqualTo(l3);
        assertThat(lead.path("possibleDuplicates").get(0).path("unitName").asText()).isEqualTo("高新区");
        List<String> steps = new ArrayList<>();
        lead.path("timeline").forEach(s -> steps.add(s.path("type").asText() + " " + s.path("occurredOn").asText()
                + " " + s.path("stage").asText() + " " + s.path("role").asText()));
        assertThat(steps).containsExactly("LeadRecorded 2024-04-01 INFO DEPARTMENT",
                "LeadFirstReportConfirmed 2024-04-02 INFO SUPERVISOR", "LeadAssessed 2024-04-05 ASSESSED DEPARTMENT",
                "LeadNegotiationStarted 2024-04-10 NEGOTIATING DEPARTMENT", "LeadSigned 2024-07-01 SIGNED CLERK");
        assertThat(lead.path("timeline").get(1).path("reason").asText()).isEqualTo("高新区 3 月已报送并首谈");
        assertThat(lead.path("timeline").get(0).path("summary").asText()).contains("疑似重复", "高新区");
        JsonNode paused = supervisor().get("/api/leads/" + l6).ok();
        assertThat(paused.path("lead").path("stage").asText()).isEqualTo("SUSPENDED");
        assertThat(paused.path("suspendedAt").asText()).isEqualTo("NEGOTIATING");
    }

    private static LeadRecorded recorded(String id, String unit, String investor, String project, String wan,
                                         LeadSource source, String township, String on, List<EarlierReport> dups) {
        return new LeadRecorded(id, unit, investor, null, project, new BigDecimal(wan), List.of(), source, township,
                day(on), dups);
    }

    private RecordedEvents events() {
        return recorder.events();
    }

    private void clerk(String township, LeadEvent e) {
        events().lead(e, at(e), township, "CLERK", township, null, null);
    }

    private void department(LeadEvent e) {
        events().lead(e, at(e), COMMERCE, "DEPARTMENT", null, COMMERCE, null);
    }

    private void supervisor(LeadEvent e) {
        events().lead(e, at(e), "supervisor", "SUPERVISOR", null, null, null);
    }

    private static java.time.Instant at(LeadEvent e) {
        return shanghai(e.occurredOn() + "T10:00:00");
    }

    private static List<String> ids(JsonNode rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.path("leadId").asText()));
        return ids;
    }

    private static String decimal(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "null"
                : new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
