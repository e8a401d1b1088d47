package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 项目线索 (#20) in a real browser, from the first report to the signed project: 茗山乡's clerk reports an investor,
 * 刘仁八镇's clerk reports the same investor and sees the duplicate flag, a supervisor confirms that 茗山乡 reported
 * first, 刘仁八镇 takes its lead through 研判 and 在谈 and signs it from the lead's page; the project links back to the
 * lead, whose timeline starts at its report; 驾驶舱's funnel shows the counts worked out below by hand, on top of
 * whatever the shared Luodi held in 2024 before (read first through the API).
 */
class BrowserLeadsTest {
    private static final String FIRST = "mingshan"; // 茗山乡
    private static final String SECOND = "liurenba"; // 刘仁八镇
    private static final Pattern LEAD_ID = Pattern.compile("#/lead/([0-9a-f-]{36})");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        api = new Api(luodi);
        browser = Chromium.open(luodi.queryUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLeadReportedTwiceIsCreditedToItsFirstReporterAndSignedFromItsPage() throws Exception {
        JsonNode before = JSON.readTree(api.get("supervisor", "/api/leads/funnel?from=2024-01-01&to=2024-12-31"));

        // 茗山乡 reports first, 以商招商, on 4 March 2024
        browser.login(FIRST).go("/leads");
        String first = report("黄石高精铜箔新材料有限公司", "年产2万吨高精度铜箔项目", "50000", "BUSINESS_REFERRAL",
                "2024-03-04", "大冶有色金属集团\n黄石铜业协会");
        assertThat(browser.findAll("#lead-duplicate-flag")).isEmpty();
        assertThat(browser.text("#lead-facts")).contains("茗山乡", "以商招商", "大冶有色金属集团、黄石铜业协会", "2024-03-04");
        // nobody has answered it since: its response was due the next working day, Tuesday 2024-03-05
        browser.go("/leads");
        browser.click("#leads-overdue summary");
        long late = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2024, 3, 5), LocalDate.now(SHANGHAI));
        assertThat(browser.text("#leads-overdue-table tr[data-lead='" + first + "']"))
                .contains("响应（1 个工作日）", "2024-03-04", "2024-03-05", String.valueOf(late));

        // 刘仁八镇 reports the same investor a week later (股份 instead of 有限, a like project): flagged
        browser.login(SECOND).go("/leads");
        String second = report("黄石高精铜箔新材料股份有限公司", "高精度铜箔项目", "35000", "CHAMBER", "2024-03-11", "");
        String flag = browser.text("#lead-duplicate-flag");
        assertThat(flag).contains("疑似重复报送", "茗山乡", "2024-03-04", "投资方名称相同且项目相近", "待市招商服务中心确认首报单位");
        assertThat(browser.findAll("#lead-first-report")).isEmpty(); // a clerk does not decide who was first
        browser.screenshot("lead-duplicate");
        browser.go("/leads");
        assertThat(browser.text("#leads-table tr[data-lead='" + second + "']")).contains("疑似重复", "高精度铜箔项目");
        browser.screenshot("leads");

        // the supervisor confirms 茗山乡's report as the first
        browser.login("supervisor").go("/lead/" + second);
        browser.click("#in-first-report-firstLeadId-" + first).type("#in-first-report-reason", "经核对报送记录，茗山乡最早报送")
                .click("#lead-first-report");
        assertThat(browser.waitForText("#lead-first-unit", "茗山乡")).contains("已确认首报单位");
        assertThat(browser.text("#lead-facts")).contains("首报单位", "茗山乡");

        // 刘仁八镇 assesses it, holds the first talk, and finds it on the 在谈项目清单
        browser.login(SECOND).go("/lead/" + second);
        browser.click("#action-assessment summary")
                .type("#in-assessment-conclusion", "符合铜基新材料产业链方向，建议跟进").date("#in-assessment-on", "2024-03-20")
                .click("#lead-assessment");
        browser.waitForText("#lead-stage", "研判");
        browser.click("#action-negotiation summary").date("#in-negotiation-firstTalkOn", "2024-04-08")
                .type("#in-negotiation-ledBy", "镇长 李明").click("#lead-negotiation");
        browser.waitForText("#lead-stage", "在谈");
        // the 研判 was held two days later than entered: corrected with a reason, both entries in the timeline
        browser.click("#action-date-corrections summary").select("#in-date-corrections-step", "LeadAssessed")
                .date("#in-date-corrections-date", "2024-03-22").type("#in-date-corrections-reason", "会议纪要日期为3月22日")
                .click("#lead-date-corrections");
        assertThat(browser.waitForText("#lead-timeline", "更正研判日期为 2024-03-22")).contains("2024-03-20");
        browser.go("/negotiating");
        assertThat(browser.text("#negotiating-table tr[data-lead='" + second + "']"))
                .contains("高精度铜箔项目", "刘仁八镇", "2024-04-08", "镇长 李明");
        assertThat(browser.find("#negotiating-xlsx").getAttribute("href")).contains("/api/leads/negotiating.xlsx");

        // signed from its page: the signing form starts from the lead
        browser.go("/lead/" + second);
        browser.click("#lead-sign");
        assertThat(browser.text("#sign-lead")).contains("高精度铜箔项目", "刘仁八镇");
        assertThat(browser.find("#in-name").getAttribute("value")).isEqualTo("高精度铜箔项目");
        assertThat(browser.find("#in-investor").getAttribute("value")).isEqualTo("黄石高精铜箔新材料股份有限公司");
        browser.select("#in-industryChain", "new-materials").click("#in-industrial-true")
                .select("#in-sourceRegion", "OUT_OF_PROVINCE").date("#in-signedOn", "2024-05-16").click("#form-submit");
        browser.waitFor("#confirmation");
        browser.click("#confirm-view");

        // the project links back to its lead, whose timeline reaches back to the report
        assertThat(browser.waitForText("#project-lead", "高精度铜箔项目")).isEqualTo("高精度铜箔项目");
        assertThat(browser.text("#project-lead-line")).contains("刘仁八镇", "2024-03-11", "2024-04-08");
        browser.click("#project-lead");
        browser.waitForText("#lead-stage", "签约");
        List<WebElement> steps = browser.findAll("#lead-timeline li");
        assertThat(steps.get(0).getAttribute("data-type")).isEqualTo("LeadRecorded");
        assertThat(steps.get(0).getText()).contains("2024-03-11");
        assertThat(steps.stream().map(s -> s.getAttribute("data-type")).toList()).containsSubsequence(
                "LeadRecorded", "LeadFirstReportConfirmed", "LeadAssessed", "LeadNegotiationStarted", "LeadSigned");
        assertThat(browser.text("#lead-facts")).contains("签约计入", "茗山乡");
        assertThat(browser.findAll("#lead-actions")).isEmpty(); // a signed lead takes no more steps
        browser.screenshot("lead");

        // by hand: 茗山乡 reported 1 (以商招商) and is credited the signing; 刘仁八镇 reported 1, assessed 1, held 1
        // first talk of 35,000 万元; the county 2 reported, 1 以商招商, 1 assessed, 1 in talks, 1 signed
        browser.login("supervisor").go("/dashboard?year=2024&asOf=2024-12-31");
        browser.waitFor("#dash-funnel-table");
        assertRow(FIRST, before, new long[]{1, 1, 0, 0, 1}, BigDecimal.ZERO);
        assertRow(SECOND, before, new long[]{1, 0, 1, 1, 0}, new BigDecimal("35000"));
        assertRow("total", before, new long[]{2, 1, 1, 1, 1}, new BigDecimal("35000"));
        if (baseline(before, FIRST) == null) { // alone in 茗山乡's row: 1 of 1 converted, 3-11 to 5-16 is 66 days
            assertThat(cells(FIRST).subList(7, 9)).containsExactly("100.0%", "66");
        }
        long all = target(before, "ALL") + 2;
        long business = target(before, "BUSINESS_REFERRAL") + 1;
        assertThat(browser.text("#dash-funnel-targets [data-source='ALL']")).contains(all + " / 600 条");
        assertThat(browser.text("#dash-funnel-targets [data-source='BUSINESS_REFERRAL']")).contains(business + " / 200 条");
        browser.screenshot("lead-funnel");
    }

    /** Fills 报送线索 on the leads page and submits it; returns the new lead's id once its page shows it. */
    private static String report(String investor, String project, String amountWan, String source, String on,
                                 String companies) {
        browser.click("#report-panel summary");
        browser.type("#in-investor", investor).type("#in-project", project).type("#in-expectedAmountWan", amountWan)
                .select("#in-source", source).date("#in-on", on);
        if (!companies.isEmpty()) {
            browser.type("#in-targetCompanies", companies);
        }
        browser.click("#report-submit");
        browser.waitForText("#lead-title", project);
        Matcher m = LEAD_ID.matcher(browser.currentUrl());
        assertThat(m.find()).as("lead id in %s", browser.currentUrl()).isTrue();
        return m.group(1);
    }

    /** The funnel row of {@code unit} shows the baseline plus {@code added} (info, 以商招商, 研判, 在谈, 签约) and amount. */
    private static void assertRow(String unit, JsonNode before, long[] added, BigDecimal amountAdded) {
        JsonNode was = baseline(before, unit);
        String[] fields = {"info", "businessReferral", "assessed", "negotiating", "signed"};
        long[] expected = new long[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = (was == null ? 0 : was.get(fields[i]).asLong()) + added[i];
        }
        BigDecimal amount = (was == null ? BigDecimal.ZERO : was.get("negotiatingAmountWan").decimalValue()).add(amountAdded);
        List<String> cells = cells(unit);
        assertThat(cells.subList(1, 7)).as("funnel row %s", unit).containsExactly(String.valueOf(expected[0]),
                String.valueOf(expected[1]), String.valueOf(expected[2]), String.valueOf(expected[3]),
                new DecimalFormat("#,##0.######").format(amount), String.valueOf(expected[4]));
    }

    private static List<String> cells(String unit) {
        return browser.findAll("#dash-funnel-table tr[data-unit='" + unit + "'] td").stream().map(WebElement::getText)
                .toList();
    }

    private static JsonNode baseline(JsonNode funnel, String unit) {
        for (JsonNode row : funnel.get("rows")) {
            JsonNode code = row.path("unit");
            if ("total".equals(unit) ? code.isNull() || code.isMissingNode() : unit.equals(code.asText())) {
                return row;
            }
        }
        return null;
    }

    private static long target(JsonNode funnel, String source) {
        for (JsonNode t : funnel.get("targets")) {
            JsonNode code = t.path("source");
            if (source.equals(code.isNull() || code.isMissingNode() ? "ALL" : code.asText())) {
                return t.get("actual").asLong();
            }
        }
        throw new AssertionError("no " + source + " target in " + funnel);
    }
}
