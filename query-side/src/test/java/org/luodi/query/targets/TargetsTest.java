package org.luodi.query.targets;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.ApiClient.decimal;

/** GET and PUT /api/targets: the shipped 2024 targets, supervisors' changes, their log, and the loader. */
class TargetsTest extends IsolatedQuerySideTest {
    @Autowired
    TargetLoader loader;

    @Test
    void theShippedTargetsAreLoadedInTenThousandYuan() {
        JsonNode table = supervisor().get("/api/targets?year=2024").ok();
        assertThat(table.get("townships")).hasSize(14);
        JsonNode gaoxin = unit(table.get("townships"), "township", "gaoxin");
        assertThat(gaoxin.get("name").asText()).isEqualTo("高新区");
        assertThat(decimal(gaoxin.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("42");
        assertThat(decimal(gaoxin.at("/targets/signedAbove1Yi.amountWan"))).isEqualByComparingTo("3550000");
        assertThat(decimal(gaoxin.at("/targets/signedAbove1Yi.industrialCount"))).isEqualByComparingTo("40");
        assertThat(decimal(gaoxin.at("/targets/registered.count"))).isEqualByComparingTo("35");
        assertThat(decimal(gaoxin.at("/targets/startedStoredAbove1Yi.count"))).isEqualByComparingTo("26");
        assertThat(decimal(gaoxin.at("/targets/startedStoredAbove1Yi.plannedInvestmentWan"))).isEqualByComparingTo("630000");
        assertThat(decimal(gaoxin.at("/targets/domesticFunds.totalWan"))).isEqualByComparingTo("1900000");
        assertThat(decimal(gaoxin.at("/targets/domesticFunds.outOfProvinceWan"))).isEqualByComparingTo("1200000");
        assertThat(decimal(gaoxin.at("/targets/foreignOrientedEntities.count"))).isEqualByComparingTo("7");
        assertThat(decimal(gaoxin.at("/targets/newForeignEnterprises.count"))).isEqualByComparingTo("3");
        assertThat(decimal(gaoxin.at("/targets/foreignFunds.usdWan"))).isEqualByComparingTo("600");
        JsonNode mingshan = unit(table.get("townships"), "township", "mingshan");
        assertThat(mingshan.get("targets").has("signedAbove1Yi.industrialCount")).isFalse(); // the seed's blank
        assertThat(unit(table.get("townships"), "township", "dongfeng").get("targets")).isEmpty();
        assertThat(decimal(unit(table.get("chains"), "chain", "smart-equipment").at("/targets/signedAbove1Yi.count")))
                .isEqualByComparingTo("25");

        JsonNode chains2023 = supervisor().get("/api/targets?year=2023").ok().get("chains");
        JsonNode airport = unit(chains2023, "chain", "airport-economy");
        assertThat(decimal(airport.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("15");
        assertThat(decimal(airport.at("/targets/signedAbove1Yi.amountWan"))).isEqualByComparingTo("1400000");
    }

    @Test
    void aClerkReadsItsOwnTownshipsTargetsAndCannotChangeThem() {
        JsonNode table = as("linkong").get("/api/targets?year=2024").ok();
        assertThat(table.get("townships")).hasSize(1);
        assertThat(table.at("/townships/0/township").asText()).isEqualTo("linkong");
        assertThat(table.get("chains")).isEmpty();

        ApiClient.Answer put = as("linkong").exchange(HttpMethod.PUT, "/api/targets/2024/linkong",
                "{\"targets\": {\"registered.count\": 1}, \"reason\": \"想少一点\"}");
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.contentType()).startsWith("application/problem+json");
        assertThat(as("admin").exchange(HttpMethod.PUT, "/api/targets/2024/linkong",
                "{\"targets\": {\"registered.count\": 1}, \"reason\": \"管理员\"}").status()).isEqualTo(403);
        JsonNode own = as("linkong").get("/api/targets", "year", 2024).ok();
        assertThat(decimal(own.at("/townships/0/targets/registered.count")))
                .isEqualByComparingTo("14");
    }

    @Test
    void badTargetsAreRefusedWholeAndNothingIsWritten() {
        ApiClient.Answer answer = supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/baoan",
                "{\"targets\": {\"registered.count\": 20, \"bogus.count\": 1, \"foreignFunds.usdWan\": -5}, "
                        + "\"reason\": \"调整\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("targets.bogus.count", "targets.foreignFunds.usdWan");
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/baoan",
                "{\"targets\": {\"registered.count\": 2.5}, \"reason\": \"调整\"}").status()).isEqualTo(400);
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/baoan",
                "{\"targets\": {\"registered.count\": 20}}").status()).isEqualTo(400);
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/nowhere",
                "{\"targets\": {\"registered.count\": 20}, \"reason\": \"调整\"}").status()).isEqualTo(400);
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/baoan",
                "{\"targets\": {\"registered.count\": 20}, \"reason\": \"调整\", \"extra\": 1}").status())
                .isEqualTo(400);

        JsonNode baoan = unit(supervisor().get("/api/targets?year=2024").ok().get("townships"), "township", "baoan");
        assertThat(decimal(baoan.at("/targets/registered.count"))).isEqualByComparingTo("8");
        assertThat(supervisor().get("/api/targets/changes?year=2024").ok().get("changes")).extracting(
                c -> c.get("unit").asText()).doesNotContain("baoan");
    }

    @Test
    void aSupervisorsChangeIsLoggedAndSurvivesTheNextLoad() {
        clock.setToday(LocalDate.of(2024, 7, 1));
        ApiClient.Answer put = supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/jinniu",
                "{\"targets\": {\"registered.count\": 6, \"foreignFunds.usdWan\": 10.5, "
                        + "\"signedAbove1Yi.amountWan\": null, \"domesticFunds.totalWan\": 150000}, "
                        + "\"reason\": \"年中调整：新增外资任务\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(decimal(put.json().at("/targets/registered.count"))).isEqualByComparingTo("6");
        assertThat(put.json().get("targets").has("signedAbove1Yi.amountWan")).isFalse();

        loader.run(null); // as at the next start

        JsonNode jinniu = unit(supervisor().get("/api/targets?year=2024").ok().get("townships"), "township", "jinniu");
        assertThat(decimal(jinniu.at("/targets/registered.count"))).isEqualByComparingTo("6");
        assertThat(decimal(jinniu.at("/targets/foreignFunds.usdWan"))).isEqualByComparingTo("10.5");
        assertThat(jinniu.get("targets").has("signedAbove1Yi.amountWan")).isFalse();
        assertThat(decimal(jinniu.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("6"); // untouched

        JsonNode changes = supervisor().get("/api/targets/changes?year=2024").ok().get("changes");
        // 150,000 万 was already jinniu's domestic target (15 亿): no change to log; the log also holds the county's
        // 项目信息 targets as the seeds set them (three, each its first change), which come last (the oldest)
        assertThat(changes).hasSize(6);
        for (int i = 3; i < 6; i++) {
            assertThat(changes.get(i).get("changedBy").asText()).isEqualTo("seed");
        }
        JsonNode registered = change(changes, "registered.count");
        assertThat(registered.get("unit").asText()).isEqualTo("jinniu");
        assertThat(registered.get("unitName").asText()).isEqualTo("金牛镇");
        assertThat(decimal(registered.get("oldValue"))).isEqualByComparingTo("5");
        assertThat(decimal(registered.get("newValue"))).isEqualByComparingTo("6");
        assertThat(registered.get("changedBy").asText()).isEqualTo("supervisor");
        assertThat(registered.get("reason").asText()).isEqualTo("年中调整：新增外资任务");
        assertThat(registered.get("changedAt").asText()).startsWith("2024-07-01T04:00");
        assertThat(change(changes, "foreignFunds.usdWan").get("oldValue").isNull()).isTrue();
        assertThat(change(changes, "signedAbove1Yi.amountWan").get("newValue").isNull()).isTrue();

        assertThat(as("jinniu").get("/api/targets/changes?year=2024").ok().get("changes")).hasSize(3);
        assertThat(as("gaoxin").get("/api/targets/changes?year=2024").ok().get("changes")).isEmpty();

        // as known on the day before (knownAt, as the stats and the bulletin take it): the targets as loaded
        JsonNode before = unit(as("jinniu").get("/api/targets", "year", 2024, "knownAt", "2024-06-30").ok()
                .get("townships"), "township", "jinniu");
        assertThat(decimal(before.at("/targets/registered.count"))).isEqualByComparingTo("5");
        assertThat(before.get("targets").has("foreignFunds.usdWan")).isFalse();
        assertThat(before.get("targets").has("signedAbove1Yi.amountWan")).isTrue();
        assertThat(as("jinniu").get("/api/targets/changes", "year", 2024, "knownAt", "2024-06-30").ok()
                .get("changes")).isEmpty();
        JsonNode sameDay = unit(as("jinniu").get("/api/targets", "year", 2024, "knownAt", "2024-07-01").ok()
                .get("townships"), "township", "jinniu");
        assertThat(decimal(sameDay.at("/targets/registered.count"))).isEqualByComparingTo("6");
        assertThat(as("jinniu").get("/api/targets", "year", 2024, "knownAt", "yesterday").status()).isEqualTo(400);
    }

    /**
     * 2024 starts with the one category the seeds give (高新区 assessed apart) and every other township uncategorised;
     * a supervisor's categories are logged with who and why, read back as they stood at knownAt, and survive the next
     * load, a removal included.
     */
    @Test
    void categoriesAreSetBySupervisorsWithAReasonAndSurviveTheNextLoad() {
        JsonNode shipped = supervisor().get("/api/targets/categories?year=2024").ok();
        assertThat(shipped.get("townships")).hasSize(14);
        JsonNode own = as("mingshan").get("/api/targets/categories?year=2024").ok().get("townships");
        assertThat(own).extracting(t -> t.get("township").asText()).containsExactly("mingshan");
        assertThat(unit(shipped.get("townships"), "township", "gaoxin").get("category").asText()).isEqualTo("apart");
        assertThat(unit(shipped.get("townships"), "township", "gaoxin").get("categoryName").asText())
                .isEqualTo("单列考核");
        JsonNode mingshan = unit(shipped.get("townships"), "township", "mingshan");
        assertThat(mingshan.get("category").isNull()).isTrue();
        assertThat(mingshan.get("categoryName").asText()).isEqualTo("未分类");
        assertThat(shipped.get("categories")).extracting(c -> c.get("key").asText())
                .containsExactly("first", "second", "third", "apart");

        String body = "{\"categories\": {\"lingxiang\": \"first\", \"chengui\": \"first\", "
                + "\"mingshan\": \"third\", \"gaoxin\": null}, \"reason\": \"市委常委会确定2024年乡镇分类\"}";
        ApiClient.Answer refused = as("mingshan").exchange(HttpMethod.PUT, "/api/targets/2024/categories", body);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("access.denied");

        clock.setToday(LocalDate.of(2024, 3, 1));
        ApiClient.Answer put = supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/categories", body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(unit(put.json().get("townships"), "township", "chengui").get("categoryName").asText())
                .isEqualTo("一类乡镇");
        loader.run(null); // as at the next start: gaoxin's removal stays

        JsonNode now = supervisor().get("/api/targets/categories?year=2024").ok().get("townships");
        assertThat(unit(now, "township", "lingxiang").get("category").asText()).isEqualTo("first");
        assertThat(unit(now, "township", "mingshan").get("category").asText()).isEqualTo("third");
        assertThat(unit(now, "township", "gaoxin").get("category").isNull()).isTrue();
        assertThat(unit(now, "township", "baoan").get("category").isNull()).isTrue();

        JsonNode changes = supervisor().get("/api/targets/categories/changes?year=2024").ok().get("changes");
        assertThat(changes).hasSize(4);
        JsonNode gaoxin = unit(changes, "township", "gaoxin");
        assertThat(gaoxin.get("oldCategory").asText()).isEqualTo("apart");
        assertThat(gaoxin.get("newCategory").isNull()).isTrue();
        assertThat(gaoxin.get("townshipName").asText()).isEqualTo("高新区");
        assertThat(gaoxin.get("changedBy").asText()).isEqualTo("supervisor");
        assertThat(gaoxin.get("changedRole").asText()).isEqualTo("SUPERVISOR");
        assertThat(gaoxin.get("reason").asText()).isEqualTo("市委常委会确定2024年乡镇分类");
        assertThat(unit(changes, "township", "mingshan").get("oldCategory").isNull()).isTrue();
        assertThat(as("mingshan").get("/api/targets/categories/changes?year=2024").ok().get("changes")).hasSize(1);

        // the same again changes nothing and logs nothing
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/categories", body).status())
                .isEqualTo(200);
        assertThat(supervisor().get("/api/targets/categories/changes?year=2024").ok().get("changes")).hasSize(4);

        JsonNode before = supervisor().get("/api/targets/categories", "year", 2024, "knownAt", "2024-02-29").ok();
        assertThat(unit(before.get("townships"), "township", "gaoxin").get("category").asText()).isEqualTo("apart");
        assertThat(unit(before.get("townships"), "township", "lingxiang").get("category").isNull()).isTrue();
        assertThat(supervisor().get("/api/targets/categories/changes", "year", 2024, "knownAt", "2024-02-29").ok()
                .get("changes")).isEmpty();
    }

    @Test
    void badCategoriesAreRefusedWholeAndNothingIsWritten() {
        ApiClient.Answer answer = supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/categories",
                "{\"categories\": {\"baoan\": \"second\", \"nowhere\": \"first\", \"jinhu\": \"fourth\"}}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("request.invalid");
        assertThat(answer.json().get("errors")).extracting(e -> e.get("field").asText())
                .containsExactlyInAnyOrder("categories.nowhere", "categories.jinhu", "reason");
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/2024/categories",
                "{\"categories\": {}, \"reason\": \"调整\"}").json().at("/errors/0/field").asText())
                .isEqualTo("categories");
        assertThat(supervisor().exchange(HttpMethod.PUT, "/api/targets/1999/categories",
                "{\"categories\": {\"baoan\": \"second\"}, \"reason\": \"调整\"}").json()
                .at("/errors/0/field").asText()).isEqualTo("year");

        JsonNode table = supervisor().get("/api/targets/categories?year=2024").ok().get("townships");
        assertThat(unit(table, "township", "baoan").get("category").isNull()).isTrue();
        assertThat(supervisor().get("/api/targets/categories/changes?year=2024").ok().get("changes"))
                .extracting(c -> c.get("township").asText()).doesNotContain("baoan", "jinhu");
    }

    /** 2023's 纺织服装 chain: 6 signings and 30 亿 in the shipped file; changed by the township rules. */
    @Test
    void chainTargetsAreChangedLikeATownshipsWithAReasonBySupervisorsOnly() {
        String body = "{\"targets\": {\"signedAbove1Yi.count\": 7, \"signedAbove1Yi.amountWan\": null}, "
                + "\"reason\": \"产业链年中调整\"}";
        assertThat(as("jinniu").exchange(HttpMethod.PUT, "/api/targets/2023/chains/textiles", body).status())
                .isEqualTo(403);
        ApiClient.Answer unknown = supervisor().exchange(HttpMethod.PUT, "/api/targets/2023/chains/nowhere", body);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asText()).isEqualTo("chain");
        ApiClient.Answer noReason = supervisor().exchange(HttpMethod.PUT, "/api/targets/2023/chains/textiles",
                "{\"targets\": {\"signedAbove1Yi.count\": 7}}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");

        ApiClient.Answer put = supervisor().exchange(HttpMethod.PUT, "/api/targets/2023/chains/textiles", body);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("chain").asText()).isEqualTo("textiles");
        assertThat(put.json().has("township")).isFalse();
        assertThat(decimal(put.json().at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("7");
        assertThat(put.json().get("targets").has("signedAbove1Yi.amountWan")).isFalse();
        loader.run(null);

        JsonNode textiles = unit(supervisor().get("/api/targets?year=2023").ok().get("chains"), "chain", "textiles");
        assertThat(decimal(textiles.at("/targets/signedAbove1Yi.count"))).isEqualByComparingTo("7");
        assertThat(textiles.get("targets").has("signedAbove1Yi.amountWan")).isFalse();
        JsonNode changes = supervisor().get("/api/targets/changes?year=2023").ok().get("changes");
        assertThat(changes).hasSize(2);
        JsonNode count = change(changes, "signedAbove1Yi.count");
        assertThat(count.get("unitKind").asText()).isEqualTo("chain");
        assertThat(count.get("unitName").asText()).isEqualTo("纺织服装");
        assertThat(decimal(count.get("oldValue"))).isEqualByComparingTo("6");
        assertThat(count.get("reason").asText()).isEqualTo("产业链年中调整");
        assertThat(decimal(change(changes, "signedAbove1Yi.amountWan").get("oldValue")))
                .isEqualByComparingTo("300000");
        assertThat(as("jinniu").get("/api/targets/changes?year=2023").ok().get("changes")).isEmpty();
    }

    private static JsonNode unit(JsonNode units, String field, String code) {
        for (JsonNode unit : units) {
            if (code.equals(unit.path(field).asText())) {
                return unit;
            }
        }
        throw new AssertionError("no " + code + " in " + units);
    }

    private static JsonNode change(JsonNode changes, String indicator) {
        for (JsonNode change : changes) {
            if (indicator.equals(change.get("indicator").asText())) {
                return change;
            }
        }
        throw new AssertionError("no change of " + indicator + " in " + changes);
    }
}
