package org.luodi.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.events.SourceRegion;
import org.luodi.launcher.demo.DemoData;
import org.luodi.launcher.demo.DemoLeads;
import org.luodi.launcher.demo.DemoYear;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./luodi --demo} end to end: the real command side accepts every command of the demo year (its plausibility
 * checks included, so a demo amount that needs a confirmation fails here), and the supervisors' dashboard then shows
 * the totals and stalled contracts that the plan, counted by hand with SPEC §3's rules, says it should.
 */
class DemoYearTest {
    private static final BigDecimal YI = BigDecimal.valueOf(10_000);
    private static final LocalDate YEAR_END = LocalDate.of(2024, 12, 31);
    private static RunningLuodi luodi;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        // its own database: 150 projects in the shared one would change what other tests' pages show
        luodi = RunningLuodi.start("demo");
    }

    @AfterAll
    static void stop() throws Exception {
        if (luodi != null) {
            luodi.close();
        }
    }

    @Test
    void everyCommandOfTheDemoYearIsAcceptedAndTheDashboardShowsWhatThePlanSays() throws Exception {
        List<DemoYear.Project> plan = DemoYear.projects();
        int commands = new DemoData(luodi.commandUrl()).load((done, of) -> { });
        long expectedCommands = plan.stream().mapToLong(p -> 1 + (p.registeredOn() != null ? 1 : 0)
                + (p.startedOn() != null ? 1 : 0) + (p.storedOn() != null ? 1 : 0) + (p.productionOn() != null ? 1 : 0)
                + p.arrivals().size() + (p.terminatedOn() != null ? 1 : 0) + (p.leader() != null ? 1 : 0)).sum();
        // a signing's lead: reported, assessed, in talks, and reviewed at 5亿 and more; the others as far as their fate
        List<DemoLeads.OpenLead> others = DemoLeads.others(plan);
        long leadCommands = plan.stream().filter(DemoLeads::signsFromLead)
                .mapToLong(p -> 3 + (DemoLeads.needsContractReview(p) ? 1 : 0)).sum()
                + others.stream().mapToLong(l -> l.fate() == DemoLeads.Fate.ASSESSED ? 2 : 3).sum();
        assertThat(commands).isEqualTo(expectedCommands + leadCommands);

        long signed = 0;
        BigDecimal signedWan = BigDecimal.ZERO;
        long stored = 0;
        BigDecimal plannedWan = BigDecimal.ZERO;
        BigDecimal domesticWan = BigDecimal.ZERO;
        BigDecimal outOfProvinceWan = BigDecimal.ZERO;
        BigDecimal usdWan = BigDecimal.ZERO;
        long overdue = 0;
        for (DemoYear.Project p : plan) {
            boolean above1Yi = p.profile().contractAmountWan().compareTo(YI) >= 0;
            if (above1Yi) {
                signed++;
                signedWan = signedWan.add(p.profile().contractAmountWan());
                if (p.storedOn() != null) {
                    stored++;
                    plannedWan = plannedWan.add(p.plannedInvestmentWan());
                }
            }
            for (DemoYear.Arrival a : p.arrivals()) {
                if (a.source() == SourceRegion.FOREIGN) {
                    usdWan = usdWan.add(a.amount());
                } else {
                    domesticWan = domesticWan.add(a.amount());
                    outOfProvinceWan = a.source() == SourceRegion.OUT_OF_PROVINCE ? outOfProvinceWan.add(a.amount())
                            : outOfProvinceWan;
                }
            }
            if (p.startedOn() == null && p.terminatedOn() == null && !p.signedOn().plusMonths(6).isAfter(YEAR_END)) {
                overdue++;
            }
        }
        // the processors catch up asynchronously: wait for the whole expected total, then say what differs
        BigDecimal[] expected = java.util.stream.Stream.of(BigDecimal.valueOf(signed), signedWan,
                BigDecimal.valueOf(stored), plannedWan, domesticWan, outOfProvinceWan, usdWan)
                .map(BigDecimal::stripTrailingZeros).toArray(BigDecimal[]::new);
        JsonNode total = await("/api/stats?year=2024&asOf=2024-12-31",
                s -> java.util.Arrays.equals(figures(s.path("total")), expected)).path("total");
        assertThat(figures(total)).containsExactly(expected);

        long expectedOverdue = overdue;
        JsonNode alerts = await("/api/alerts?asOf=2024-12-31&level=OVERDUE",
                a -> a.path("alerts").size() == expectedOverdue).path("alerts");
        assertThat(alerts).hasSize((int) overdue);
        assertThat(overdue).as("a few stalled contracts").isPositive();

        // the funnel counts every lead reported in 2024 (a January signing's lead was reported in 2023); the
        // 在谈项目清单 holds the townships' leads still in talks (the others signed or did not get that far)
        long reportedIn2024 = plan.stream().filter(p -> DemoLeads.signsFromLead(p)
                && p.signedOn().minusDays(60).getYear() == 2024).count() + others.size();
        JsonNode funnel = await("/api/leads/funnel?from=2024-01-01&to=2024-12-31",
                f -> countyRow(f).path("info").asLong() == reportedIn2024);
        assertThat(countyRow(funnel).path("info").asLong()).isEqualTo(reportedIn2024);
        long inTalks = others.stream().filter(l -> l.fate() == DemoLeads.Fate.IN_TALKS).count();
        assertThat(await("/api/leads/negotiating", n -> n.path("totalElements").asLong() == inTalks)
                .path("content")).hasSize((int) inTalks);
    }

    /** The funnel's 合计 row (unit null). */
    private static JsonNode countyRow(JsonNode funnel) {
        for (JsonNode row : funnel.path("rows")) {
            if (row.path("unit").isNull() || row.path("unit").isMissingNode()) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The totals this test checks, in the order of its expectations, amounts without trailing zeros. */
    private static BigDecimal[] figures(JsonNode total) {
        return java.util.stream.Stream.of(
                total.path("signedAbove1Yi").path("count"),
                total.path("signedAbove1Yi").path("amountWan"),
                total.path("startedStoredAbove1Yi").path("count"),
                total.path("startedStoredAbove1Yi").path("plannedInvestmentWan"),
                total.path("domesticFunds").path("totalWan"),
                total.path("domesticFunds").path("outOfProvinceWan"),
                total.path("foreignFunds").path("usdWan"))
                .map(n -> new BigDecimal(n.asText("0")).stripTrailingZeros()).toArray(BigDecimal[]::new);
    }

    /** The query side's answer once {@code ready} holds (its processors catch up asynchronously). */
    private JsonNode await(String path, java.util.function.Predicate<JsonNode> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(luodi.queryUrl() + path))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("supervisor:supervisor".getBytes(StandardCharsets.UTF_8)))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && ready.test(json.readTree(answer.body()))) {
                return json.readTree(answer.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not there within 120 s: " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(200);
        }
    }
}
