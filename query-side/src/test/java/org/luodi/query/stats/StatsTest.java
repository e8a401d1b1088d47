package org.luodi.query.stats;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.Milestone;
import org.luodi.events.SourceRegion;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.http.HttpMethod;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;
import static org.luodi.query.Recorder.shanghai;

/**
 * GET /api/stats against numbers worked out by hand. Each test has a year of its own, so that the projects of one
 * do not count in another's.
 */
class StatsTest extends IsolatedQuerySideTest {

    @Test
    void oneYiBoundaryIsInclusiveAndOnlyBigProjectsCountAsSignedAndStored() {
        String below = recorder.signed("gaoxin", "smart-equipment", true, "9999.99", LocalDate.of(2011, 3, 1));
        String exactly = recorder.signed("gaoxin", "smart-equipment", true, "10000", LocalDate.of(2011, 3, 2));
        String above = recorder.signed("gaoxin", "new-materials", false, "10000.01", LocalDate.of(2011, 3, 3));
        recorder.started(below, LocalDate.of(2011, 4, 1));
        recorder.stored(below, LocalDate.of(2011, 5, 1), "5000");
        recorder.started(exactly, LocalDate.of(2011, 4, 1));
        recorder.stored(exactly, LocalDate.of(2011, 5, 1), "8000");
        recorder.registered(above, LocalDate.of(2011, 3, 10), false);
        recorder.registered(below, LocalDate.of(2011, 3, 10), true);
        recorder.awaitProjections();

        JsonNode stats = supervisor().get("/api/stats?year=2011&asOf=2011-06-30").ok();
        assertThat(stats.get("year").asInt()).isEqualTo(2011);
        assertThat(stats.get("asOf").asText()).isEqualTo("2011-06-30");
        assertThat(stats.get("groupBy").asText()).isEqualTo("township");
        assertThat(decimal(stats.get("scheduleProgress"))).isEqualByComparingTo("0.4959"); // 181 / 365
        JsonNode gaoxin = row(stats, "township", "gaoxin");
        assertThat(gaoxin.get("name").asText()).isEqualTo("高新区");
        assertThat(gaoxin.at("/signedAbove1Yi/count").asLong()).isEqualTo(2);
        assertThat(decimal(gaoxin.at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("20000.01");
        assertThat(gaoxin.at("/signedAbove1Yi/industrialCount").asLong()).isEqualTo(1);
        assertThat(gaoxin.at("/registered/count").asLong()).isEqualTo(2); // any amount
        assertThat(gaoxin.at("/newForeignEnterprises/count").asLong()).isEqualTo(1);
        assertThat(gaoxin.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(gaoxin.at("/startedStoredAbove1Yi/plannedInvestmentWan"))).isEqualByComparingTo("8000");
        assertThat(decimal(gaoxin.at("/rates/startRate"))).isEqualByComparingTo("0.5");
        assertThat(decimal(gaoxin.at("/rates/storageRate"))).isEqualByComparingTo("0.5");
        assertThat(decimal(gaoxin.at("/rates/productionRate"))).isEqualByComparingTo("0");
        assertThat(gaoxin.at("/rates/signingRate").isNull()).isTrue(); // no target for 2011

        JsonNode byChain = supervisor().get("/api/stats?year=2011&asOf=2011-06-30&groupBy=chain").ok();
        assertThat(byChain.get("groupBy").asText()).isEqualTo("chain");
        assertThat(byChain.get("rows")).hasSize(10);
        JsonNode smart = row(byChain, "chain", "smart-equipment");
        assertThat(smart.has("township")).isFalse();
        assertThat(smart.at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(row(byChain, "chain", "new-materials").at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(byChain.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(2);
    }

    @Test
    void terminatedProjectsStayInTheCohortWithTheMilestonesTheyReached() {
        String startedThenTerminated = recorder.signed("linkong", "20000", LocalDate.of(2012, 1, 10));
        recorder.started(startedThenTerminated, LocalDate.of(2012, 2, 1));
        recorder.terminated(startedThenTerminated, LocalDate.of(2012, 4, 1));
        String terminatedUnstarted = recorder.signed("linkong", "15000", LocalDate.of(2012, 2, 1));
        recorder.terminated(terminatedUnstarted, LocalDate.of(2012, 3, 1));
        String producing = recorder.signed("linkong", "30000", LocalDate.of(2012, 3, 1));
        recorder.started(producing, LocalDate.of(2012, 3, 15));
        recorder.stored(producing, LocalDate.of(2012, 4, 1), "25000");
        recorder.inProduction(producing, LocalDate.of(2012, 5, 20));
        recorder.awaitProjections();

        JsonNode june = row(supervisor().get("/api/stats?year=2012&asOf=2012-06-30").ok(), "township", "linkong");
        assertThat(june.at("/signedAbove1Yi/count").asLong()).isEqualTo(3);
        assertThat(decimal(june.at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("65000");
        assertThat(decimal(june.at("/rates/startRate"))).isEqualByComparingTo("0.6667"); // 2 of 3
        assertThat(decimal(june.at("/rates/storageRate"))).isEqualByComparingTo("0.3333");
        assertThat(decimal(june.at("/rates/productionRate"))).isEqualByComparingTo("0.3333");
        assertThat(june.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(june.at("/startedStoredAbove1Yi/plannedInvestmentWan"))).isEqualByComparingTo("25000");
        assertThat(june.at("/cohort/count").asLong()).isEqualTo(3);

        // asOf is business time: on 03-31 the storage (04-01) and production had not happened yet
        JsonNode march = row(supervisor().get("/api/stats?year=2012&asOf=2012-03-31").ok(), "township", "linkong");
        assertThat(decimal(march.at("/rates/startRate"))).isEqualByComparingTo("0.6667");
        assertThat(decimal(march.at("/rates/storageRate"))).isEqualByComparingTo("0");
        assertThat(march.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(0);
    }

    @Test
    void aVoidedProjectLeavesEveryNumberButCountedBeforeItWasVoided() {
        String voided = recorder.signed("lingxiang", "50000", LocalDate.of(2013, 2, 1));
        recorder.registered(voided, LocalDate.of(2013, 2, 10), true);
        recorder.started(voided, LocalDate.of(2013, 3, 1));
        recorder.stored(voided, LocalDate.of(2013, 3, 15), "40000");
        recorder.inProduction(voided, LocalDate.of(2013, 4, 1));
        recorder.funds(voided, LocalDate.of(2013, 3, 20), SourceRegion.IN_PROVINCE, "1000");
        recorder.funds(voided, LocalDate.of(2013, 3, 21), SourceRegion.FOREIGN, "50");
        String kept = recorder.signed("lingxiang", "12000", LocalDate.of(2013, 2, 5));
        recorder.registered(kept, LocalDate.of(2013, 2, 20), false);
        recorder.funds(kept, LocalDate.of(2013, 3, 10), SourceRegion.OUT_OF_PROVINCE, "300");
        recorder.recordingAt(shanghai("2013-05-01T10:00:00")).voided(voided);
        recorder.awaitProjections();

        JsonNode now = supervisor().get("/api/stats?year=2013&asOf=2013-06-30").ok();
        for (JsonNode node : new JsonNode[] {row(now, "township", "lingxiang"), now.get("total")}) {
            assertThat(node.at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
            assertThat(decimal(node.at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("12000");
            assertThat(node.at("/registered/count").asLong()).isEqualTo(1);
            assertThat(node.at("/newForeignEnterprises/count").asLong()).isEqualTo(0);
            assertThat(node.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(0);
            assertThat(decimal(node.at("/startedStoredAbove1Yi/plannedInvestmentWan"))).isEqualByComparingTo("0");
            assertThat(decimal(node.at("/domesticFunds/totalWan"))).isEqualByComparingTo("300");
            assertThat(decimal(node.at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("300");
            assertThat(decimal(node.at("/foreignFunds/usdWan"))).isEqualByComparingTo("0");
            assertThat(decimal(node.at("/rates/startRate"))).isEqualByComparingTo("0");
            assertThat(decimal(node.at("/rates/productionRate"))).isEqualByComparingTo("0");
        }

        JsonNode before = row(supervisor().get("/api/stats?year=2013&asOf=2013-06-30&knownAt=2013-04-30").ok(),
                "township", "lingxiang");
        assertThat(before.at("/signedAbove1Yi/count").asLong()).isEqualTo(2);
        assertThat(decimal(before.at("/signedAbove1Yi/amountWan"))).isEqualByComparingTo("62000");
        assertThat(before.at("/newForeignEnterprises/count").asLong()).isEqualTo(1);
        assertThat(before.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(before.at("/domesticFunds/totalWan"))).isEqualByComparingTo("1300");
        assertThat(decimal(before.at("/foreignFunds/usdWan"))).isEqualByComparingTo("50");
        assertThat(decimal(before.at("/rates/productionRate"))).isEqualByComparingTo("0.5");
    }

    @Test
    void aRetractedStartAndStorageNoLongerCount() {
        String ceremonial = recorder.signed("chengui", "20000", LocalDate.of(2014, 1, 15));
        recorder.started(ceremonial, LocalDate.of(2014, 2, 1));
        recorder.stored(ceremonial, LocalDate.of(2014, 2, 20), "18000");
        recorder.recordingAt(shanghai("2014-04-10T10:00:00")).retracted(ceremonial, Milestone.STORAGE);
        recorder.recordingAt(shanghai("2014-04-10T10:05:00")).retracted(ceremonial, Milestone.START);
        recorder.awaitProjections();

        JsonNode now = row(supervisor().get("/api/stats?year=2014&asOf=2014-06-30").ok(), "township", "chengui");
        assertThat(now.at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(now.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(0);
        assertThat(decimal(now.at("/startedStoredAbove1Yi/plannedInvestmentWan"))).isEqualByComparingTo("0");
        assertThat(decimal(now.at("/rates/startRate"))).isEqualByComparingTo("0");
        assertThat(decimal(now.at("/rates/storageRate"))).isEqualByComparingTo("0");

        JsonNode published = row(supervisor().get("/api/stats?year=2014&asOf=2014-03-31&knownAt=2014-04-01").ok(),
                "township", "chengui");
        assertThat(published.at("/startedStoredAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(published.at("/startedStoredAbove1Yi/plannedInvestmentWan"))).isEqualByComparingTo("18000");
        assertThat(decimal(published.at("/rates/startRate"))).isEqualByComparingTo("1");
        assertThat(decimal(published.at("/rates/storageRate"))).isEqualByComparingTo("1");
    }

    @Test
    void aBackDatedFundArrivalChangesTheMonthWhileKnownAtKeepsThePublishedTotal() {
        String project = recorder.signed("jinhu", "10000", LocalDate.of(2015, 1, 5));
        recorder.funds(project, LocalDate.of(2015, 2, 10), SourceRegion.IN_PROVINCE, "500");
        recorder.funds(project, LocalDate.of(2015, 3, 5), SourceRegion.OUT_OF_PROVINCE, "200");
        String lastYears = recorder.signed("jinhu", "5000", LocalDate.of(2014, 11, 1));
        recorder.funds(lastYears, LocalDate.of(2014, 12, 31), SourceRegion.IN_PROVINCE, "400"); // outside 2015
        recorder.funds(lastYears, LocalDate.of(2015, 1, 1), SourceRegion.IN_PROVINCE, "100");
        recorder.recordingAt(shanghai("2015-05-08T15:00:00"));
        recorder.funds(project, LocalDate.of(2015, 3, 20), SourceRegion.IN_PROVINCE, "300.5");
        recorder.funds(project, LocalDate.of(2015, 3, 25), SourceRegion.FOREIGN, "20");
        recorder.awaitProjections();

        JsonNode march = row(supervisor().get("/api/stats?year=2015&asOf=2015-03-31").ok(), "township", "jinhu");
        assertThat(decimal(march.at("/domesticFunds/totalWan"))).isEqualByComparingTo("1100.5");
        assertThat(decimal(march.at("/domesticFunds/outOfProvinceWan"))).isEqualByComparingTo("200");
        assertThat(decimal(march.at("/foreignFunds/usdWan"))).isEqualByComparingTo("20");

        JsonNode published = supervisor().get("/api/stats?year=2015&asOf=2015-03-31&knownAt=2015-04-04T16:00:00Z").ok();
        assertThat(published.get("knownAt").asText()).isEqualTo("2015-04-04T16:00:00Z");
        JsonNode asPublished = row(published, "township", "jinhu");
        assertThat(decimal(asPublished.at("/domesticFunds/totalWan"))).isEqualByComparingTo("800");
        assertThat(decimal(asPublished.at("/foreignFunds/usdWan"))).isEqualByComparingTo("0");

        JsonNode february = row(supervisor().get("/api/stats?year=2015&asOf=2015-02-28").ok(), "township", "jinhu");
        assertThat(decimal(february.at("/domesticFunds/totalWan"))).isEqualByComparingTo("600");
    }

    @Test
    void aClerkSeesItsOwnRowAndATotalOfItOnly() {
        recorder.signed("gaoxin", "10000", LocalDate.of(2016, 2, 1));
        recorder.signed("linkong", "20000", LocalDate.of(2016, 2, 1));
        recorder.awaitProjections();

        JsonNode clerk = as("gaoxin").get("/api/stats?year=2016&asOf=2016-06-30").ok();
        assertThat(clerk.get("rows")).hasSize(1);
        assertThat(clerk.at("/rows/0/township").asText()).isEqualTo("gaoxin");
        assertThat(clerk.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(1);
        assertThat(decimal(clerk.at("/total/signedAbove1Yi/amountWan"))).isEqualByComparingTo("10000");
        assertThat(clerk.toString()).doesNotContain("linkong");

        assertThat(as("gaoxin").exchange(HttpMethod.GET, "/api/stats?year=2016&groupBy=chain", null).status())
                .isEqualTo(403);

        JsonNode all = supervisor().get("/api/stats?year=2016&asOf=2016-06-30").ok();
        assertThat(all.get("rows")).hasSize(14);
        assertThat(all.at("/rows/0/township").asText()).isEqualTo("gaoxin");
        assertThat(all.at("/rows/13/township").asText()).isEqualTo("dongfeng");
        assertThat(all.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(2);
        assertThat(all.at("/total/name").asText()).isEqualTo("合计");
    }

    @Test
    void ratesAreNullForAnEmptyCohortAndSigningRateNeedsATarget() {
        var put = supervisor().exchange(HttpMethod.PUT, "/api/targets/2017/mingshan",
                "{\"targets\": {\"signedAbove1Yi.count\": 4}, \"reason\": \"测试\"}");
        assertThat(put.status()).isEqualTo(200);

        JsonNode stats = supervisor().get("/api/stats?year=2017&asOf=2017-06-30").ok();
        JsonNode mingshan = row(stats, "township", "mingshan");
        assertThat(decimal(mingshan.at("/rates/signingRate"))).isEqualByComparingTo("0");
        assertThat(mingshan.at("/rates/startRate").isNull()).isTrue();
        assertThat(mingshan.at("/rates/storageRate").isNull()).isTrue();
        assertThat(mingshan.at("/rates/productionRate").isNull()).isTrue();
        assertThat(decimal(mingshan.at("/completion/signedAbove1Yi.count"))).isEqualByComparingTo("0");
        assertThat(mingshan.get("behindSchedule")).extracting(JsonNode::asText).containsExactly("signedAbove1Yi.count");

        JsonNode dongfeng = row(stats, "township", "dongfeng");
        assertThat(dongfeng.at("/rates/signingRate").isNull()).isTrue();
        assertThat(dongfeng.get("targets")).isEmpty();
        assertThat(dongfeng.get("completion")).isEmpty();
        assertThat(stats.at("/total/rates/startRate").isNull()).isTrue();
        assertThat(decimal(stats.at("/total/targets/signedAbove1Yi.count"))).isEqualByComparingTo("4");
    }

    @Test
    void theYearOfTheShippedTargets() {
        String project = recorder.signed("gaoxin", "12000", LocalDate.of(2024, 3, 1));
        recorder.funds(project, LocalDate.of(2024, 4, 1), SourceRegion.OUT_OF_PROVINCE, "1900000");
        recorder.awaitProjections();

        JsonNode stats = supervisor().get("/api/stats?year=2024&asOf=2024-06-30").ok();
        assertThat(decimal(stats.get("scheduleProgress"))).isEqualByComparingTo("0.4973"); // 182 / 366
        JsonNode gaoxin = row(stats, "township", "gaoxin");
        assertThat(decimal(gaoxin.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("42");
        assertThat(decimal(gaoxin.at("/targets/signedAbove1Yi.amountWan"))).isEqualByComparingTo("3550000");
        assertThat(decimal(gaoxin.at("/targets/foreignFunds.usdWan"))).isEqualByComparingTo("600");
        assertThat(decimal(gaoxin.at("/rates/signingRate"))).isEqualByComparingTo("0.0238"); // 1 / 42
        assertThat(decimal(gaoxin.at("/completion/signedAbove1Yi.count"))).isEqualByComparingTo("0.0238");
        // 1,900,000 of 1,900,000 万 domestic: complete; of 1,200,000 out of province: 1.5833
        assertThat(decimal(gaoxin.at("/completion/domesticFunds.totalWan"))).isEqualByComparingTo("1");
        assertThat(decimal(gaoxin.at("/completion/domesticFunds.outOfProvinceWan"))).isEqualByComparingTo("1.5833");
        assertThat(gaoxin.get("behindSchedule")).extracting(JsonNode::asText)
                .contains("signedAbove1Yi.count", "foreignFunds.usdWan")
                .doesNotContain("domesticFunds.totalWan", "domesticFunds.outOfProvinceWan");
        assertThat(row(stats, "township", "linkong").at("/targets").has("foreignFunds.usdWan")).isFalse();
        assertThat(decimal(stats.at("/total/targets/signedAbove1Yi.count"))).isEqualByComparingTo("138");
        assertThat(decimal(stats.at("/total/targets/domesticFunds.totalWan"))).isEqualByComparingTo("6000000");
        assertThat(decimal(stats.at("/total/rates/signingRate"))).isEqualByComparingTo("0.0072"); // 1 / 138

        JsonNode chains = supervisor().get("/api/stats?year=2024&asOf=2024-06-30&groupBy=chain").ok();
        JsonNode smart = row(chains, "chain", "smart-equipment");
        assertThat(decimal(smart.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("25");
        assertThat(decimal(smart.at("/rates/signingRate"))).isEqualByComparingTo("0.04");
    }

    @Test
    void thePeriodEndsWithTheYearAndStartsWithIt() {
        recorder.signed("baoan", "10000", LocalDate.of(2018, 12, 31));
        recorder.signed("baoan", "10000", LocalDate.of(2019, 1, 1));
        recorder.awaitProjections();

        JsonNode after = supervisor().get("/api/stats?year=2018&asOf=2019-03-01").ok();
        assertThat(decimal(after.get("scheduleProgress"))).isEqualByComparingTo("1");
        assertThat(row(after, "township", "baoan").at("/signedAbove1Yi/count").asLong()).isEqualTo(1);

        JsonNode before = supervisor().get("/api/stats?year=2019&asOf=2018-12-31").ok();
        assertThat(decimal(before.get("scheduleProgress"))).isEqualByComparingTo("0");
        assertThat(row(before, "township", "baoan").at("/signedAbove1Yi/count").asLong()).isEqualTo(0);
        assertThat(row(supervisor().get("/api/stats?year=2019&asOf=2019-01-01").ok(), "township", "baoan")
                .at("/signedAbove1Yi/count").asLong()).isEqualTo(1);
    }

    @Test
    void badParametersAreRefused() {
        var answer = supervisor().exchange(HttpMethod.GET, "/api/stats?groupBy=county", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("groupBy");
        assertThat(supervisor().exchange(HttpMethod.GET, "/api/stats?asOf=2024-13-01", null).status()).isEqualTo(400);
    }

    static JsonNode row(JsonNode stats, String unitField, String code) {
        for (JsonNode row : stats.get("rows")) {
            if (code.equals(row.path(unitField).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + stats);
    }

    static BigDecimal number(String text) {
        return new BigDecimal(text);
    }
}
