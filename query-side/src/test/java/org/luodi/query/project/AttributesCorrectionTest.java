package org.luodi.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;
import static org.luodi.query.Recorder.shanghai;

/**
 * 更正项目信息 (#17) as the read side shows it: the project page, the statistics from the moment the correction was
 * recorded (knownAt before it still shows the project where it was), and the history, which follows the project to
 * its new township. Numbers worked out by hand from the projects below.
 * <pre>
 * P1 高新区, 20,000 万, signed 02-01 with a plan of 25,000 万 and 技改; 1,000 万 in province (03-01), 500 万 from
 *    outside 湖北 (04-01); on 06-10 a supervisor moves it to 陈贵镇, 新材料, 30,000 万 and renames it; 200 万 in
 *    province (07-01), recorded by 陈贵镇's clerk
 * P2 陈贵镇, 15,000 万, signed 03-10: stays where it is
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributesCorrectionTest extends IsolatedQuerySideTest {
    private static final String BEFORE_THE_MOVE = "2024-06-09";
    private String p1;
    private boolean recorded;

    @BeforeEach
    void recordTheYear() {
        if (recorded) {
            return;
        }
        recorded = true;
        p1 = recorder.signedWithPlan("gaoxin", "20000", day("2024-02-01"), "25000", Set.of(ProjectType.TECHNICAL_UPGRADE));
        recorder.funds(p1, day("2024-03-01"), SourceRegion.IN_PROVINCE, "1000");
        recorder.funds(p1, day("2024-04-01"), SourceRegion.OUT_OF_PROVINCE, "500");
        recorder.signed("chengui", "15000", day("2024-03-10"));
        recorder.recordingAt(shanghai("2024-06-10T10:00:00")).attributesCorrected(p1, a -> new ProjectAttributes(
                "年产 5 万吨铜箔项目", a.investor(), "chengui", "new-materials", a.industrial(), a.sourceRegion(),
                new BigDecimal("30000"), a.plannedInvestmentWan(), a.types(), a.investorCategories()));
        recorder.recordingAt(null).funds(p1, day("2024-07-01"), SourceRegion.IN_PROVINCE, "200");
        recorder.awaitProjections();
    }

    @Test
    void theProjectPageShowsTheCorrectedAttributesAndKnownAtTheOldOnes() {
        JsonNode now = supervisor().get("/api/projects/" + p1).ok();
        assertThat(now.get("name").asText()).isEqualTo("年产 5 万吨铜箔项目");
        assertThat(now.get("township").asText()).isEqualTo("chengui");
        assertThat(now.get("townshipName").asText()).isEqualTo("陈贵镇");
        assertThat(now.get("industryChain").asText()).isEqualTo("new-materials");
        assertThat(decimal(now.get("contractAmountWan"))).isEqualByComparingTo("30000");
        assertThat(decimal(now.get("plannedInvestmentAtSigningWan"))).isEqualByComparingTo("25000");
        assertThat(now.get("types")).extracting(JsonNode::asText).containsExactly("TECHNICAL_UPGRADE");
        assertThat(now.get("investorCategories")).isEmpty();
        assertThat(now.get("funds")).hasSize(3);

        JsonNode before = supervisor().get("/api/projects/" + p1 + "?knownAt=" + BEFORE_THE_MOVE).ok();
        assertThat(before.get("township").asText()).isEqualTo("gaoxin");
        assertThat(before.get("industryChain").asText()).isEqualTo("smart-equipment");
        assertThat(decimal(before.get("contractAmountWan"))).isEqualByComparingTo("20000");
        assertThat(before.get("name").asText()).startsWith("项目");
    }

    @Test
    void theStatisticsCountTheMoveFromItsRecording() {
        JsonNode now = supervisor().get("/api/stats?year=2024&asOf=2024-12-31&groupBy=township").ok();
        JsonNode chengui = row(now, "chengui");
        assertThat(chengui.at("/signedAbove1Yi/count").asLong()).isEqualTo(2); // P1 moved in, P2
        assertThat(decimal(chengui.at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("45000");
        assertThat(decimal(chengui.at("/domesticFunds/totalWan"))).isEqualByComparingTo("1700"); // all of P1's
        assertThat(decimal(chengui.at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("500");
        JsonNode gaoxin = row(now, "gaoxin");
        assertThat(gaoxin.at("/signedAbove1Yi/count").asLong()).isZero();
        assertThat(decimal(gaoxin.at("/domesticFunds/totalWan"))).isEqualByComparingTo("0");

        JsonNode before = supervisor().get("/api/stats?year=2024&asOf=2024-12-31&groupBy=township&knownAt="
                + BEFORE_THE_MOVE).ok();
        assertThat(row(before, "gaoxin").at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(row(before, "gaoxin").at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("20000");
        assertThat(decimal(row(before, "gaoxin").at("/domesticFunds/totalWan"))).isEqualByComparingTo("1500");
        assertThat(row(before, "chengui").at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(row(before, "chengui").at("/domesticFunds/totalWan"))).isEqualByComparingTo("0");

        JsonNode chains = supervisor().get("/api/stats?year=2024&asOf=2024-12-31&groupBy=chain").ok();
        assertThat(decimal(chainRow(chains, "new-materials").at("/domesticFunds/totalWan")))
                .isEqualByComparingTo("1700");
    }

    @Test
    void theHistoryReadsOldToNewAndFollowsTheProjectToItsNewTownship() {
        JsonNode history = as("chengui").get("/api/projects/" + p1 + "/history").ok();
        List<String> types = new ArrayList<>();
        List<String> townships = new ArrayList<>();
        history.get("events").forEach(e -> {
            types.add(e.get("type").asText());
            townships.add(e.get("projectTownship").asText());
        });
        assertThat(types).containsExactly("ProjectSigned", "FundsArrived", "FundsArrived", "AttributesCorrected",
                "FundsArrived");
        assertThat(townships).containsExactly("gaoxin", "gaoxin", "gaoxin", "chengui", "chengui");
        JsonNode correction = history.get("events").get(3);
        assertThat(correction.get("summary").asText()).startsWith("更正项目信息：项目名称 项目")
                .contains("所属乡镇 高新区 → 陈贵镇；产业链 智能装备制造 → 新材料；合同金额 20,000 万元 → 30,000 万元")
                .doesNotContain("计划总投资");
        assertThat(correction.get("reason").asText()).isEqualTo("督查更正");
        assertThat(correction.get("role").asText()).isEqualTo("SUPERVISOR");

        // the old township's clerk reads it no more, not even as it was known before the move
        assertThat(as("gaoxin").get("/api/projects/" + p1 + "/history").status()).isEqualTo(403);
        assertThat(as("gaoxin").get("/api/projects/" + p1 + "/history?knownAt=" + BEFORE_THE_MOVE).status())
                .isEqualTo(403);
        assertThat(as("chengui").get("/api/projects/" + p1 + "/history?knownAt=" + BEFORE_THE_MOVE).ok()
                .get("events")).hasSize(3);
        assertThat(as("chengui").get("/api/projects/" + p1).status()).isEqualTo(200);
        assertThat(as("gaoxin").get("/api/projects/" + p1).status()).isEqualTo(403);
        // the project's page follows the same owner as its history, at any knownAt
        JsonNode asItWas = as("chengui").get("/api/projects/" + p1 + "?knownAt=" + BEFORE_THE_MOVE).ok();
        assertThat(asItWas.get("township").asText()).isEqualTo("gaoxin");
        ApiClient.Answer moved = as("gaoxin").get("/api/projects/" + p1 + "?knownAt=" + BEFORE_THE_MOVE);
        assertThat(moved.status()).isEqualTo(403);
        assertThat(moved.json().get("detail").asText()).contains("已移交其他乡镇");
    }

    private static JsonNode row(JsonNode stats, String township) {
        return ApiClient.row(stats, "township", township);
    }

    private static JsonNode chainRow(JsonNode stats, String chain) {
        for (JsonNode row : stats.get("rows")) {
            if (row.path("chain").asText().equals(chain)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + chain);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
