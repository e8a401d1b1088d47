package org.luodi.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.SourceRegion;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;
import static org.luodi.query.Recorder.shanghai;

/**
 * GET /api/stats?groupBy=department (#16): 附件2's indicators over the projects credited to each department, against
 * 附件2's 2024 targets, at any knownAt; numbers worked out by hand from the projects below.
 * <pre>
 * P1 高新区, 市商务局 (dept38), 30,000 万, signed 02-01, started 03-01, stored 04-01 (plan 35,000),
 *    funds 300 万美元 (04-10) and 1,000 万元 in province (04-11)
 * P2 陈贵镇, 市商务局, 8,000 万 (under 1 亿: no signing counted), 200 万元 in province (04-15)
 * P3 金湖街道, 市委办公室 (dept01), 20,000 万, signed 05-01, 500 万元 from outside 湖北 (05-20);
 *    credit corrected to 市工商联 (dept22) on 06-10
 * P4 高新区, no credit, 50,000 万, signed 01-15: in the township's row, in no department's
 * P5 高新区, 市商务局, 15,000 万, signed 2023-12-20, stored 2024-02-01 (plan 16,000): stored this year
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentStatsTest extends IsolatedQuerySideTest {
    private static final String COMMERCE = "dept38";
    private static final String PARTY_OFFICE = "dept01";
    private static final String FEDERATION = "dept22";

    private boolean recorded;

    /** Once for the class (the recorder is made before each test). */
    @BeforeEach
    void recordTheYear() {
        if (recorded) {
            return;
        }
        recorded = true;
        String p1 = recorder.credited("gaoxin", COMMERCE, "30000", day("2024-02-01"));
        recorder.started(p1, day("2024-03-01"));
        recorder.stored(p1, day("2024-04-01"), "35000");
        recorder.funds(p1, day("2024-04-10"), SourceRegion.FOREIGN, "300");
        recorder.funds(p1, day("2024-04-11"), SourceRegion.IN_PROVINCE, "1000");
        String p2 = recorder.credited("chengui", COMMERCE, "8000", day("2024-03-01"));
        recorder.funds(p2, day("2024-04-15"), SourceRegion.IN_PROVINCE, "200");
        String p3 = recorder.credited("jinhu", PARTY_OFFICE, "20000", day("2024-05-01"));
        recorder.funds(p3, day("2024-05-20"), SourceRegion.OUT_OF_PROVINCE, "500");
        recorder.signed("gaoxin", "50000", day("2024-01-15"));
        String p5 = recorder.credited("gaoxin", COMMERCE, "15000", day("2023-12-20"));
        recorder.stored(p5, day("2024-02-01"), "16000");
        recorder.recordingAt(shanghai("2024-06-10T10:00:00")).creditCorrected(p3, FEDERATION);
        recorder.recordingAt(null).awaitProjections();
    }

    @Test
    void aDepartmentCountsTheProjectsCreditedToItAsATownshipCountsItsOwn() {
        JsonNode stats = supervisor().get("/api/stats?year=2024&asOf=2024-06-30&groupBy=department").ok();
        assertThat(stats.get("groupBy").asText()).isEqualTo("department");
        assertThat(stats.get("rows")).hasSize(73);
        assertThat(stats.get("rows").get(0).get("department").asText()).isEqualTo("dept01");

        JsonNode commerce = row(stats, COMMERCE);
        assertThat(commerce.get("name").asText()).isEqualTo("市商务局");
        assertThat(commerce.has("township")).isFalse();
        assertThat(commerce.at("/signedAbove1Yi/count").asLong()).isEqualTo(1); // P1 (P2 is under 1 亿, P5 of 2023)
        assertThat(decimal(commerce.at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("30000");
        assertThat(commerce.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(2); // P1 and P5
        assertThat(decimal(commerce.at("/startedStoredAbove1Yi/plannedInvestmentWan"))).isEqualByComparingTo("51000");
        assertThat(decimal(commerce.at("/domesticFunds/totalWan"))).isEqualByComparingTo("1200"); // P1 1,000 + P2 200
        assertThat(decimal(commerce.at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("0");
        assertThat(decimal(commerce.at("/foreignFunds/usdWan"))).isEqualByComparingTo("300");
        // 附件2: 市商务局 1 project, 1 started and stored, 700 万美元 (measured as foreign capital arrived)
        assertThat(decimal(commerce.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("1");
        assertThat(decimal(commerce.at("/completion/signedAbove1Yi.count"))).isEqualByComparingTo("1");
        assertThat(decimal(commerce.at("/completion/startedStoredAbove1Yi.count"))).isEqualByComparingTo("2");
        assertThat(decimal(commerce.at("/completion/foreignFunds.usdWan"))).isEqualByComparingTo("0.4286");

        JsonNode reform = row(stats, FEDERATION);
        assertThat(reform.at("/signedAbove1Yi/count").asLong()).isEqualTo(1); // P3, credited since 06-10
        assertThat(decimal(reform.at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("500");
        JsonNode partyOffice = row(stats, PARTY_OFFICE);
        assertThat(partyOffice.at("/signedAbove1Yi/count").asLong()).isZero();
        // 附件2: 市委办公室 2 projects, 10 亿元, 1 started and stored
        assertThat(decimal(partyOffice.at("/targets/signedAbove1Yi.amountWan"))).isEqualByComparingTo("100000");
        assertThat(decimal(partyOffice.at("/completion/signedAbove1Yi.count"))).isEqualByComparingTo("0");

        // the total adds the credited projects only: P4 is nobody's
        assertThat(stats.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(2);
        assertThat(decimal(stats.at("/total/signedAbove1Yi/amountWan"))).isEqualByComparingTo("50000");
        JsonNode townships = supervisor().get("/api/stats?year=2024&asOf=2024-06-30").ok();
        assertThat(townships.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(3);
    }

    @Test
    void creditFollowsKnownAtLikeEveryCorrection() {
        JsonNode before = supervisor()
                .get("/api/stats?year=2024&asOf=2024-06-30&groupBy=department&knownAt=2024-05-31T16:00:00Z")
                .ok();
        assertThat(row(before, PARTY_OFFICE).at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(row(before, PARTY_OFFICE).at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("500");
        assertThat(row(before, FEDERATION).at("/signedAbove1Yi/count").asLong()).isZero();
        assertThat(decimal(row(before, FEDERATION).at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("0");
    }

    @Test
    void aClerkDoesNotAddUpOtherTownshipsProjectsByDepartment() {
        assertThat(as("gaoxin").get("/api/stats?year=2024&groupBy=department").status()).isEqualTo(403);
    }

    @Test
    void theDepartmentsTargetsAreListedForSupervisors() {
        JsonNode targets = supervisor().get("/api/targets?year=2024").ok();
        assertThat(targets.get("departments")).hasSize(73);
        JsonNode fundMatching = targets.get("departments").get(57); // 鄂东基金公司: 5 fund-matched projects, 10 亿
        assertThat(fundMatching.get("department").asText()).isEqualTo("dept58");
        assertThat(decimal(fundMatching.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("5");
        assertThat(decimal(fundMatching.at("/targets/signedAbove1Yi.amountWan"))).isEqualByComparingTo("100000");
        assertThat(as("gaoxin").get("/api/targets?year=2024").ok().get("departments")).isEmpty();
    }

    private static JsonNode row(JsonNode stats, String department) {
        return ApiClient.row(stats, "department", department);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
