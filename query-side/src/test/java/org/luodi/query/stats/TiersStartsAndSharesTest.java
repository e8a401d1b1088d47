package org.luodi.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.Recorder;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;

/**
 * #17's counts in GET /api/stats: the year's signings by size tier with 附件1's sub-targets, starts by kind (any
 * size), the shares seed 001 sets as goals, and 外向型市场主体. 金湖街道 in 2024, worked out by hand:
 * <pre>
 * A 1,000,000 万 (100 亿 exactly) industrial, signed 02-01, started (新建) 04-01; funds 600 万 from outside 湖北,
 *   400 万 in province; registered 03-01, 外向型; stored 05-01 with a plan of 1,200,000 万; in production 11-01
 * B   500,000 万 (50 亿 exactly)  not industrial, signed 03-01
 * C   100,000 万 (10 亿 exactly)  industrial, signed 04-01, resumed (复工) 06-01, registered 05-01, not 外向型
 * D    99,999 万                  industrial, signed 05-01, by an investor from 湖北 (the others: from outside)
 * E    50,000 万 (5 亿 exactly)   not industrial, signed 06-01
 * F    49,999 万                  industrial, signed 07-01, by an investor from abroad (境外: outside 湖北 too)
 * G     9,000 万 (under 1 亿: no signing counted) signed 08-01, started (新建) 09-01, stored 10-01 (plan 9,500 万)
 * H    20,000 万 signed 2023-11-01, resumed 2024-03-15 (a start of this year although signed in the last),
 *      registered 2024-01-10, 外向型
 * I    20,000 万 signed 2023-05-01, started 2023-08-01 (no start this year), registered 2023-06-01, 外向型
 * K    20,000 万 signed 2022-03-01, started 2022-06-01, stored 2022-08-01 (plan 30,000 万), in production 2024-02-15
 * J     9,000 万 signed 2024-01-02, registered 2024-01-20 before anyone asked (exportOriented null: not counted)
 * V   200,000 万 signed 03-01, started 03-10, voided (counts nowhere)
 * </pre>
 * Signings: A–F = 6, industrial A C D F = 4. Tiers: 5亿以上 A–E = 5; 10亿以上 A B C = 3; 10~50亿 C; 50~100亿 B;
 * 100亿以上 A. Starts: 新建 A G = 2, 复工 C H = 2. Shares: industrial 4/6, 10亿以上 3/6, 省外企业 5/6,
 * 省外资金 600/1,000.
 * 金湖街道's sub-targets (seed 000 line 138): 50~100亿 1, 10~50亿 2. 外向型 in 2024: A and H = 2 (target 1); by
 * 02-29: H alone. 项目建设任务: new starts A G, planned 1,209,500 万, one of 1 亿 or more (A: G's plan is under);
 * in production A K = 2, planned 1,230,000 万; by 06-30 K alone, 30,000 万. 金湖街道's targets (seed 000 line 482):
 * 15 new starts, 30 亿, 6 of 1 亿 or more; 12 in production, 15 亿.
 * Types, in 保安镇 so as to leave 金湖街道's numbers alone: T1 30,000 万 技改 and 二次招商, signed 07-15, stored
 * 08-01; T2 5,000 万 技改 (under 1 亿: counted all the same), signed 08-15; T3 技改 signed 2023-10-01 (another year).
 * 技改 2, 二次招商 1, 增资扩建 0; stored 技改 of 1 亿 or more: T1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TiersStartsAndSharesTest extends IsolatedQuerySideTest {
    private boolean recorded;

    @BeforeEach
    void recordTheYear() {
        if (recorded) {
            return;
        }
        recorded = true;
        String a = recorder.signed("jinhu", "smart-equipment", true, "1000000", day("2024-02-01"));
        recorder.started(a, day("2024-04-01"));
        recorder.funds(a, day("2024-04-10"), SourceRegion.OUT_OF_PROVINCE, "600");
        recorder.funds(a, day("2024-04-11"), SourceRegion.IN_PROVINCE, "400");
        recorder.registered(a, day("2024-03-01"), false, true);
        recorder.stored(a, day("2024-05-01"), "1200000");
        recorder.inProduction(a, day("2024-11-01"));
        recorder.signed("jinhu", "smart-equipment", false, "500000", day("2024-03-01"));
        String c = recorder.signed("jinhu", "smart-equipment", true, "100000", day("2024-04-01"));
        recorder.resumed(c, day("2024-06-01"));
        recorder.registered(c, day("2024-05-01"), false, false);
        recorder.signedFrom("jinhu", SourceRegion.IN_PROVINCE, "99999", day("2024-05-01"));
        recorder.signed("jinhu", "smart-equipment", false, "50000", day("2024-06-01"));
        recorder.signedFrom("jinhu", SourceRegion.FOREIGN, "49999", day("2024-07-01"));
        String g = recorder.signed("jinhu", "9000", day("2024-08-01"));
        recorder.started(g, day("2024-09-01"));
        recorder.stored(g, day("2024-10-01"), "9500");
        String k = recorder.signed("jinhu", "20000", day("2022-03-01"));
        recorder.started(k, day("2022-06-01"));
        recorder.stored(k, day("2022-08-01"), "30000");
        recorder.inProduction(k, day("2024-02-15"));
        String h = recorder.signed("jinhu", "20000", day("2023-11-01"));
        recorder.resumed(h, day("2024-03-15"));
        recorder.registered(h, day("2024-01-10"), false, true);
        String i = recorder.signed("jinhu", "20000", day("2023-05-01"));
        recorder.started(i, day("2023-08-01"));
        recorder.registered(i, day("2023-06-01"), false, true);
        String j = recorder.signed("jinhu", "9000", day("2024-01-02"));
        recorder.registered(j, day("2024-01-20"), false, null);
        String v = recorder.signed("jinhu", "200000", day("2024-03-01"));
        recorder.started(v, day("2024-03-10"));
        String t1 = recorder.signedWithPlan("baoan", "30000", day("2024-07-15"), "32000",
                Set.of(ProjectType.TECHNICAL_UPGRADE, ProjectType.SECOND_ROUND));
        recorder.stored(t1, day("2024-08-01"), "33000");
        recorder.signedWithPlan("baoan", "5000", day("2024-08-15"), "5000", Set.of(ProjectType.TECHNICAL_UPGRADE));
        recorder.signedWithPlan("baoan", "30000", day("2023-10-01"), "30000", Set.of(ProjectType.TECHNICAL_UPGRADE));
        recorder.recordingAt(Recorder.shanghai("2024-03-20T10:00:00")).voided(v);
        recorder.recordingAt(null).awaitProjections();
    }

    @Test
    void theYearsSigningsAreCountedBySizeTierAgainstTheSubTargets() {
        JsonNode jinhu = jinhu("2024-12-31");
        assertThat(jinhu.at("/signedAbove1Yi/count").asLong()).isEqualTo(6);
        assertThat(jinhu.at("/sizeTiers/above5Yi").asLong()).isEqualTo(5);
        assertThat(jinhu.at("/sizeTiers/above10Yi").asLong()).isEqualTo(3);
        assertThat(jinhu.at("/sizeTiers/from10To50Yi").asLong()).isEqualTo(1);
        assertThat(jinhu.at("/sizeTiers/from50To100Yi").asLong()).isEqualTo(1);
        assertThat(jinhu.at("/sizeTiers/above100Yi").asLong()).isEqualTo(1);
        assertThat(decimal(jinhu.at("/targets/sizeTiers.from50To100Yi"))).isEqualByComparingTo("1");
        assertThat(decimal(jinhu.at("/targets/sizeTiers.from10To50Yi"))).isEqualByComparingTo("2");
        assertThat(decimal(jinhu.at("/completion/sizeTiers.from50To100Yi"))).isEqualByComparingTo("1");
        assertThat(decimal(jinhu.at("/completion/sizeTiers.from10To50Yi"))).isEqualByComparingTo("0.5");
        assertThat(jinhu.at("/targets").has("sizeTiers.above100Yi")).isFalse(); // "/" in the seed: no target
        assertThat(jinhu.at("/completion").has("sizeTiers.above100Yi")).isFalse();
    }

    @Test
    void startsAreCountedByKindWhateverTheSizeAndWhenEverSigned() {
        JsonNode year = jinhu("2024-12-31");
        assertThat(year.at("/starts/newlyStarted").asLong()).isEqualTo(2);
        assertThat(year.at("/starts/resumed").asLong()).isEqualTo(2);
        assertThat(year.at("/starts/total").asLong()).isEqualTo(4);
        JsonNode midYear = jinhu("2024-06-30"); // G starts only in September
        assertThat(midYear.at("/starts/newlyStarted").asLong()).isEqualTo(1);
        assertThat(midYear.at("/starts/resumed").asLong()).isEqualTo(2);
    }

    @Test
    void theSharesAreTakenOfTheYearsSigningsAndDomesticFunds() {
        JsonNode jinhu = jinhu("2024-12-31");
        assertThat(decimal(jinhu.at("/shares/industrial"))).isEqualByComparingTo("0.6667");
        assertThat(decimal(jinhu.at("/shares/above10Yi"))).isEqualByComparingTo("0.5");
        assertThat(decimal(jinhu.at("/shares/outOfProvinceProjects"))).isEqualByComparingTo("0.8333");
        assertThat(decimal(jinhu.at("/shares/outOfProvinceFunds"))).isEqualByComparingTo("0.6");
        JsonNode mingshan = row(stats("2024-12-31"), "mingshan"); // nothing signed, no funds: no share at all
        assertThat(mingshan.at("/shares/industrial").isNull()).isTrue();
        assertThat(mingshan.at("/shares/outOfProvinceFunds").isNull()).isTrue();
        JsonNode thresholds = supervisor().get("/api/vocabulary").ok().at("/thresholds/shares");
        assertThat(decimal(thresholds.get("industrial"))).isEqualByComparingTo("0.75");
        assertThat(decimal(thresholds.get("above10Yi"))).isEqualByComparingTo("0.18");
        assertThat(decimal(thresholds.get("outOfProvinceProjects"))).isEqualByComparingTo("0.70");
        assertThat(decimal(thresholds.get("outOfProvinceFunds"))).isEqualByComparingTo("0.70");
    }

    @Test
    void exportOrientedEnterprisesCountWhereAndWhenTheirCompanyIsRegistered() {
        JsonNode year = jinhu("2024-12-31");
        assertThat(year.at("/foreignOrientedEntities/count").asLong()).isEqualTo(2);
        assertThat(decimal(year.at("/targets/foreignOrientedEntities.count"))).isEqualByComparingTo("1");
        assertThat(decimal(year.at("/completion/foreignOrientedEntities.count"))).isEqualByComparingTo("2");
        assertThat(jinhu("2024-02-29").at("/foreignOrientedEntities/count").asLong()).isEqualTo(1);
        assertThat(year.at("/registered/count").asLong()).isEqualTo(4); // A, C, H, J: the question aside
    }

    @Test
    void theConstructionTasksCountNewStartsAndProductionOfAnySizeWithTheirPlans() {
        JsonNode year = jinhu("2024-12-31");
        assertThat(decimal(year.at("/starts/newlyStartedPlannedWan"))).isEqualByComparingTo("1209500");
        assertThat(year.at("/starts/newlyStartedAbove1Yi").asLong()).isEqualTo(1);
        assertThat(year.at("/inProduction/count").asLong()).isEqualTo(2);
        assertThat(decimal(year.at("/inProduction/plannedInvestmentWan"))).isEqualByComparingTo("1230000");
        assertThat(decimal(year.at("/targets/starts.newlyStarted"))).isEqualByComparingTo("15");
        assertThat(decimal(year.at("/targets/starts.newlyStartedPlannedWan"))).isEqualByComparingTo("300000");
        assertThat(decimal(year.at("/targets/inProduction.plannedInvestmentWan"))).isEqualByComparingTo("150000");
        assertThat(decimal(year.at("/completion/starts.newlyStarted"))).isEqualByComparingTo("0.1333");
        assertThat(decimal(year.at("/completion/inProduction.count"))).isEqualByComparingTo("0.1667");
        JsonNode midYear = jinhu("2024-06-30");
        assertThat(midYear.at("/inProduction/count").asLong()).isEqualTo(1);
        assertThat(decimal(midYear.at("/inProduction/plannedInvestmentWan"))).isEqualByComparingTo("30000");
    }

    @Test
    void theYearsSigningsAreCountedByTypeWhateverTheirAmount() {
        JsonNode baoan = row(stats("2024-12-31"), "baoan");
        assertThat(baoan.at("/kinds/types/TECHNICAL_UPGRADE").asLong()).isEqualTo(2);
        assertThat(baoan.at("/kinds/types/SECOND_ROUND").asLong()).isEqualTo(1);
        assertThat(baoan.at("/kinds/types/CAPITAL_EXPANSION").asLong()).isZero();
        assertThat(baoan.at("/kinds/investorCategories/GLOBAL_500").asLong()).isZero();
        assertThat(baoan.at("/kinds/storedUpgradesAbove1Yi").asLong()).isEqualTo(1);
        assertThat(row(stats("2024-07-31"), "baoan").at("/kinds/types/TECHNICAL_UPGRADE").asLong()).isEqualTo(1);
        assertThat(jinhu("2024-12-31").at("/kinds/types/TECHNICAL_UPGRADE").asLong()).isZero();
    }

    private JsonNode jinhu(String asOf) {
        return row(stats(asOf), "jinhu");
    }

    private JsonNode stats(String asOf) {
        return supervisor().get("/api/stats?year=2024&asOf=" + asOf).ok();
    }

    private static JsonNode row(JsonNode stats, String township) {
        return ApiClient.row(stats, "township", township);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
