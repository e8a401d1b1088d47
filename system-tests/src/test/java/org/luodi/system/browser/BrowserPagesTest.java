package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisors' pages in a real browser: stalled contracts, the project list, the audit search, the year's
 * targets.
 */
class BrowserPagesTest {
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Api api;
    private static String stalled;
    private static String startedOnly;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        api = new Api(luodi);
        stalled = api.sign("chengui", "年产6万吨节能环保设备项目", 30_000, "2024-01-15");
        startedOnly = api.sign("chengui", "年产2万吨光电显示项目", 15_000, "2024-02-20");
        api.start("chengui", startedOnly, "2024-03-05");
        browser = Chromium.open(luodi.queryUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** The longest menu, the supervisors', fits the office screens' 1366 px: no entry broken over two lines or hidden. */
    @Test
    void theSupervisorsMenuFitsOnOneLineAt1366Pixels() {
        browser.login("supervisor").go("/dashboard");
        browser.waitFor("#nav a");
        assertThat(browser.findAll("#nav a")).hasSize(13);
        Object broken = browser.script("""
                const who = document.getElementById('who').getBoundingClientRect();
                return [...document.querySelectorAll('#nav a')].filter(a => {
                  const text = document.createRange();
                  text.selectNodeContents(a);
                  return text.getClientRects().length > 1 || a.getBoundingClientRect().right > who.left;
                }).map(a => a.textContent).join('、');""");
        assertThat(broken).isEqualTo("");
    }

    @Test
    void theAlertsPageListsAStalledContractAsOverdue() {
        browser.login("supervisor").go("/alerts");
        String row = "#alerts-table tr[data-project='" + stalled + "']";
        assertThat(browser.text(row)).contains("逾期未开工", "年产6万吨节能环保设备项目", "陈贵镇", "2024-01-15", "2024-07-15");
        assertThat(browser.text("#alerts-table")).doesNotContain("年产2万吨光电显示项目");
        // the ladder: started in March 2024 with no funds since and never stored, red for far more than three months
        String stopped = "#ladder-table tr[data-project='" + startedOnly + "'][data-rule='STOPPED_AFTER_START']";
        assertThat(browser.waitForText(stopped, "开工即停")).contains("红色", "年产2万吨光电显示项目", "陈贵镇",
                "开工后无资金到位、未入库", "2024-09-05", "市政府督办");
        browser.select("#ladder-colour", "YELLOW");
        browser.waitForText("#ladder-summary", "红色 0 个次");
        assertThat(browser.findAll(stopped)).isEmpty();
        browser.screenshot("alerts");
    }

    /** From the stalled contract's alert to a problem handed to a department, answered and closed (销号). */
    @Test
    void aStalledContractsAlertOffersToRaiseAProblemThatIsAssignedAnsweredAndClosed() {
        browser.login("supervisor").go("/alerts");
        String row = "#alerts-table tr[data-project='" + stalled + "']";
        assertThat(browser.text(row)).contains("提交问题");
        browser.click(row + " a.raise-ticket");
        browser.waitFor("#raise-panel");
        browser.select("#in-category", "LAND").type("#in-description", "净地未按期交付，影响开工").click("#raise-submit");
        browser.waitForText("#ticket-status", "待交办");
        assertThat(browser.text("#ticket-facts")).contains("年产6万吨节能环保设备项目", "陈贵镇", "净地未按期交付");

        browser.select("#in-assignment-department", "dept32").click("#ticket-assignment");
        browser.waitForText("#ticket-status", "办理中");
        assertThat(browser.text("#ticket-facts")).contains("市自然资源和规划局", "5 个工作日");
        String ticket = browser.currentUrl().replaceAll(".*#/ticket/([^?]+).*", "$1");

        browser.login("dept32").go("/ticket/" + ticket);
        browser.type("#in-answer-answer", "已协调，月底前交付").click("#ticket-answer");
        browser.waitForText("#ticket-status", "已答复");

        browser.login("supervisor").go("/ticket/" + ticket);
        browser.click("#action-closing summary");
        browser.type("#in-closing-reason", "企业确认已交付").click("#ticket-closing");
        browser.waitForText("#ticket-status", "已销号");
        assertThat(browser.text("#ticket-history")).contains("提交问题", "交办", "答复", "销号", "企业确认已交付");
        browser.screenshot("ticket");
    }

    @Test
    void theAlertsPageUpdatesItselfFromTheStreamWhenAStartIsRecorded() throws Exception {
        String late = api.sign("dajipu", "年产4万吨冷链物流项目", 20_000, "2024-03-03");
        String today = api.await("/api/calendar", c -> true).get("today").asText();
        // live only on today: the page's default date is the year's (period.js), which may lie in the past
        browser.login("supervisor").go("/alerts?township=dajipu&asOf=" + today);
        String row = "#alerts-table tr[data-project='" + late + "']";
        browser.waitFor(row);
        browser.waitFor("#alerts-live.on");
        // today's late leads (项目线索) beside the overdue tickets: the panel loads, whether or not one is late
        assertThat(browser.waitForText("#alerts-leads", "跟进逾期的项目线索")).contains("跟进逾期的项目线索");

        api.start("dajipu", late, "2024-12-20");

        browser.waitUntil(b -> b.findAll(row).isEmpty());
        assertThat(browser.text("#alerts-feed")).contains("年产4万吨冷链物流项目");
        assertThat(browser.currentUrl()).contains("/alerts?", "township=dajipu", "asOf=" + today);
    }

    @Test
    void theProjectListSearchesByNameAndShowsEachProjectsStage() {
        browser.login("supervisor").go("/projects");
        browser.waitFor("#projects-table");
        browser.type("#f-name", "光电显示").click("#projects-search");
        browser.waitUntil(b -> b.currentUrl().contains("name="));
        String table = browser.waitForText("#projects-table", "年产2万吨光电显示项目");
        assertThat(table).contains("已开工", "陈贵镇", "1.50").doesNotContain("节能环保设备");
        browser.go("/projects").waitFor("#projects-table");
        browser.screenshot("projects");
    }

    @Test
    void amountsTypedInYiAreSentInWanWithEveryDigitKept() {
        browser.login("gaoxin").go("/record");
        browser.waitFor("#in-contractAmountWan");
        Object converted = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('./js/money.js'), import('./js/api.js')]).then(([m, api]) => done([
                  m.toWan('3.5', 'yi'), m.toWan('0.00015', 'yi'), m.toWan('1.23456789', 'yi'), m.toWan('0.1', 'yi'),
                  m.toWan('１２．５', 'yi'), m.toWan('12,000.50', 'wan'), m.toWan('3.5亿', 'yi'), m.toWan('-1', 'wan'),
                  api.toJson({ a: new api.Decimal(m.toWan('9007199254740993.1', 'wan')), b: '0.1' })
                ].join('|')));""");
        assertThat(converted).isEqualTo(
                "35000|1.5|12345.6789|1000|125000|12000.5|||{\"a\":9007199254740993.1,\"b\":\"0.1\"}");
    }

    @Test
    void aSupervisorChangesATownshipsTargetsWithAReason() throws Exception {
        String editor = "#targets-editor input[name='%s']";
        browser.login("supervisor").go("/targets?year=2030");
        browser.click("#targets-table tr[data-township='chengui'] a.edit");
        browser.type(editor.formatted("signedAbove1Yi.count"), "1.5").type("#t-reason", "年初下达").click("#t-save");
        assertThat(browser.text("#targets-status")).contains("新签约亿元以上项目个数", "整数");
        browser.screenshot("targets-editor");

        // amounts are typed in 亿元, as the dashboard speaks, and echoed in 万元 before saving
        browser.type(editor.formatted("signedAbove1Yi.count"), "12")
                .type(editor.formatted("domesticFunds.totalWan"), "15.00005");
        assertThat(browser.text("#targets-editor [data-echo='domesticFunds.totalWan']")).isEqualTo("= 150,000.5 万元");
        browser.click("#t-save");
        browser.waitForText(".message.ok", "已保存陈贵镇的目标");
        assertThat(browser.text("#targets-table thead")).contains("亿元");
        assertThat(browser.text("#targets-table tr[data-township='chengui'] td[data-key='domesticFunds.totalWan']"))
                .isEqualTo("15.00");
        browser.click("#targets-table tr[data-township='chengui'] a.edit");
        assertThat(browser.waitFor(editor.formatted("domesticFunds.totalWan")).getAttribute("value")).isEqualTo("15.00005");
        assertThat(browser.text("#targets-changes")).contains("年初下达", "supervisor", "陈贵镇", "实际到位内资");
        JsonNode chengui = api.await("/api/targets?year=2030", table -> true).path("townships").findParents("township")
                .stream().filter(t -> t.path("township").asText().equals("chengui")).findFirst().orElseThrow()
                .path("targets");
        assertThat(chengui.path("signedAbove1Yi.count").decimalValue()).isEqualByComparingTo("12");
        assertThat(chengui.path("domesticFunds.totalWan").decimalValue()).isEqualByComparingTo("150000.5");
        browser.screenshot("targets");
    }

    @Test
    void aSupervisorSetsAQuartersLeadInfoTargetWithAReason() throws Exception {
        browser.login("supervisor").go("/targets?year=2033");
        browser.waitFor("#lead-targets");
        browser.select("#lt-period", "Q1").select("#lt-source", "BUSINESS_REFERRAL").type("#lt-count", "60")
                .click("#lt-save");
        assertThat(browser.text("#lead-targets-status")).contains("调整原因");
        browser.type("#lt-reason", "一季度开门红任务").click("#lt-save");
        browser.waitForText(".message.ok", "已保存项目信息目标");
        String row = "#lead-targets-table tr[data-key='leadInfo.Q1.BUSINESS_REFERRAL'][data-unit='']";
        assertThat(browser.text(row)).contains("全市", "一季度", "以商招商", "60", "一季度开门红任务");
        assertThat(browser.text("#targets-changes")).contains("一季度开门红任务", "全市", "一季度以商招商项目信息");
        JsonNode leads = api.await("/api/targets?year=2033", table -> true).path("leads");
        assertThat(leads).hasSize(1);
        assertThat(leads.get(0).path("count").asLong()).isEqualTo(60);
        browser.screenshot("lead-targets");
    }

    @Test
    void aSupervisorSetsTheTownshipsCategoriesWithAReason() throws Exception {
        browser.login("supervisor").go("/targets?year=2031");
        browser.waitFor("#categories-table");
        browser.select("#categories-table select[name='mingshan']", "third").click("#c-save");
        assertThat(browser.text("#categories-status")).contains("调整原因");
        browser.type("#c-reason", "确定乡镇分类").click("#c-save");
        browser.waitForText(".message.ok", "已保存乡镇分类");
        assertThat(browser.waitFor("#categories-table select[name='mingshan']").getAttribute("value")).isEqualTo("third");
        assertThat(browser.text("#categories-changes")).contains("确定乡镇分类", "茗山乡", "未分类", "三类乡镇");
        JsonNode mingshan = api.await("/api/targets/categories?year=2031", table -> true).path("townships")
                .findParents("township").stream().filter(t -> t.path("township").asText().equals("mingshan"))
                .findFirst().orElseThrow();
        assertThat(mingshan.path("category").asText()).isEqualTo("third");
        browser.screenshot("categories");
    }

    @Test
    void aSupervisorRecordsAYearEndAdjustmentWithAReasonAndCancelsNothingByEditing() throws Exception {
        browser.login("supervisor").go("/assessment?year=2032");
        browser.waitFor("#assessment-townships");
        browser.select("#adj-unit", "township:mingshan").select("#adj-kind", "PRAISE").type("#adj-points", "2")
                .click("#adj-save");
        assertThat(browser.text("#adjust-status")).contains("原因");
        browser.type("#adj-reason", "招商工作突出，通报表扬").click("#adj-save");
        browser.waitForText(".message.ok", "已保存加减分记录");
        assertThat(browser.text("#assessment-townships tr[data-unit='mingshan'] td[data-key='adjustments']"))
                .isEqualTo("+2");
        assertThat(browser.text("#adjustments")).contains("招商工作突出，通报表扬", "茗山乡", "通报表扬", "supervisor");
        JsonNode mingshan = api.await("/api/assessment/2032", table -> true).path("townships").findParents("unit")
                .stream().filter(t -> t.path("unit").asText().equals("mingshan")).findFirst().orElseThrow();
        assertThat(mingshan.path("adjustments").decimalValue()).isEqualByComparingTo("2");
        browser.screenshot("assessment");
    }

    @Test
    void theAuditSearchFindsAClerksRecords() {
        browser.login("supervisor").go("/audit");
        browser.waitFor("#audit-table");
        browser.type("#a-actor", "chengui").select("#a-type", "ConstructionStarted").click("#audit-search");
        browser.waitUntil(b -> b.currentUrl().contains("actor=chengui"));
        String table = browser.waitForText("#audit-table", "开工");
        assertThat(table).contains("chengui", "2024-03-05").doesNotContain("gaoxin");
        browser.go("/audit?actor=chengui").waitFor("#audit-table");
        browser.screenshot("audit");
    }
}
