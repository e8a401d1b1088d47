package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money on the pages (issue 13): funds in 万元 and 万美元 read back with their amounts from the timeline and 审计;
 * every amount field starts in 万元 and echoes what will be recorded; an implausible amount needs "确认无误"; a red
 * mark goes once its field is corrected; supervisors run the integrity check from 审计.
 */
class BrowserMoneyTest {
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
    void fundsInBothCurrenciesReadBackWithTheirAmountsOnTheTimelineAndInTheAudit() throws Exception {
        String id = api.sign("gaoxin", "年产2万吨铜基合金线材项目", 35_000, "2024-04-12");

        browser.login("gaoxin").go("/record/" + id + "/funds");
        browser.date("#in-arrivedOn", "2024-06-03").select("#in-source", "OUT_OF_PROVINCE")
                .type("#in-amount", "1200");
        assertThat(browser.text("#echo-amount")).isEqualTo("= 1,200 万元（0.12 亿元）");
        browser.click("#form-submit");
        assertThat(browser.text("#confirmation")).contains("已录入到位资金", "1,200 万元");

        HttpResponse<String> foreign = api.post("gaoxin", "/api/projects/" + id + "/funds", """
                {"arrivedOn":"2024-07-08","source":"FOREIGN","amountUsdWan":500}""");
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(200);

        // the page reads the history once; under load the projection may still be a step behind the API's answer
        api.await("/api/projects/" + id + "/history", h -> h.path("events").size() == 3);
        browser.go("/project/" + id);
        browser.waitUntil(b -> b.findAll("#project-timeline li").size() == 3);
        String timeline = browser.text("#project-timeline");
        assertThat(timeline).contains("第 1 笔，省外，1,200 万元", "第 2 笔，境外，500 万美元", "合同金额 35,000 万元");
        assertThat(timeline).doesNotContain("境外，500 万元");
        browser.screenshot("money-timeline");

        browser.login("supervisor").go("/audit?township=gaoxin&type=FundsArrived");
        String audit = browser.waitForText("#audit-table", "500 万美元");
        assertThat(audit).contains("第 1 笔，省外，1,200 万元", "第 2 笔，境外，500 万美元");
        assertThat(audit).doesNotContain("， 万元");
        browser.screenshot("money-audit");
    }

    @Test
    void everyFormStartsInWanWhateverUnitTheLastOneUsed() throws Exception {
        String id = api.sign("gaoxin", "年产6万吨精密铜管项目", 20_000, "2024-05-06");
        browser.login("gaoxin").go("/record");
        browser.select("#unit-contractAmountWan", "yi").type("#in-contractAmountWan", "1200");
        assertThat(browser.text("#echo-contractAmountWan")).isEqualTo("= 1,200 亿元（12,000,000 万元）");

        browser.go("/record/" + id + "/funds");
        browser.select("#in-source", "IN_PROVINCE");
        assertThat(browser.find("#unit-amount").getAttribute("value")).isEqualTo("wan");
        browser.type("#in-amount", "1200");
        assertThat(browser.text("#echo-amount")).isEqualTo("= 1,200 万元（0.12 亿元）");
        browser.select("#in-source", "FOREIGN");
        assertThat(browser.text("#echo-amount")).isEqualTo("= 1,200 万美元");
    }

    @Test
    void anImplausibleAmountIsRecordedOnlyAfterConfirmation() throws Exception {
        // 1,200 亿元 on a 3.5 亿元 project: far above 3× its contract
        String id = api.sign("gaoxin", "年产4万吨再生铜项目", 35_000, "2024-03-18");
        long before = api.eventCount(id);

        browser.login("gaoxin").go("/record/" + id + "/funds");
        browser.date("#in-arrivedOn", "2024-06-20").select("#in-source", "OUT_OF_PROVINCE")
                .select("#unit-amount", "yi").type("#in-amount", "1200").click("#form-submit");
        String step = browser.waitForText("#implausible", "确认无误");
        assertThat(step).contains("未保存", "12,000,000 万元", "35,000 万元", "3 倍");
        assertThat(browser.findAll("#confirmation")).isEmpty();
        assertThat(api.eventCount(id)).isEqualTo(before);
        browser.screenshot("money-implausible");

        browser.click("#confirm-implausible");
        assertThat(browser.text("#confirmation")).contains("已录入到位资金", "12,000,000 万元");
        assertThat(api.eventCount(id)).isEqualTo(before + 1);
        JsonNode project = api.await("/api/projects/" + id, p -> p.path("funds").size() == 1);
        assertThat(project.path("funds").get(0).path("amountWan").decimalValue()).isEqualByComparingTo("12000000");
    }

    @Test
    void aRedMarkGoesOnceItsFieldIsCorrected() throws Exception {
        String id = api.sign("gaoxin", "年产1万吨铜粉项目", 12_000, "2024-02-02");
        browser.login("gaoxin").go("/record/" + id + "/funds");
        browser.date("#in-arrivedOn", "2024-03-01").select("#in-source", "IN_PROVINCE").click("#form-submit");
        assertThat(browser.waitForText("#err-amount", "必填")).isNotBlank();
        assertThat(browser.find("#in-amount").getAttribute("class")).contains("invalid");

        browser.type("#in-amount", "300");
        assertThat(browser.find("#err-amount").getText()).isEmpty();
        assertThat(browser.find("#in-amount").getAttribute("class")).doesNotContain("invalid");
    }

    @Test
    void supervisorsRunTheIntegrityCheckFromTheAuditPage() throws Exception {
        browser.login("supervisor").go("/audit");
        browser.click("#audit-verify");
        browser.waitUntil(b -> !b.findAll("#verify-ok").isEmpty() || !b.findAll("#verify-broken").isEmpty());
        JsonNode report = new ObjectMapper().readTree(api.get("supervisor", "/api/audit/verify"));
        String shown = browser.text("#verify-result");
        if (report.path("intact").asBoolean()) {
            assertThat(shown).contains("核验通过", "事件库完整");
        } else {
            assertThat(shown).contains("核验未通过");
        }
        assertThat(shown).contains("个项目", "个事件");
        browser.screenshot("audit-verify");
    }

    @Test
    void aBrokenChainIsNamedInChineseAndUnknownFieldsDoNotBreakThePage() throws Exception {
        browser.login("supervisor").go("/audit");
        browser.waitFor("#audit-verify");
        // the answer a tampered store gives, with a field the page does not know yet
        browser.script("""
                const real = window.__realFetch = window.fetch;
                window.fetch = (url, options) => String(url).includes('/api/audit/verify')
                  ? Promise.resolve(new Response(JSON.stringify({intact: false, projects: 3, events: 17,
                      digest: {sealed: 12, note: 'later'}, problems: [{projectId: '3f1c2a64-5b7e-4d8a-9c0f-1e2d3c4b5a69',
                      sequence: 4, globalIndex: 981, problem: '事件内容被改动 (payload or metadata altered)'}]}),
                      {status: 200, headers: {'Content-Type': 'application/json'}}))
                  : real(url, options);""");
        try {
            browser.click("#audit-verify");
            String shown = browser.waitForText("#verify-broken", "核验未通过");
            assertThat(shown).contains("发现 1 处问题", "共核验 3 个项目、17 个事件", "第 4 号", "981", "事件内容被改动");
            assertThat(shown).doesNotContain("payload or metadata altered", "[object Object]", "undefined");
        } finally {
            // a new route is not a new page: the stub would outlive this test
            browser.script("window.fetch = window.__realFetch;");
        }
    }

    @Test
    void aClerkHasNoIntegrityCheck() throws Exception {
        browser.login("gaoxin").go("/audit");
        browser.waitFor("#logout");
        assertThat(browser.findAll("#audit-verify")).isEmpty();
    }
}
