package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 13, "pages that disagree about the date": every page opens on the server's year and as-of date
 * (GET /api/calendar, whose rule the query side's CalendarTest works out by hand), the chosen period travels in the
 * URL from page to page, a month not over says so, and a clerk reads its own row of the bulletin.
 */
class BrowserPeriodTest {
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        api = new Api(luodi);
        String stalled = api.sign("yinzu", "年产3万吨铜基新材料项目", 40_000, "2024-02-10");
        api.start("yinzu", api.sign("yinzu", "年产1万吨精密铜管项目", 20_000, "2024-03-10"), "2024-04-01");
        assertThat(stalled).isNotBlank();
        browser = Chromium.open(luodi.queryUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardTheAlertsAndTheTargetsOpenOnTheSameYearAndDate() throws Exception {
        JsonNode calendar = api.await("/api/calendar", c -> true);
        String year = calendar.get("year").asText();
        String asOf = calendar.get("asOf").asText();

        browser.login("supervisor").go("/dashboard");
        browser.waitFor("#dash-period");
        assertThat(browser.find("#dash-year").getAttribute("value")).isEqualTo(year);
        assertThat(browser.find("#dash-asof").getAttribute("value")).isEqualTo(asOf);
        assertThat(browser.currentUrl()).contains("year=" + year, "asOf=" + asOf);

        browser.login("supervisor").go("/alerts");
        assertThat(browser.waitForText("#alerts-summary", "截至")).contains("截至 " + asOf);
        assertThat(browser.find("#alerts-asof").getAttribute("value")).isEqualTo(asOf);
        assertThat(browser.currentUrl()).contains("year=" + year, "asOf=" + asOf);

        browser.login("supervisor").go("/targets");
        assertThat(browser.text("h1")).isEqualTo(year + " 年度目标");
        assertThat(browser.currentUrl()).contains("year=" + year, "asOf=" + asOf);
    }

    @Test
    void theChosenYearAndDateTravelFromPageToPageInTheUrl() {
        browser.login("supervisor").go("/dashboard?year=2024&asOf=2024-06-30");
        browser.waitForText("#dash-period", "2024-06-30");

        browser.click("#nav a[href^='#/alerts']");
        assertThat(browser.waitForText("#alerts-summary", "截至")).contains("截至 2024-06-30");
        assertThat(browser.currentUrl()).contains("year=2024", "asOf=2024-06-30");

        browser.click("#nav a[href^='#/targets']");
        browser.waitForText("h1", "2024 年度目标");
        assertThat(browser.currentUrl()).contains("year=2024", "asOf=2024-06-30");

        browser.click("#nav a[href^='#/projects']");
        browser.waitFor("#projects-filter");
        assertThat(browser.currentUrl()).contains("year=2024", "asOf=2024-06-30");

        browser.click("#nav a[href^='#/dashboard']");
        browser.waitForText("#dash-period", "2024-06-30");
        assertThat(browser.find("#dash-asof").getAttribute("value")).isEqualTo("2024-06-30");
        assertThat(browser.find("#dash-year").getAttribute("value")).isEqualTo("2024");
    }

    @Test
    void aMonthNotOverSaysSoOnTheDashboard() throws Exception {
        LocalDate today = LocalDate.parse(api.await("/api/calendar", c -> true).get("today").asText());
        assumeFalse(today.equals(YearMonth.from(today).atEndOfMonth()), "on a month's last day the month is over");
        browser.login("supervisor").go("/dashboard?year=" + today.getYear() + "&asOf=" + today);
        String note = "截至 " + today.getMonthValue() + "月" + today.getDayOfMonth() + "日，本月未结束";
        assertThat(browser.waitForText("#dash-unfinished", note)).contains(today.getMonthValue() + " 月通报");
        assertThat(browser.text("#dash-xlsx")).contains(note);

        browser.go("/dashboard?year=2024&asOf=2024-12-31");
        browser.waitForText("#dash-period", "2024-12-31");
        assertThat(browser.findAll("#dash-unfinished")).isEmpty();
    }

    @Test
    void theChartsLegendStandsClearOfTheLinesAndFigures() {
        browser.login("supervisor").go("/dashboard?year=2024&asOf=2024-12-31");
        browser.waitFor("#rates-chart");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> overlaps = (List<Map<String, Object>>) browser.script("""
                const legend = document.querySelector('#chart-legend').getBoundingClientRect();
                const margin = 2;
                const out = [];
                for (const el of document.querySelectorAll('#rates-chart text, #rates-chart line, #rates-chart rect')) {
                  if (el.closest('#chart-legend')) continue;
                  const r = el.getBoundingClientRect();
                  const apart = r.right < legend.left - margin || r.left > legend.right + margin
                    || r.bottom < legend.top - margin || r.top > legend.bottom + margin;
                  if (!apart) out.push({ tag: el.tagName, text: el.textContent, top: r.top, bottom: r.bottom });
                }
                return out;""");
        assertThat(overlaps).as("elements touching the legend").isEmpty();
    }

    @Test
    void aClerkReadsItsOwnRowAndTheRanking() throws Exception {
        JsonNode calendar = api.await("/api/calendar", c -> true);
        int year = calendar.get("year").asInt();
        String asOf = calendar.get("asOf").asText();
        int month = Integer.parseInt(asOf.substring(5, 7));
        JsonNode bulletin = api.await("/api/bulletin?year=" + year + "&month=" + month, b -> true);
        JsonNode yinzu = null;
        for (JsonNode row : bulletin.get("rows")) {
            if (row.get("township").asText().equals("yinzu")) {
                yinzu = row;
            }
        }
        assertThat(yinzu).isNotNull();

        browser.login("yinzu").click("#nav a[href^='#/dashboard']");
        browser.waitFor("#bulletin-table");
        assertThat(browser.findAll("#bulletin-table tbody tr")).hasSize(1);
        assertThat(browser.text("#bulletin-table tbody tr[data-township='yinzu'] td[data-key='rank']"))
                .isEqualTo(yinzu.get("rank").isNull() ? "—" : yinzu.get("rank").asText());
        String score = browser.text("#bulletin-table tbody tr[data-township='yinzu'] td[data-key='score']");
        assertThat(score).isEqualTo(yinzu.get("score").isNull() ? "—"
                : yinzu.get("score").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
        if (bulletin.get("ranking").size() > 0) {
            assertThat(browser.findAll("#dash-ranking li")).hasSize(bulletin.get("ranking").size());
            assertThat(browser.text("#dash-own-rank")).isEqualTo(yinzu.get("rank").isNull() ? "本单位无目标任务，不参与排名"
                    : "本单位排名第 " + yinzu.get("rank").asInt() + " 名（共 " + bulletin.get("ranking").size() + " 个）");
        }
        browser.screenshot("dashboard-clerk");
    }
}
