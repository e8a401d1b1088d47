package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise in a real browser: a township clerk signs a project and records its start through the
 * forms, a wrong date is refused beside its field with nothing written, the supervisor's dashboard counts the new
 * project, and a clerk of another township cannot open it.
 */
class BrowserRecordingTest {
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Api api;

    @BeforeAll
    static void start() {
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
    void aClerkSignsAProjectAndRecordsItsStartThroughTheForms() throws Exception {
        browser.login("gaoxin").go("/record");
        browser.type("#in-name", "年产3万吨锂电铜箔项目").type("#in-investor", "深圳铜创科技有限公司")
                .select("#in-industryChain", "new-materials").click("#in-industrial-true")
                .select("#unit-contractAmountWan", "yi").type("#in-contractAmountWan", "3.5")
                .select("#in-sourceRegion", "OUT_OF_PROVINCE").date("#in-signedOn", "2024-05-20");
        assertThat(browser.text("#echo-contractAmountWan")).isEqualTo("= 3.5 亿元（35,000 万元）");
        browser.click("#form-submit");

        String confirmed = browser.text("#confirmation");
        assertThat(confirmed).contains("已录入签约", "年产3万吨锂电铜箔项目", "35,000 万元（按 3.5 亿元录入）", "2024-05-20");
        String id = browser.text("#confirm-project-id");
        JsonNode signed = api.await("/api/projects/" + id, p -> true);
        assertThat(signed.get("contractAmountWan").decimalValue()).isEqualByComparingTo(new BigDecimal("35000"));
        assertThat(signed.get("township").asText()).isEqualTo("gaoxin");

        browser.click("#confirm-start");
        browser.date("#in-startedOn", "2024-06-18").click("#in-kind-NEW").click("#form-submit");
        assertThat(browser.text("#confirmation")).contains("已录入开工", "2024-06-18", "新建");

        browser.click("#confirm-view");
        browser.waitUntil(b -> b.findAll("#project-timeline li").size() == 2);
        assertThat(browser.text("#project-stage")).isEqualTo("已开工");
        String timeline = browser.text("#project-timeline");
        assertThat(timeline).contains("签约", "业务日期 2024-05-20", "开工", "业务日期 2024-06-18", "gaoxin", "乡镇招商专班");
        assertThat(browser.text("#project-attributes")).contains("35,000 万元（3.5 亿元）", "深圳铜创科技有限公司");
        browser.screenshot("project-timeline");
    }

    @Test
    void aFutureDateIsRefusedBesideItsFieldInChineseAndNothingIsWritten() throws Exception {
        String id = api.sign("gaoxin", "年产8万吨精密模具项目", 18_000, "2024-07-02");
        long before = api.eventCount(id);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();

        browser.login("gaoxin").go("/record/" + id + "/start");
        browser.date("#in-startedOn", tomorrow).click("#form-submit");

        assertThat(browser.waitForText("#err-startedOn", "日期不能晚于今天")).doesNotContain("in the future");
        assertThat(browser.find("#in-startedOn").getAttribute("class")).contains("invalid");
        assertThat(browser.text("#form-status")).contains("未保存");
        assertThat(browser.findAll("#confirmation")).isEmpty();
        browser.screenshot("form-error");

        assertThat(api.eventCount(id)).isEqualTo(before);
        assertThat(api.await("/api/projects/" + id, p -> true).get("stage").asText()).isEqualTo("SIGNED");
    }

    @Test
    void theSupervisorsDashboardShowsTheNewNumbers() throws Exception {
        String cell = "#bulletin-table tr[data-township='gaoxin'] td[data-key='signedAbove1Yi.count']";
        String total = "#bulletin-table tr[data-township='total'] td[data-key='signedAbove1Yi.count']";
        browser.login("supervisor").go("/dashboard?year=2024&asOf=2024-12-31");
        int before = leadingNumber(browser.text(cell));
        int totalBefore = leadingNumber(browser.text(total));

        String id = api.sign("gaoxin", "年产12万吨新能源电池材料项目", 120_000, "2024-03-01");
        api.start("gaoxin", id, "2024-04-10");
        browser.go("/projects").waitFor("#projects-table");
        browser.go("/dashboard?year=2024&asOf=2024-12-31");

        assertThat(leadingNumber(browser.text(cell))).isEqualTo(before + 1);
        assertThat(leadingNumber(browser.text(total))).isEqualTo(totalBefore + 1);
        assertThat(browser.text("#bulletin-table tr[data-township='gaoxin'] td[data-key='signedAbove1Yi.count']"))
                .contains("/ 42");
        assertThat(browser.find("#rates-chart")).isNotNull();
        assertThat(browser.text("#dash-city")).contains("开工率", "入库率");
        browser.screenshot("dashboard");

        // a plain link: what the browser downloads from it, on the session cookie alone
        assertThat(browser.find("#dash-xlsx").getDomAttribute("download")).endsWith(".xlsx");
        Map<?, ?> download = (Map<?, ?>) browser.script("return fetch(document.getElementById('dash-xlsx').href)"
                + ".then(r => r.blob()).then(b => ({ size: b.size, type: b.type }))");
        assertThat((String) download.get("type")).contains("spreadsheetml");
        assertThat(((Number) download.get("size")).longValue()).isGreaterThan(1000);

        browser.date("#dash-asof", "2024-02-29");
        browser.waitForText("#dash-period", "至 2024-02-29");
        assertThat(browser.currentUrl()).contains("asOf=2024-02-29");
        assertThat(leadingNumber(browser.text(cell))).isLessThan(before + 1);
    }

    @Test
    void aClerkOfAnotherTownshipCannotOpenTheProject() throws Exception {
        String id = api.sign("gaoxin", "年产5万吨高端铜箔项目", 25_000, "2024-08-08");

        browser.login("chengui").go("/project/" + id);
        // the server's Chinese detail, shown as it is: no English left for the page to strip
        assertThat(browser.waitForText("#project-error", "不能查看其他乡镇的项目")).contains("无权查看")
                .doesNotContain("(");
        assertThat(browser.findAll("#project-timeline")).isEmpty();

        browser.go("/record/" + id + "/start");
        assertThat(browser.waitForText("#project-error", "不能查看其他乡镇的项目")).isNotBlank();
        assertThat(browser.findAll("#record-form")).isEmpty();
    }

    private static int leadingNumber(String text) {
        String digits = text.strip().replaceAll("^([0-9,]+).*$", "$1").replace(",", "");
        return Integer.parseInt(digits.split("\\s")[0]);
    }
}
