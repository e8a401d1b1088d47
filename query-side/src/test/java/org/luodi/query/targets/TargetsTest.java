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
        // 150,000 万 was already jinniu's domestic target (15 亿): no change to log
        assertThat(changes).hasSize(3);
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
