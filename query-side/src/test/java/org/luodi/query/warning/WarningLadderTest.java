package org.luodi.query.warning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luodi.events.FundsArrived;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.SourceRegion;
import org.luodi.query.ApiClient;
import org.luodi.query.QuerySideTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/**
 * The warning ladder through GET /api/warnings with the default thresholds, every date and share worked out by hand.
 * Contracts are 12,000 万元 unless said otherwise.
 */
class WarningLadderTest extends QuerySideTest {
    private String stalled;
    private String stopped;
    private String foreignFunds;
    private String small;
    private String terminated;

    @BeforeEach
    void recordTheProjects() {
        if (stalled != null) {
            return;
        }
        // signed 2024-01-31, never started: green from 04-30 (3 months), yellow 06-30 (5), red 07-31 (6)
        stalled = newId();
        events().byClerk("gaoxin", signed(stalled, "gaoxin", "未开工项目", day("2024-01-31")), on("2024-02-01"));

        // started 02-15 after 500 万元 arrived on 02-01: stopped from 04-15 (green), 05-15 (yellow), 08-15 (red) ...
        stopped = newId();
        events().byClerk("chengui", signed(stopped, "chengui", "开工即停项目", day("2024-01-10")), on("2024-01-10"));
        events().byClerk("chengui", funds(stopped, 1, "2024-02-01", "500", null), on("2024-02-01"));
        events().byClerk("chengui", started(stopped, day("2024-02-15")), on("2024-02-15"));
        // ... until 100 万元 arrive on 06-01 (recorded 06-02): then building, and owing its storage, till 09-01
        events().byClerk("chengui", funds(stopped, 2, "2024-06-01", "100", null), on("2024-06-02"));
        events().byClerk("chengui", new ProjectStored(stopped, day("2024-09-01"), new BigDecimal("12000")),
                on("2024-09-01"));

        // signed 2023-06-30, started and stored; 2,000 万元 and 200 万美元 (1,420 万元 at 7.1): 3,420 of 12,000
        foreignFunds = newId();
        events().byClerk("gaoxin", signed(foreignFunds, "gaoxin", "外资到位项目", day("2023-06-30")), on("2023-06-30"));
        events().byClerk("gaoxin", started(foreignFunds, day("2023-07-10")), on("2023-07-10"));
        events().byClerk("gaoxin", new ProjectStored(foreignFunds, day("2023-08-01"), new BigDecimal("12000")),
                on("2023-08-01"));
        events().byClerk("gaoxin", funds(foreignFunds, 1, "2023-09-01", "2000", null), on("2023-09-01"));
        events().byClerk("gaoxin", new FundsArrived(foreignFunds, 2, day("2024-01-05"), SourceRegion.FOREIGN, null,
                new BigDecimal("200")), on("2024-01-05"));

        // 300 万元, started and building, never stored: too small to owe a storage
        small = newId();
        events().byClerk("gaoxin", new ProjectSigned(small, "小项目", "小项目公司", "gaoxin", "smart-equipment", true,
                new BigDecimal("300"), SourceRegion.IN_PROVINCE, day("2024-01-05"), null, null), on("2024-01-05"));
        events().byClerk("gaoxin", started(small, day("2024-01-20")), on("2024-01-20"));
        events().byClerk("gaoxin", funds(small, 1, "2024-02-01", "100", null), on("2024-02-01"));

        terminated = newId();
        events().byClerk("gaoxin", signed(terminated, "gaoxin", "已解约项目", day("2024-01-31")), on("2024-02-01"));
        events().byClerk("gaoxin", new ProjectTerminated(terminated, day("2024-07-01"), "投资方撤资"), on("2024-07-01"));
        awaitProcessed();
    }

    @Test
    void aStalledContractTurnsGreenYellowRedAndGoesUpTheLadderWhileRed() {
        assertThat(warnings(stalled, "2024-04-29", null)).isEmpty();
        assertThat(only(stalled, "2024-04-30")).isEqualTo("STALLED_CONTRACT GREEN 2024-04-30 TOWNSHIP 签约已满3个月仍未开工");
        assertThat(only(stalled, "2024-06-29")).startsWith("STALLED_CONTRACT GREEN 2024-04-30");
        assertThat(only(stalled, "2024-06-30")).isEqualTo("STALLED_CONTRACT YELLOW 2024-06-30 TOWNSHIP 签约已满5个月仍未开工");
        assertThat(only(stalled, "2024-07-31")).isEqualTo("STALLED_CONTRACT RED 2024-07-31 TOWNSHIP 签约已满6个月仍未开工");
        assertThat(only(stalled, "2024-08-30")).startsWith("STALLED_CONTRACT RED 2024-07-31 TOWNSHIP");
        assertThat(only(stalled, "2024-08-31")).startsWith("STALLED_CONTRACT RED 2024-07-31 COUNTY_OFFICE");
        assertThat(only(stalled, "2024-10-30")).startsWith("STALLED_CONTRACT RED 2024-07-31 COUNTY_OFFICE");
        assertThat(only(stalled, "2024-10-31")).startsWith("STALLED_CONTRACT RED 2024-07-31 GOVERNMENT");
        // a year after signing nothing has arrived either: 0 % of the contract is red from 2025-01-31
        assertThat(warnings(stalled, "2025-01-31", null)).containsExactly(
                "STALLED_CONTRACT RED 2024-07-31 GOVERNMENT 签约已满12个月仍未开工",
                "FUNDS_BEHIND RED 2025-01-31 TOWNSHIP 签约已满12个月，资金到位0%（0/12000万元）");
        JsonNode one = as("supervisor").get("/api/warnings", "asOf", "2024-07-31", "township", "gaoxin").ok();
        JsonNode w = find(one, stalled);
        assertThat(w.path("ruleLabel").asText()).isEqualTo("签约未开工");
        assertThat(w.path("colourLabel").asText()).isEqualTo("红色");
        assertThat(w.path("escalationLabel").asText()).isEqualTo("乡镇（园区）督办");
        assertThat(w.path("townshipName").asText()).isEqualTo("高新区");
    }

    @Test
    void aStartWithoutFundsIsStoppedAndOnceFundsArriveItOwesItsStorage() {
        assertThat(warnings(stopped, "2024-04-14", null)).isEmpty();
        assertThat(only(stopped, "2024-04-15")).isEqualTo("STOPPED_AFTER_START GREEN 2024-04-15 TOWNSHIP 开工已满2个月，开工后无资金到位、未入库");
        assertThat(only(stopped, "2024-05-31")).isEqualTo("STOPPED_AFTER_START YELLOW 2024-05-15 TOWNSHIP 开工已满3个月，开工后无资金到位、未入库");
        // the arrival of 06-01 was recorded on 06-02: known at 06-01's evening, the project still looked stopped
        assertThat(warnings(stopped, "2024-06-10", "2024-06-01T20:00:00+08:00"))
                .containsExactly("STOPPED_AFTER_START YELLOW 2024-05-15 TOWNSHIP 开工已满3个月，开工后无资金到位、未入库");
        assertThat(only(stopped, "2024-06-01")).isEqualTo("STORAGE_LAGGING GREEN 2024-05-15 TOWNSHIP 开工已满3个月仍未入库");
        assertThat(only(stopped, "2024-08-31")).isEqualTo("STORAGE_LAGGING YELLOW 2024-08-15 TOWNSHIP 开工已满6个月仍未入库");
        assertThat(warnings(stopped, "2024-09-01", null)).isEmpty();
        // signed 2024-01-10: a year on, 600 of 12,000 万元 is 5 %, red
        assertThat(warnings(stopped, "2025-01-10", null))
                .containsExactly("FUNDS_BEHIND RED 2025-01-10 TOWNSHIP 签约已满12个月，资金到位5%（600/12000万元）");
    }

    @Test
    void foreignFundsCountAtTheConfiguredRateAndSmallProjectsOweNoStorage() {
        assertThat(warnings(foreignFunds, "2024-06-29", null)).isEmpty();
        assertThat(warnings(foreignFunds, "2024-06-30", null))
                .containsExactly("FUNDS_BEHIND YELLOW 2024-06-30 TOWNSHIP 签约已满12个月，资金到位28.5%（3420/12000万元）");
        assertThat(warnings(small, "2024-12-31", null)).isEmpty();
        assertThat(warnings(terminated, "2024-07-31", null)).isEmpty();
        assertThat(warnings(terminated, "2024-06-30", null)).hasSize(1);
    }

    @Test
    void filtersCountsAndWhoSeesWhat() {
        ApiClient supervisor = as("supervisor");
        JsonNode red = supervisor.get("/api/warnings", "asOf", "2025-01-31", "colour", "RED", "rule", "FUNDS_BEHIND",
                "size", ALL).ok();
        List<String> ids = new ArrayList<>();
        red.path("warnings").forEach(w -> {
            assertThat(w.path("rule").asText()).isEqualTo("FUNDS_BEHIND");
            assertThat(w.path("colour").asText()).isEqualTo("RED");
            ids.add(w.path("projectId").asText());
        });
        assertThat(ids).contains(stalled, stopped).doesNotContain(foreignFunds);
        assertThat(red.path("colours").path("RED").asLong()).isEqualTo(red.path("warnings").size());
        assertThat(red.path("colours").path("YELLOW").asLong()).isZero();

        JsonNode chengui = as("chengui").get("/api/warnings", "asOf", "2024-05-31", "size", ALL).ok();
        chengui.path("warnings").forEach(w -> assertThat(w.path("township").asText()).isEqualTo("chengui"));
        assertThat(find(chengui, stopped)).isNotNull();
        assertThat(as("chengui").get("/api/warnings", "township", "gaoxin").status()).isEqualTo(403);
        assertThat(supervisor.get("/api/warnings", "rule", "LATE").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/warnings", "colour", "BLUE").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/warnings", "size", "0").status()).isEqualTo(400);
        assertThat(supervisor.get("/api/warnings", "leader", "nobody").status()).isEqualTo(400);
    }

    /** A page holds what the whole list holds at its place; total and colours count the whole list. */
    @Test
    void pagedMostUrgentFirst() {
        ApiClient supervisor = as("supervisor");
        JsonNode all = supervisor.get("/api/warnings", "asOf", "2025-01-31", "size", ALL).ok();
        long total = all.path("total").asLong();
        assertThat(total).isEqualTo(all.path("warnings").size()).isGreaterThan(2);
        JsonNode second = supervisor.get("/api/warnings", "asOf", "2025-01-31", "page", "1", "size", "2").ok();
        assertThat(second.path("total").asLong()).isEqualTo(total);
        assertThat(second.path("colours")).isEqualTo(all.path("colours"));
        assertThat(second.path("warnings").size()).isEqualTo(Math.min(2, (int) total - 2));
        for (int i = 0; i < second.path("warnings").size(); i++) {
            assertThat(second.path("warnings").get(i)).isEqualTo(all.path("warnings").get(2 + i));
        }
        JsonNode beyond = supervisor.get("/api/warnings", "asOf", "2025-01-31", "page", "1000", "size", "2").ok();
        assertThat(beyond.path("warnings").size()).isZero();
        assertThat(beyond.path("total").asLong()).isEqualTo(total);
    }

    /** The largest page: other test classes share this event store, so the default page may not reach ours. */
    private static final String ALL = "1000";

    /** The project's warnings on {@code asOf} as "RULE COLOUR since ESCALATION detail", most urgent first. */
    private List<String> warnings(String projectId, String asOf, String knownAt) {
        JsonNode answer = knownAt == null ? as("supervisor").get("/api/warnings", "asOf", asOf, "size", ALL).ok()
                : as("supervisor").get("/api/warnings", "asOf", asOf, "knownAt", knownAt, "size", ALL).ok();
        List<String> found = new ArrayList<>();
        answer.path("warnings").forEach(w -> {
            if (w.path("projectId").asText().equals(projectId)) {
                found.add(w.path("rule").asText() + " " + w.path("colour").asText() + " " + w.path("since").asText()
                        + " " + w.path("escalation").asText() + " " + w.path("detail").asText());
            }
        });
        return found;
    }

    private String only(String projectId, String asOf) {
        List<String> found = warnings(projectId, asOf, null);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static JsonNode find(JsonNode answer, String projectId) {
        for (JsonNode w : answer.path("warnings")) {
            if (w.path("projectId").asText().equals(projectId)) {
                return w;
            }
        }
        return null;
    }

    private static FundsArrived funds(String projectId, int no, String on, String wan, String usdWan) {
        return new FundsArrived(projectId, no, day(on), SourceRegion.IN_PROVINCE,
                wan == null ? null : new BigDecimal(wan), usdWan == null ? null : new BigDecimal(usdWan));
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
