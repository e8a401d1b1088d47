package org.luodi.query.project;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.Role;
import org.luodi.query.ApiClient;
import org.luodi.query.QuerySideTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.started;

/** GET /api/projects and /api/projects/{id}: filters, paging, business time (asOf) and record time (knownAt). */
class ProjectQueriesTest extends QuerySideTest {
    @Autowired
    private ProjectQueries queries;
    private final String mark = "标记" + newId().substring(0, 8);
    private final String a = newId();
    private final String b = newId();
    private final String c = newId();
    private final String d = newId();
    private final String e = newId();

    /**
     * A: gaoxin smart-equipment, signed 2024-03-01, registered 04-01, started 05-01, 5 000 万元 arrived 04-10;
     * B: gaoxin new-materials, signed 06-15; C: chengui smart-equipment, signed 09-10, registered 10-01;
     * D: chengui, signed 11-20, voided; E: gaoxin electronics, signed 2025-01-05 (recorded 01-06), terminated 02-01.
     */
    private void recordFiveProjects() {
        events().byClerk("gaoxin", project(a, "gaoxin", "smart-equipment", "甲", "2024-03-01"), on("2024-03-02"));
        events().byClerk("gaoxin", new CompanyRegistered(a, LocalDate.of(2024, 4, 1), "甲公司", "91420281MA4F0000X0",
                false, false), on("2024-04-02"));
        events().byClerk("gaoxin", new FundsArrived(a, 1, LocalDate.of(2024, 4, 10), SourceRegion.IN_PROVINCE,
                new BigDecimal("5000"), null), on("2024-04-11"));
        events().byClerk("gaoxin", started(a, LocalDate.of(2024, 5, 1)), on("2024-05-02"));
        events().byClerk("gaoxin", project(b, "gaoxin", "new-materials", "乙", "2024-06-15"), on("2024-06-16"));
        events().byClerk("chengui", project(c, "chengui", "smart-equipment", "丙", "2024-09-10"), on("2024-09-11"));
        events().byClerk("chengui", new CompanyRegistered(c, LocalDate.of(2024, 10, 1), "丙公司", "91420281MA4F0001X0",
                false, false), on("2024-10-02"));
        events().byClerk("chengui", project(d, "chengui", "electronics", "丁", "2024-11-20"), on("2024-11-21"));
        events().bySupervisor(new ProjectVoided(d, "重复录入"), on("2024-12-01"), "重复录入");
        events().byClerk("gaoxin", project(e, "gaoxin", "electronics", "戊", "2025-01-05"), on("2025-01-06"));
        events().byClerk("gaoxin", new ProjectTerminated(e, LocalDate.of(2025, 2, 1), "投资方撤资"), on("2025-02-02"));
        awaitProcessed();
    }

    @Test
    void listsFilterByTownshipChainStageSigningDatesAndName() {
        recordFiveProjects();
        assertThat(list("supervisor")).containsExactly(e, c, b, a); // newest signing first, the void left out
        assertThat(list("supervisor", "township", "gaoxin")).containsExactly(e, b, a);
        assertThat(list("supervisor", "chain", "smart-equipment")).containsExactly(c, a);
        assertThat(list("supervisor", "stage", "STARTED")).containsExactly(a);
        assertThat(list("supervisor", "stage", "SIGNED")).containsExactly(b);
        assertThat(list("supervisor", "stage", "REGISTERED")).containsExactly(c);
        assertThat(list("supervisor", "stage", "TERMINATED")).containsExactly(e);
        assertThat(list("supervisor", "stage", "VOIDED")).containsExactly(d);
        assertThat(list("supervisor", "signedFrom", "2024-06-01", "signedTo", "2024-10-31")).containsExactly(c, b);
        assertThat(list("supervisor", "signedFrom", "2024-06-15", "signedTo", "2024-06-15")).containsExactly(b);
        assertThat(list("supervisor", "name", mark + "乙投资")).containsExactly(b); // investors match too
    }

    @Test
    void listsArePagedAndShowEachRowsStageAndFundsAsOfTheDate() {
        recordFiveProjects();
        JsonNode second = as("supervisor").get("/api/projects", "name", mark, "asOf", "2025-06-30", "page", 1,
                "size", 3).ok();
        assertThat(ids(second)).containsExactly(a);
        assertThat(second.get("totalElements").asInt()).isEqualTo(4);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
        JsonNode rowA = second.get("content").get(0);
        assertThat(rowA.get("stage").asText()).isEqualTo("STARTED");
        assertThat(rowA.get("fundTotals").get("domesticWan").decimalValue()).isEqualByComparingTo("5000");

        JsonNode early = as("supervisor").get("/api/projects", "name", mark, "asOf", "2024-04-05").ok();
        assertThat(ids(early)).containsExactly(a); // B and later were not signed yet
        JsonNode earlyA = early.get("content").get(0);
        assertThat(earlyA.get("stage").asText()).isEqualTo("REGISTERED");
        assertThat(earlyA.get("startedOn").isNull()).isTrue();
        assertThat(earlyA.get("fundTotals").get("domesticWan").decimalValue()).isEqualByComparingTo("0");
        assertThat(list("supervisor", "asOf", "2024-04-15", "stage", "REGISTERED")).containsExactly(a);
        // E was recorded on 2025-01-06: a list known at the new year's day lacks it, although dated later
        assertThat(list("supervisor", "knownAt", "2025-01-01T00:00:00Z")).containsExactly(c, b, a);
    }

    /**
     * The export's walk in batches of two gives the list's order, page boundaries falling inside a signing date:
     * F and G are signed on B's day (2024-06-15), so batches end between projects of the same date.
     */
    @Test
    void everyProjectInBatchesInTheListsOrder() {
        recordFiveProjects();
        String f = newId();
        String g = newId();
        events().byClerk("gaoxin", project(f, "gaoxin", "electronics", "己", "2024-06-15"), on("2024-06-16"));
        events().byClerk("gaoxin", project(g, "gaoxin", "electronics", "庚", "2024-06-15"), on("2024-06-16"));
        awaitProcessed();
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        LuodiUser supervisor = new LuodiUser("supervisor", Role.SUPERVISOR, null);
        List<String> sameDay = new ArrayList<>(List.of(b, f, g));
        sameDay.sort(null); // projects signed on one day come in code order
        List<String> expected = new ArrayList<>(List.of(e, c));
        expected.addAll(sameDay);
        expected.add(a);
        assertThat(list("supervisor")).containsExactlyElementsOf(expected);
        for (int batch : new int[]{1, 2, 3, 6, 7}) {
            assertThat(walk(supervisor, filter(null), asOf, batch)).as("batches of %d", batch)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(walk(supervisor, filter("chengui"), asOf, 2)).containsExactly(c);
        assertThat(walk(new LuodiUser("chengui", Role.CLERK, "chengui"), filter(null), asOf, 1)).containsExactly(c);
        assertThat(walk(supervisor, filter(null), LocalDate.of(2024, 6, 30), 2)).containsExactlyElementsOf(
                List.of(sameDay.get(0), sameDay.get(1), sameDay.get(2), a));
    }

    @Test
    void aClerkListsItsOwnTownshipOnly() {
        recordFiveProjects();
        assertThat(list("chengui")).containsExactly(c);
        assertThat(list("chengui", "township", "chengui")).containsExactly(c);
        assertThat(as("chengui").get("/api/projects", "township", "gaoxin").status()).isEqualTo(403);
        assertThat(list("gaoxin")).containsExactly(e, b, a);
    }

    @Test
    void badParametersAreRefusedWithTheFieldNamed() {
        ApiClient supervisor = as("supervisor");
        assertThat(field(supervisor.get("/api/projects", "stage", "LANDED"))).isEqualTo("stage");
        assertThat(field(supervisor.get("/api/projects", "size", 0))).isEqualTo("size");
        assertThat(field(supervisor.get("/api/projects", "page", -1))).isEqualTo("page");
        assertThat(field(supervisor.get("/api/projects", "signedFrom", "2024-13-01"))).isEqualTo("signedFrom");
        assertThat(field(supervisor.get("/api/projects", "knownAt", "yesterday"))).isEqualTo("knownAt");
        // wildcards in a name are searched for literally
        assertThat(supervisor.get("/api/projects", "name", "100%_\\").ok().get("totalElements").asInt()).isZero();
    }

    /** A typo in a filter is refused rather than answered with an empty list, which would read as "nothing there". */
    @Test
    void aFilterNamingNoTownshipOrChainIsRefused() {
        ApiClient supervisor = as("supervisor");
        assertThat(field(supervisor.get("/api/projects", "township", "gaoxing"))).isEqualTo("township");
        assertThat(field(supervisor.get("/api/projects", "chain", "smart-equipments"))).isEqualTo("chain");
        assertThat(field(supervisor.get("/api/alerts", "township", "gaoxing"))).isEqualTo("township");
        assertThat(field(supervisor.get("/api/alerts/stream", "township", "gaoxing"))).isEqualTo("township");
        assertThat(field(supervisor.get("/api/audit", "township", "gaoxing"))).isEqualTo("township");
        assertThat(field(as("gaoxin").get("/api/alerts", "township", "gaoxing"))).isEqualTo("township");
        assertThat(supervisor.get("/api/alerts", "township", "gaoxin").status()).isEqualTo(200);
        assertThat(supervisor.get("/api/projects", "township", " ", "chain", "smart-equipment").status())
                .isEqualTo(200);
    }

    @Test
    void oneProjectAsItStoodAndAsItWasKnown() {
        String id = newId();
        events().byClerk("gaoxin", project(id, "gaoxin", "smart-equipment", "己", "2024-03-01"), on("2024-03-02"));
        events().byClerk("gaoxin", new FundsArrived(id, 1, LocalDate.of(2024, 4, 10), SourceRegion.IN_PROVINCE,
                new BigDecimal("500"), null), on("2024-04-11"));
        events().byClerk("gaoxin", started(id, LocalDate.of(2024, 5, 20)), on("2024-05-21"));
        events().byClerk("gaoxin", new FundsArrived(id, 2, LocalDate.of(2024, 6, 1), SourceRegion.OUT_OF_PROVINCE,
                new BigDecimal("300"), null), on("2024-06-02"));
        events().byClerk("gaoxin", new FundsArrived(id, 3, LocalDate.of(2024, 6, 5), SourceRegion.FOREIGN, null,
                new BigDecimal("12.5")), on("2024-06-06"));
        events().bySupervisor(new MilestoneCorrected(id, Milestone.FUNDS, 1, null, new BigDecimal("450"), null,
                "银行回单金额为450万元"), on("2024-07-01"), "银行回单金额为450万元");
        awaitProcessed();
        String path = "/api/projects/" + id;
        ApiClient supervisor = as("supervisor");

        JsonNode may = supervisor.get(path, "asOf", "2024-05-01").ok();
        assertThat(may.get("stage").asText()).isEqualTo("SIGNED");
        assertThat(may.get("startedOn").isNull()).isTrue();
        assertThat(amounts(may)).containsExactly("450");
        assertThat(may.get("asOf").asText()).isEqualTo("2024-05-01");

        JsonNode mayAsKnownInJune = supervisor.get(path, "asOf", "2024-05-01", "knownAt", "2024-06-30T00:00:00Z").ok();
        assertThat(amounts(mayAsKnownInJune)).containsExactly("500"); // before the correction
        assertThat(mayAsKnownInJune.get("fundTotals").get("domesticWan").decimalValue()).isEqualByComparingTo("500");

        JsonNode year = supervisor.get(path, "asOf", "2024-12-31").ok();
        assertThat(year.get("stage").asText()).isEqualTo("STARTED");
        assertThat(year.get("startedOn").asText()).isEqualTo("2024-05-20");
        assertThat(year.get("townshipName").asText()).isEqualTo("高新区");
        assertThat(year.get("fundTotals").get("domesticWan").decimalValue()).isEqualByComparingTo("750");
        assertThat(year.get("fundTotals").get("outOfProvinceWan").decimalValue()).isEqualByComparingTo("300");
        assertThat(year.get("fundTotals").get("foreignUsdWan").decimalValue()).isEqualByComparingTo("12.5");

        JsonNode knownInApril = supervisor.get(path, "asOf", "2024-12-31", "knownAt", "2024-04-30").ok();
        assertThat(knownInApril.get("startedOn").isNull()).isTrue(); // recorded on 05-21
        assertThat(amounts(knownInApril)).containsExactly("500");

        assertThat(supervisor.get(path, "knownAt", "2024-03-01T00:00:00Z").status()).isEqualTo(404);
        ApiClient.Answer notYetSigned = supervisor.get(path, "asOf", "2024-02-29");
        assertThat(notYetSigned.status()).isEqualTo(404);
        assertThat(notYetSigned.json().get("code").asText()).isEqualTo("project.not-found");
        assertThat(notYetSigned.json().get("detail").asText()).isEqualTo("项目在 2024-02-29 尚未签约");
        assertThat(supervisor.get("/api/projects/" + newId()).status()).isEqualTo(404);
        ApiClient.Answer otherTownship = as("chengui").get(path);
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(otherTownship.json().get("code").asText()).isEqualTo("access.other-township");
        assertThat(as("gaoxin").get(path).ok().get("projectId").asText()).isEqualTo(id);
    }

    private ProjectSigned project(String id, String township, String chain, String suffix, String signedOn) {
        return new ProjectSigned(id, mark + suffix, mark + suffix + "投资有限公司", township, chain, true,
                new BigDecimal("15000"), SourceRegion.OUT_OF_PROVINCE, LocalDate.parse(signedOn), null, null);
    }

    /** The ids {@code each} hands on, limited to this test's projects. */
    private List<String> walk(LuodiUser user, ProjectQueries.Filter filter, LocalDate asOf, int batch) {
        List<String> ids = new ArrayList<>();
        queries.each(user, filter, asOf, null, batch, view -> ids.add(view.projectId()));
        return ids;
    }

    private ProjectQueries.Filter filter(String township) {
        return new ProjectQueries.Filter(township, null, null, null, null, mark, null);
    }

    /** The ids listed for {@code user}, limited to this test's projects, as of 2025-06-30 unless told. */
    private List<String> list(String user, Object... query) {
        List<Object> params = new ArrayList<>(List.of(query));
        if (!params.contains("name")) {
            params.addAll(List.of("name", mark));
        }
        if (!params.contains("asOf")) {
            params.addAll(List.of("asOf", "2025-06-30"));
        }
        return ids(as(user).get("/api/projects", params.toArray()).ok());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("content").forEach(p -> ids.add(p.get("projectId").asText()));
        return ids;
    }

    private static List<String> amounts(JsonNode project) {
        List<String> amounts = new ArrayList<>();
        project.get("funds").forEach(f -> {
            if (f.get("source").asText().equals("IN_PROVINCE")) {
                amounts.add(f.get("amountWan").decimalValue().toPlainString());
            }
        });
        return amounts;
    }

    private static String field(ApiClient.Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("request.invalid");
        return answer.json().get("errors").get(0).get("field").asText();
    }
}
