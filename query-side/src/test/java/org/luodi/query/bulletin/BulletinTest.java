package org.luodi.query.bulletin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;
import static org.luodi.query.Recorder.shanghai;

/**
 * GET /api/bulletin against scores worked out by hand. Each scenario has a year and townships of its own: only
 * townships with targets are ranked, and a township's stalled contracts of any year count against it, so the
 * scenarios keep out of each other's way.
 */
class BulletinTest extends IsolatedQuerySideTest {

    /**
     * June 2021, three townships with targets. gaoxin: 3 of 4 signed, 1 of 2 registered, 2 of 2 stored, 900 of
     * 1000 万 domestic, 30 of 100 万美元 foreign: 15×0.75 + 10×0.5 + 30×1 + 30×0.9 + 5×0.3 = 74.75, +2 for a
     * project signed and producing in 2021 = 76.75. linkong (no foreign target): (15×1.2 + 10×1 + 30×1 +
     * 30×1.2) × 90/85 = 99.53, −2 for a 2020 contract still unstarted, +2 = 99.53. lingxiang: 15×0.5 + 10×1 +
     * 30×0 + 30×0.25 + 5×0 = 25, −2 = 23.
     */
    @Test
    void scoresAndRanksOfThreeTownships() {
        threeTownshipsIn2021();

        JsonNode bulletin = supervisor().get("/api/bulletin?year=2021&month=6").ok();
        assertThat(bulletin.get("asOf").asText()).isEqualTo("2021-06-30");
        assertThat(bulletin.get("title").asText()).isEqualTo("大冶市2021年1—6月招商选资工作通报");
        assertThat(decimal(bulletin.get("scheduleProgress"))).isEqualByComparingTo("0.4959");
        assertThat(bulletin.get("rankedTownships").asInt()).isEqualTo(3);
        assertThat(bulletin.get("rows")).hasSize(14);

        JsonNode gaoxin = row(bulletin, "gaoxin");
        assertThat(decimal(gaoxin.get("score"))).isEqualByComparingTo("76.75");
        assertThat(decimal(gaoxin.at("/scoreDetail/completionPoints"))).isEqualByComparingTo("74.75");
        assertThat(decimal(gaoxin.at("/scoreDetail/productionBonus"))).isEqualByComparingTo("2");
        assertThat(gaoxin.get("rank").asInt()).isEqualTo(2);
        assertThat(gaoxin.get("signedAndInProductionCount").asLong()).isEqualTo(1);
        assertThat(gaoxin.at("/signedAbove1Yi/count").asLong()).isEqualTo(3); // the stats fields, unwrapped
        assertThat(decimal(gaoxin.at("/completion/registered.count"))).isEqualByComparingTo("0.5");
        assertThat(decimal(gaoxin.at("/rates/startRate"))).isEqualByComparingTo("0.6667");

        JsonNode linkong = row(bulletin, "linkong");
        assertThat(decimal(linkong.get("score"))).isEqualByComparingTo("99.53");
        assertThat(linkong.get("rank").asInt()).isEqualTo(1);
        assertThat(linkong.get("overdueCount").asLong()).isEqualTo(1);
        assertThat(linkong.get("warningCount").asLong()).isEqualTo(0);
        assertThat(decimal(linkong.at("/scoreDetail/overduePenalty"))).isEqualByComparingTo("2");

        JsonNode lingxiang = row(bulletin, "lingxiang");
        assertThat(decimal(lingxiang.get("score"))).isEqualByComparingTo("23");
        assertThat(lingxiang.get("rank").asInt()).isEqualTo(3);
        assertThat(lingxiang.get("warningCount").asLong()).isEqualTo(1);
        assertThat(lingxiang.get("overdueCount").asLong()).isEqualTo(1);
        assertThat(lingxiang.get("lastPlace").asBoolean()).isTrue();

        JsonNode unranked = row(bulletin, "chengui");
        assertThat(unranked.get("score").isNull()).isTrue();
        assertThat(unranked.get("rank").isNull()).isTrue();
        assertThat(bulletin.at("/total/overdueCount").asLong()).isEqualTo(2);
        assertThat(bulletin.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(7);
        assertThat(decimal(bulletin.at("/scoring/totalWeight"))).isEqualByComparingTo("90");
    }

    /**
     * 殷祖 in June 2015, target 4 signings of 1 亿 or more. Signed in the year: a 2 亿 and b 1.5 亿 (both 二次招商, b also
     * 技改), c 0.8 亿 (二次招商), d 0.9 亿 (技改); e, a 1.2 亿 技改 signed in December 2014. Completion 2 / 4 = 0.5 on the
     * only indicator with a target: 15 × 0.5 × 90 / 15 = 45. 二次招商 signings of the year of any amount: a, b, c = 3,
     * +2 each = 6 (e's type is no 二次招商, and it was signed the year before). 技改 of 1 亿 or more stored in the year:
     * b and e (d is below 1 亿) = 2, +2 each = 4. Score 45 + 6 + 4 = 55.
     */
    @Test
    void secondRoundSigningsAndStoredUpgradesEarnTheirBonuses() {
        clock.setToday(LocalDate.of(2015, 1, 2));
        putTargets(2015, "yinzu", "{\"signedAbove1Yi.count\": 4}");
        Set<ProjectType> secondRound = Set.of(ProjectType.SECOND_ROUND);
        recorder.signedWithPlan("yinzu", "20000", LocalDate.of(2015, 1, 10), "30000", secondRound);
        String b = recorder.signedWithPlan("yinzu", "15000", LocalDate.of(2015, 2, 1), "15000",
                Set.of(ProjectType.SECOND_ROUND, ProjectType.TECHNICAL_UPGRADE));
        recorder.started(b, LocalDate.of(2015, 3, 1));
        recorder.stored(b, LocalDate.of(2015, 4, 1), "15000");
        recorder.signedWithPlan("yinzu", "8000", LocalDate.of(2015, 3, 1), "8000", secondRound);
        String d = recorder.signedWithPlan("yinzu", "9000", LocalDate.of(2015, 3, 5), "9000",
                Set.of(ProjectType.TECHNICAL_UPGRADE));
        recorder.started(d, LocalDate.of(2015, 4, 1));
        recorder.stored(d, LocalDate.of(2015, 5, 1), "9000");
        String e = recorder.signedWithPlan("yinzu", "12000", LocalDate.of(2014, 12, 1), "12000",
                Set.of(ProjectType.TECHNICAL_UPGRADE));
        recorder.started(e, LocalDate.of(2015, 1, 5));
        recorder.stored(e, LocalDate.of(2015, 2, 1), "12000");
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2026, 1, 15));

        JsonNode bulletin = supervisor().get("/api/bulletin?year=2015&month=6").ok();
        JsonNode yinzu = row(bulletin, "yinzu");
        assertThat(decimal(yinzu.at("/scoreDetail/completionPoints"))).isEqualByComparingTo("45");
        assertThat(decimal(yinzu.at("/scoreDetail/typeBonus"))).isEqualByComparingTo("6");
        assertThat(decimal(yinzu.at("/scoreDetail/storedUpgradeBonus"))).isEqualByComparingTo("4");
        assertThat(decimal(yinzu.get("score"))).isEqualByComparingTo("55");
        assertThat(decimal(bulletin.at("/scoring/typeBonusPerSigning/SECOND_ROUND"))).isEqualByComparingTo("2");
        assertThat(decimal(bulletin.at("/scoring/storedUpgradeBonusPerProject"))).isEqualByComparingTo("2");
        assertThat(mainSheetText(supervisor().get("/api/bulletin.xlsx", "year", 2015, "month", 6).bytes())).contains("每签约一个二次招商项目加 2 分，每个入库的亿元以上技改项目加 2 分");
    }

    @Test
    void aClerkSeesItsOwnRowRankedAmongAllTownships() {
        threeTownshipsIn2021();

        JsonNode bulletin = as("lingxiang").get("/api/bulletin?year=2021&month=6").ok();
        assertThat(bulletin.get("rows")).hasSize(1);
        assertThat(bulletin.at("/rows/0/township").asText()).isEqualTo("lingxiang");
        assertThat(bulletin.at("/rows/0/rank").asInt()).isEqualTo(3);
        assertThat(bulletin.at("/total/overdueCount").asLong()).isEqualTo(1);
        assertThat(bulletin.at("/total/signedAbove1Yi/count").asLong()).isEqualTo(1);
        // of the other townships only their place in the ranking, which the bulletin publishes to all
        assertThat(bulletin.get("ranking")).hasSize(3);
        for (JsonNode ranked : bulletin.get("ranking")) {
            assertThat(ranked.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("township", "name", "rank");
        }
        assertThat(bulletin.at("/ranking/0/township").asText()).isEqualTo("linkong");
        assertThat(bulletin.at("/ranking/1/township").asText()).isEqualTo("gaoxin");
        assertThat(bulletin.at("/ranking/2/township").asText()).isEqualTo("lingxiang");
        assertThat(bulletin.at("/ranking/2/rank").asInt()).isEqualTo(3);
        JsonNode withoutRanking = bulletin.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withoutRanking).remove("ranking");
        assertThat(withoutRanking.toString()).doesNotContain("linkong").doesNotContain("gaoxin")
                .doesNotContain("临空").doesNotContain("高新区");

        ApiClient.Answer workbook = as("lingxiang").get("/api/bulletin.xlsx", "year", 2021, "month", 6);
        assertThat(workbook.status()).isEqualTo(200);
        BulletinSheet sheet = BulletinSheet.read(workbook.bytes());
        assertThat(sheet.unitNames()).containsExactly("灵乡镇", "合计");
    }

    /**
     * 2022, targets of 2 signings each and nothing else weighted: 90 × completion. chengui signs in January,
     * jinhu in February, baoan only in April. January: jinhu and baoan share last place; February and March:
     * baoan alone; April: all equal, so nobody is last.
     */
    @Test
    void theTalkLadderAfterTwoAndThreeMonthsInLastPlace() {
        clock.setToday(LocalDate.of(2022, 1, 1));
        for (String township : new String[] {"chengui", "jinhu", "baoan"}) {
            putTargets(2022, township, "{\"signedAbove1Yi.count\": 2}");
        }
        String chengui = recorder.signed("chengui", "10000", LocalDate.of(2022, 1, 10));
        recorder.started(chengui, LocalDate.of(2022, 1, 20));
        String jinhu = recorder.signed("jinhu", "10000", LocalDate.of(2022, 2, 10));
        recorder.started(jinhu, LocalDate.of(2022, 2, 20));
        String baoan = recorder.signed("baoan", "10000", LocalDate.of(2022, 4, 5));
        recorder.started(baoan, LocalDate.of(2022, 4, 10));
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2022, 5, 3)); // every month read below is over

        JsonNode january = supervisor().get("/api/bulletin?year=2022&month=1").ok();
        assertThat(decimal(row(january, "chengui").get("score"))).isEqualByComparingTo("45");
        assertThat(row(january, "jinhu").get("rank").asInt()).isEqualTo(2);
        assertThat(row(january, "baoan").get("rank").asInt()).isEqualTo(2);
        assertFlags(row(january, "jinhu"), true, false, false);
        assertFlags(row(january, "baoan"), true, false, false);

        JsonNode february = supervisor().get("/api/bulletin?year=2022&month=2").ok();
        assertFlags(row(february, "jinhu"), false, false, false);
        assertFlags(row(february, "baoan"), true, true, false);
        assertThat(row(february, "baoan").get("lastPlaceMonthsRunning").asInt()).isEqualTo(2);

        JsonNode march = supervisor().get("/api/bulletin?year=2022&month=3").ok();
        assertFlags(row(march, "baoan"), true, true, true);
        assertThat(row(march, "baoan").get("lastPlaceMonthsRunning").asInt()).isEqualTo(3);
        assertFlags(row(march, "chengui"), false, false, false);

        JsonNode april = supervisor().get("/api/bulletin?year=2022&month=4").ok();
        for (String township : new String[] {"chengui", "jinhu", "baoan"}) {
            assertThat(row(april, township).get("rank").asInt()).isEqualTo(1);
            assertFlags(row(april, township), false, false, false);
        }

        BulletinSheet sheet = BulletinSheet.read(supervisor().exchange(HttpMethod.GET,
                "/api/bulletin.xlsx?year=2022&month=3", null).bytes());
        assertThat(sheet.text("保安镇", "约谈提醒")).contains("主要领导约谈");
    }

    /**
     * The 约谈 ladder across the turn of the year. Targets of 2 signings each in 2016 and 2017, nothing else weighted:
     * 90 × completion. chengui signs 2 in January 2016 and 1 in January 2017, dongyuelu 1 and 1, liurenba none in
     * 2016 and 1 in February 2017. November and December 2016: 90, 45, 0; January 2017: 45, 45, 0, so liurenba has
     * been last three months running (November, December, January) and goes to the top leaders; February 2017: all
     * 45, nobody is last.
     */
    @Test
    void theTalkLadderLooksBackAcrossTheTurnOfTheYear() {
        clock.setToday(LocalDate.of(2016, 1, 1));
        for (int year : new int[] {2016, 2017}) {
            for (String township : new String[] {"chengui", "dongyuelu", "liurenba"}) {
                putTargets(year, township, "{\"signedAbove1Yi.count\": 2}");
            }
        }
        signedAndStarted("chengui", LocalDate.of(2016, 1, 10));
        signedAndStarted("chengui", LocalDate.of(2016, 1, 11));
        signedAndStarted("dongyuelu", LocalDate.of(2016, 1, 15));
        signedAndStarted("chengui", LocalDate.of(2017, 1, 5));
        signedAndStarted("dongyuelu", LocalDate.of(2017, 1, 6));
        signedAndStarted("liurenba", LocalDate.of(2017, 2, 10));
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2017, 3, 5));

        JsonNode december = supervisor().get("/api/bulletin?year=2016&month=12").ok();
        assertThat(decimal(row(december, "chengui").get("score"))).isEqualByComparingTo("90");
        assertThat(decimal(row(december, "dongyuelu").get("score"))).isEqualByComparingTo("45");
        assertThat(decimal(row(december, "liurenba").get("score"))).isEqualByComparingTo("0");
        assertThat(row(december, "liurenba").get("rank").asInt()).isEqualTo(3);

        JsonNode january = supervisor().get("/api/bulletin?year=2017&month=1").ok();
        assertThat(decimal(row(january, "chengui").get("score"))).isEqualByComparingTo("45");
        assertThat(decimal(row(january, "dongyuelu").get("score"))).isEqualByComparingTo("45");
        assertThat(row(january, "liurenba").get("rank").asInt()).isEqualTo(3);
        assertThat(row(january, "liurenba").get("lastPlaceMonthsRunning").asInt()).isEqualTo(3);
        assertFlags(row(january, "liurenba"), true, true, true);
        assertFlags(row(january, "dongyuelu"), false, false, false);
        assertThat(BulletinSheet.read(supervisor().get("/api/bulletin.xlsx", "year", 2017, "month", 1).bytes())
                .text("刘仁八镇", "约谈提醒")).isEqualTo("连续3个月排名末位，由市委市政府主要领导约谈");

        JsonNode february = supervisor().get("/api/bulletin?year=2017&month=2").ok();
        for (String township : new String[] {"chengui", "dongyuelu", "liurenba"}) {
            assertThat(row(february, township).get("rank").asInt()).isEqualTo(1);
            assertFlags(row(february, township), false, false, false);
        }
    }

    /**
     * June 2018, targets of 4 signings each and nothing else weighted: 90 × completion, capped at 1.2. Signed (and
     * started at once): gaoxin 5 → 108, jinniu 4 → 90, jinhu 3 → 67.5, jinshandian 3 → 67.5, dajipu 2 → 45, baoan
     * 1 → 22.5, mingshan 1 → 22.5, yinzu 0 → 0. Overall: 1, 2, 3, 3, 5, 6, 6, 8. Categories: 一类 jinhu, jinshandian,
     * baoan → 1, 1, 3; 二类 jinniu, dajipu → 1, 2; 三类 yinzu → 1; gaoxin 单列考核 and mingshan 未分类 ranked in none.
     * In August baoan moves to 二类 (→ 3rd of 3 there, 一类 ranks 2); the bulletin as known in July keeps the old pools.
     */
    @Test
    void townshipsAreRankedWithinTheirCategoryAndAnUncategorisedOneInNone() {
        clock.setToday(LocalDate.of(2018, 1, 2));
        String[] townships = {"gaoxin", "jinniu", "jinhu", "jinshandian", "dajipu", "baoan", "mingshan", "yinzu"};
        int[] signings = {5, 4, 3, 3, 2, 1, 1, 0};
        for (int i = 0; i < townships.length; i++) {
            putTargets(2018, townships[i], "{\"signedAbove1Yi.count\": 4}");
            for (int n = 0; n < signings[i]; n++) {
                signedAndStarted(townships[i], LocalDate.of(2018, 2, 1 + n));
            }
        }
        putCategories(2018, "{\"jinhu\": \"first\", \"jinshandian\": \"first\", \"baoan\": \"first\", "
                + "\"jinniu\": \"second\", \"dajipu\": \"second\", \"yinzu\": \"third\", \"gaoxin\": \"apart\"}");
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2018, 7, 10));

        JsonNode june = supervisor().get("/api/bulletin?year=2018&month=6").ok();
        assertThat(decimal(row(june, "gaoxin").get("score"))).isEqualByComparingTo("108");
        assertThat(decimal(row(june, "jinhu").get("score"))).isEqualByComparingTo("67.5");
        assertRanks(june, "gaoxin", 1, "apart", "单列考核", null, null);
        assertRanks(june, "jinniu", 2, "second", "二类乡镇", 1, 2);
        assertRanks(june, "jinhu", 3, "first", "一类乡镇", 1, 3);
        assertRanks(june, "jinshandian", 3, "first", "一类乡镇", 1, 3);
        assertRanks(june, "dajipu", 5, "second", "二类乡镇", 2, 2);
        assertRanks(june, "baoan", 6, "first", "一类乡镇", 3, 3);
        assertRanks(june, "mingshan", 6, null, "未分类", null, null);
        assertRanks(june, "yinzu", 8, "third", "三类乡镇", 1, 1);
        assertRanks(june, "liurenba", null, null, "未分类", null, null); // no target: ranked nowhere
        assertThat(june.get("categories")).extracting(c -> c.get("category").asText())
                .containsExactly("first", "second", "third");
        assertThat(june.at("/categories/0/name").asText()).isEqualTo("一类乡镇");
        assertThat(june.at("/categories/0/ranking")).extracting(r -> r.get("township").asText() + r.get("rank"))
                .containsExactlyInAnyOrder("jinhu1", "jinshandian1", "baoan3");
        assertThat(june.at("/categories/0/ranking/2/township").asText()).isEqualTo("baoan");
        assertThat(june.at("/categories/2/ranking")).extracting(r -> r.get("township").asText())
                .containsExactly("yinzu");

        // a clerk: its own row, and of the others only their places, as in the overall ranking
        JsonNode asDajipu = as("dajipu").get("/api/bulletin?year=2018&month=6").ok();
        assertThat(asDajipu.get("rows")).hasSize(1);
        assertThat(asDajipu.at("/rows/0/rankInCategory").asInt()).isEqualTo(2);
        assertThat(asDajipu.at("/categories/1/ranking")).hasSize(2);

        BulletinSheet sheet = BulletinSheet.read(supervisor().get("/api/bulletin.xlsx", "year", 2018, "month", 6)
                .bytes());
        assertThat(sheet.text("茗山乡", "类别")).isEqualTo("未分类");
        assertThat(sheet.text("茗山乡", "类别内排名")).isEqualTo("—");
        assertThat(sheet.number("保安镇", "类别内排名")).isEqualByComparingTo("3");
        sheet.assertMatches(june);

        clock.setToday(LocalDate.of(2018, 8, 1));
        putCategories(2018, "{\"baoan\": \"second\"}");
        JsonNode moved = supervisor().get("/api/bulletin?year=2018&month=6").ok();
        assertRanks(moved, "baoan", 6, "second", "二类乡镇", 3, 3);
        assertRanks(moved, "jinhu", 3, "first", "一类乡镇", 1, 2);
        JsonNode asKnownInJuly = supervisor().get("/api/bulletin?year=2018&month=6&knownAt=2018-07-15").ok();
        assertRanks(asKnownInJuly, "baoan", 6, "first", "一类乡镇", 3, 3);
        assertRanks(asKnownInJuly, "dajipu", 5, "second", "二类乡镇", 2, 2);
    }

    private void signedAndStarted(String township, LocalDate on) {
        String id = recorder.signed(township, "10000", on);
        recorder.started(id, on);
    }

    private void putCategories(int year, String categories) {
        ApiClient.Answer answer = supervisor().exchange(HttpMethod.PUT, "/api/targets/" + year + "/categories",
                "{\"categories\": " + categories + ", \"reason\": \"确定乡镇分类\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void assertRanks(JsonNode bulletin, String township, Integer rank, String category,
                                    String categoryName, Integer rankInCategory, Integer rankedInCategory) {
        JsonNode row = row(bulletin, township);
        assertThat(row.get("rank").isNull() ? null : row.get("rank").asInt()).as(township + " rank").isEqualTo(rank);
        assertThat(row.get("category").isNull() ? null : row.get("category").asText()).as(township + " category")
                .isEqualTo(category);
        assertThat(row.get("categoryName").asText()).as(township + " categoryName").isEqualTo(categoryName);
        assertThat(row.get("rankInCategory").isNull() ? null : row.get("rankInCategory").asInt())
                .as(township + " rankInCategory").isEqualTo(rankInCategory);
        assertThat(row.get("rankedInCategory").isNull() ? null : row.get("rankedInCategory").asInt())
                .as(township + " rankedInCategory").isEqualTo(rankedInCategory);
    }

    /**
     * March 2023 as published on 5 April: jinshandian 500 of 1000 万, dajipu 300 of 1000 万, one of two signings
     * each: (15×0.5 + 30×0.5) × 90/45 = 45 and (15×0.5 + 30×0.3) × 2 = 33. In May, 600 万 are back-dated into
     * dajipu's March and jinshandian's domestic target is raised to 2000 万: 69 and 30, the ranks swap. With
     * knownAt the published bulletin comes back, targets included.
     */
    @Test
    void thePublishedBulletinIsReproducedAfterBackDatedEntriesAndATargetChange() {
        clock.setToday(LocalDate.of(2023, 1, 2));
        putTargets(2023, "jinshandian", "{\"signedAbove1Yi.count\": 2, \"domesticFunds.totalWan\": 1000}");
        putTargets(2023, "dajipu", "{\"signedAbove1Yi.count\": 2, \"domesticFunds.totalWan\": 1000}");
        String jinshandian = recorder.signed("jinshandian", "10000", LocalDate.of(2023, 2, 1));
        recorder.started(jinshandian, LocalDate.of(2023, 2, 10));
        recorder.funds(jinshandian, LocalDate.of(2023, 3, 10), SourceRegion.IN_PROVINCE, "500");
        String dajipu = recorder.signed("dajipu", "10000", LocalDate.of(2023, 2, 5));
        recorder.started(dajipu, LocalDate.of(2023, 2, 15));
        recorder.funds(dajipu, LocalDate.of(2023, 3, 15), SourceRegion.IN_PROVINCE, "300");
        recorder.recordingAt(shanghai("2023-05-10T10:00:00"));
        recorder.funds(dajipu, LocalDate.of(2023, 3, 20), SourceRegion.IN_PROVINCE, "600");
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2023, 5, 10));
        putTargets(2023, "jinshandian", "{\"domesticFunds.totalWan\": 2000}");

        JsonNode now = supervisor().get("/api/bulletin?year=2023&month=3").ok();
        assertThat(decimal(row(now, "dajipu").get("score"))).isEqualByComparingTo("69");
        assertThat(row(now, "dajipu").get("rank").asInt()).isEqualTo(1);
        assertThat(decimal(row(now, "jinshandian").get("score"))).isEqualByComparingTo("30");
        assertThat(row(now, "jinshandian").get("rank").asInt()).isEqualTo(2);

        String published = "/api/bulletin?year=2023&month=3&knownAt=2023-04-05T02:00:00Z";
        JsonNode asPublished = supervisor().get(published).ok();
        assertThat(asPublished.get("knownAt").asText()).isEqualTo("2023-04-05T02:00:00Z");
        JsonNode js = row(asPublished, "jinshandian");
        assertThat(decimal(js.get("score"))).isEqualByComparingTo("45");
        assertThat(js.get("rank").asInt()).isEqualTo(1);
        assertThat(decimal(js.at("/targets/domesticFunds.totalWan"))).isEqualByComparingTo("1000");
        JsonNode dj = row(asPublished, "dajipu");
        assertThat(decimal(dj.get("score"))).isEqualByComparingTo("33");
        assertThat(dj.get("rank").asInt()).isEqualTo(2);
        assertThat(decimal(dj.at("/domesticFunds/totalWan"))).isEqualByComparingTo("300");

        ApiClient.Answer workbook = supervisor().exchange(HttpMethod.GET,
                published.replace("/api/bulletin?", "/api/bulletin.xlsx?"), null);
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.contentType()).startsWith(BulletinController.XLSX.toString());
        BulletinSheet.read(workbook.bytes()).assertMatches(asPublished);
    }

    @Test
    void theWorkbookHasTheSeedsLayoutAndTheJsonNumbers() {
        threeTownshipsIn2021();
        JsonNode bulletin = supervisor().get("/api/bulletin?year=2021&month=6").ok();
        ApiClient.Answer workbook = supervisor().exchange(HttpMethod.GET, "/api/bulletin.xlsx?year=2021&month=6", null);

        BulletinSheet sheet = BulletinSheet.read(workbook.bytes());
        assertThat(sheet.title()).isEqualTo("大冶市2021年1—6月招商选资工作通报");
        assertThat(sheet.groupOver("个数")).isEqualTo("新签约亿元以上项目");
        assertThat(sheet.groupOver("其中工业项目")).isEqualTo("新签约亿元以上项目");
        assertThat(sheet.groupOver("其中：省外资金")).isEqualTo("实际到位内资（亿元）");
        assertThat(sheet.unitNames()).hasSize(15).startsWith("高新区", "临空经济区·还地桥镇").endsWith("合计");
        assertThat(sheet.number("高新区", "新签约亿元以上项目/投资额（亿元）")).isEqualByComparingTo("4.7");
        assertThat(sheet.number("高新区", "项目推进率/开工率")).isEqualByComparingTo("0.6667");
        assertThat(sheet.number("临空经济区·还地桥镇", "排名")).isEqualByComparingTo("1");
        sheet.assertMatches(bulletin);
    }

    /**
     * June 2021 read on 10 June: counted up to that day, 序时进度 161/365 = 0.4411, and lingxiang's 1-20 contract not
     * yet five months old (a warning only from 06-20); the page and the workbook say the month is not over.
     */
    @Test
    void aMonthNotOverIsCountedToTodayAndSaysSo() {
        threeTownshipsIn2021();
        clock.setToday(LocalDate.of(2021, 6, 10));

        JsonNode bulletin = supervisor().get("/api/bulletin?year=2021&month=6").ok();
        assertThat(bulletin.get("asOf").asText()).isEqualTo("2021-06-10");
        assertThat(bulletin.get("monthEnded").asBoolean()).isFalse();
        assertThat(bulletin.get("unfinishedNote").asText()).isEqualTo("截至 6月10日，本月未结束");
        assertThat(decimal(bulletin.get("scheduleProgress"))).isEqualByComparingTo("0.4411");
        assertThat(row(bulletin, "lingxiang").get("warningCount").asLong()).isEqualTo(0);

        ApiClient.Answer workbook = supervisor().get("/api/bulletin.xlsx", "year", 2021, "month", 6);
        BulletinSheet sheet = BulletinSheet.read(workbook.bytes());
        assertThat(sheet.title()).isEqualTo("大冶市2021年1—6月招商选资工作通报（截至 6月10日，本月未结束）");
        assertThat(sheet.subtitle()).contains("2021年1月1日—6月10日", "本月未结束", "序时进度：44.1%");
        sheet.assertMatches(bulletin);

        clock.setToday(LocalDate.of(2021, 7, 1));
        JsonNode ended = supervisor().get("/api/bulletin?year=2021&month=6").ok();
        assertThat(ended.get("asOf").asText()).isEqualTo("2021-06-30");
        assertThat(ended.get("monthEnded").asBoolean()).isTrue();
        assertThat(ended.get("unfinishedNote").isNull()).isTrue();
        assertThat(BulletinSheet.read(supervisor().get("/api/bulletin.xlsx", "year", 2021, "month", 6).bytes())
                .title()).isEqualTo("大冶市2021年1—6月招商选资工作通报");

        // reproduced as known on 10 June, long after: the month was not over then
        clock.setToday(LocalDate.of(2026, 1, 15));
        JsonNode asKnown = supervisor().get("/api/bulletin?year=2021&month=6&knownAt=2021-06-10").ok();
        assertThat(asKnown.get("asOf").asText()).isEqualTo("2021-06-10");
        assertThat(asKnown.get("unfinishedNote").asText()).isEqualTo("截至 6月10日，本月未结束");
    }

    /**
     * 2019, jinniu alone: 363,335 万 signed = 36.3335 亿 and 12,345.6789 万 arrived = 1.23456789 亿. The cells keep
     * those values; their formats show two decimals as the screen does (36.33, 1.23), percentages one.
     */
    @Test
    void workbookCellsKeepTheExactValueAndShowTwoDecimals() {
        clock.setToday(LocalDate.of(2019, 1, 2));
        String project = recorder.signed("jinniu", "363335", LocalDate.of(2019, 3, 1));
        recorder.started(project, LocalDate.of(2019, 4, 1));
        recorder.funds(project, LocalDate.of(2019, 5, 1), SourceRegion.IN_PROVINCE, "12345.6789");
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2026, 1, 15));

        BulletinSheet sheet = BulletinSheet.read(supervisor().get("/api/bulletin.xlsx", "year", 2019, "month", 12).bytes());
        String signed = "新签约亿元以上项目/投资额（亿元）";
        String funds = "实际到位内资（亿元）/总额";
        assertThat(sheet.number("金牛镇", signed)).isEqualByComparingTo("36.3335");
        assertThat(sheet.format("金牛镇", signed)).isEqualTo("#,##0.00");
        assertThat(sheet.shown("金牛镇", signed)).isEqualTo("36.33");
        assertThat(sheet.number("金牛镇", funds)).isEqualByComparingTo("1.23456789");
        assertThat(sheet.shown("金牛镇", funds)).isEqualTo("1.23");
        assertThat(sheet.format("金牛镇", "项目推进率/开工率")).isEqualTo("0.0%");
        assertThat(sheet.shown("金牛镇", "项目推进率/开工率")).isEqualTo("100.0%");
    }

    @Test
    void badMonthsAreRefused() {
        ApiClient.Answer answer = supervisor().exchange(HttpMethod.GET, "/api/bulletin?year=2024&month=13", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("month");
        assertThat(supervisor().exchange(HttpMethod.GET, "/api/bulletin?month=3", null).status()).isEqualTo(400);
    }

    /** The June 2021 scenario of {@link #scoresAndRanksOfThreeTownships}, recorded once per database. */
    private void threeTownshipsIn2021() {
        Integer recorded = jdbc.queryForObject("SELECT count(*) FROM target WHERE year = 2021", Integer.class);
        if (recorded != null && recorded > 0) {
            clock.setToday(LocalDate.of(2026, 1, 15)); // long after June 2021
            return;
        }
        clock.setToday(LocalDate.of(2021, 1, 2));
        putTargets(2021, "gaoxin", "{\"signedAbove1Yi.count\": 4, \"registered.count\": 2, "
                + "\"startedStoredAbove1Yi.count\": 2, \"domesticFunds.totalWan\": 1000, \"foreignFunds.usdWan\": 100}");
        putTargets(2021, "linkong", "{\"signedAbove1Yi.count\": 2, \"registered.count\": 2, "
                + "\"startedStoredAbove1Yi.count\": 1, \"domesticFunds.totalWan\": 500}");
        putTargets(2021, "lingxiang", "{\"signedAbove1Yi.count\": 2, \"registered.count\": 1, "
                + "\"startedStoredAbove1Yi.count\": 1, \"domesticFunds.totalWan\": 400, \"foreignFunds.usdWan\": 10}");

        String g1 = recorder.signed("gaoxin", "20000", LocalDate.of(2021, 1, 10));
        recorder.registered(g1, LocalDate.of(2021, 1, 20), false);
        recorder.started(g1, LocalDate.of(2021, 2, 1));
        recorder.stored(g1, LocalDate.of(2021, 2, 15), "15000");
        recorder.inProduction(g1, LocalDate.of(2021, 5, 1));
        recorder.funds(g1, LocalDate.of(2021, 4, 1), SourceRegion.IN_PROVINCE, "600");
        recorder.funds(g1, LocalDate.of(2021, 5, 10), SourceRegion.FOREIGN, "30");
        String g2 = recorder.signed("gaoxin", "15000", LocalDate.of(2021, 2, 10));
        recorder.started(g2, LocalDate.of(2021, 3, 1));
        recorder.stored(g2, LocalDate.of(2021, 3, 20), "12000");
        recorder.funds(g2, LocalDate.of(2021, 5, 1), SourceRegion.OUT_OF_PROVINCE, "300");
        recorder.signed("gaoxin", "12000", LocalDate.of(2021, 3, 1)); // unstarted, not yet five months

        recorder.signed("linkong", "30000", LocalDate.of(2020, 10, 15)); // unstarted: OVERDUE since 2021-04-15
        String l2 = recorder.signed("linkong", "25000", LocalDate.of(2021, 1, 5));
        recorder.registered(l2, LocalDate.of(2021, 1, 15), false);
        recorder.started(l2, LocalDate.of(2021, 1, 20));
        recorder.stored(l2, LocalDate.of(2021, 2, 1), "20000");
        recorder.funds(l2, LocalDate.of(2021, 3, 1), SourceRegion.IN_PROVINCE, "700");
        String l3 = recorder.signed("linkong", "10000", LocalDate.of(2021, 2, 1));
        recorder.registered(l3, LocalDate.of(2021, 2, 10), false);
        recorder.started(l3, LocalDate.of(2021, 3, 1));
        String l4 = recorder.signed("linkong", "10000", LocalDate.of(2021, 3, 3));
        recorder.started(l4, LocalDate.of(2021, 4, 1));
        recorder.inProduction(l4, LocalDate.of(2021, 6, 1));

        String x1 = recorder.signed("lingxiang", "10000", LocalDate.of(2021, 1, 20)); // WARNING since 06-20
        recorder.registered(x1, LocalDate.of(2021, 2, 1), true);
        recorder.funds(x1, LocalDate.of(2021, 3, 1), SourceRegion.IN_PROVINCE, "100");
        recorder.signed("lingxiang", "10000", LocalDate.of(2020, 11, 30)); // OVERDUE since 2021-05-30
        String x3 = recorder.signed("lingxiang", "10000", LocalDate.of(2020, 12, 31));
        recorder.terminated(x3, LocalDate.of(2021, 2, 1)); // terminated: no alert
        recorder.awaitProjections();
        clock.setToday(LocalDate.of(2026, 1, 15)); // long after June 2021
    }

    /** Every text cell of the main sheet, one after the other (the notes under the table among them). */
    private static String mainSheetText(byte[] xlsx) {
        StringBuilder text = new StringBuilder();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            workbook.getSheet(BulletinWorkbook.MAIN_SHEET).forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    text.append(cell.getStringCellValue()).append('\n');
                }
            }));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    private void putTargets(int year, String township, String targets) {
        ApiClient.Answer answer = supervisor().exchange(HttpMethod.PUT, "/api/targets/" + year + "/" + township,
                "{\"targets\": " + targets + ", \"reason\": \"下达年度目标\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void assertFlags(JsonNode row, boolean last, boolean leaderInCharge, boolean topLeaders) {
        assertThat(row.get("lastPlace").asBoolean()).as(row.get("township") + " lastPlace").isEqualTo(last);
        assertThat(row.get("talkWithLeaderInCharge").asBoolean()).as(row.get("township") + " leader in charge")
                .isEqualTo(leaderInCharge);
        assertThat(row.get("talkWithTopLeaders").asBoolean()).as(row.get("township") + " top leaders")
                .isEqualTo(topLeaders);
    }

    static JsonNode row(JsonNode bulletin, String township) {
        for (JsonNode row : bulletin.get("rows")) {
            if (township.equals(row.path("township").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row " + township + " in " + bulletin);
    }
}
