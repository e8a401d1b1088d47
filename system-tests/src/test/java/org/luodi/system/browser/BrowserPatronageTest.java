package org.luodi.system.browser;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 包保 (#19): a supervisor names the city leader and the 服务专班 of a project through the form on the project page; the
 * leader signs in, lands on the page of the projects he 包保s, and opens one.
 */
class BrowserPatronageTest {
    private static final String LEADER = "leader27"; // 田新红, 市政协副主席
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static Api api;
    private static String project;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        api = new Api(luodi);
        project = api.sign("dajipu", "包保的新型建材项目", 18_000, "2024-04-02");
        browser = Chromium.open(luodi.queryUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aSupervisorSetsTheLeaderAndTheLeaderFindsTheProjectOnHisPage() throws Exception {
        browser.login("supervisor").go("/project/" + project);
        browser.click("#action-patronage");
        browser.select("#in-leader", LEADER).type("#in-serviceTeam", "新型建材招商专班")
                .type("#in-reason", "列为市级重点项目").click("#form-submit");
        browser.waitFor("#confirmation");
        JsonNode assigned = api.await("/api/projects/" + project, p -> LEADER.equals(p.path("leader").asText()));
        assertThat(assigned.get("serviceTeam").asText()).isEqualTo("新型建材招商专班");
        // the township raises what stands in its way: the leader sees it among his projects' open problems
        assertThat(api.post("dajipu", "/api/tickets", "{\"projectId\":\"" + project + "\",\"category\":\"POWER\","
                + "\"description\":\"专线电力未接入\"}").statusCode()).isEqualTo(201);
        api.await("/api/tickets?project=" + project, t -> t.path("totalElements").asLong() == 1);

        browser.login(LEADER);
        browser.waitFor("#patronage-table");
        assertThat(browser.currentUrl()).contains("#/patronage");
        assertThat(browser.text("h1")).contains("田新红");
        WebElement row = browser.find("#patronage-table tbody tr[data-project='" + project + "']");
        assertThat(row.getText()).contains("包保的新型建材项目", "大箕铺镇", "新型建材招商专班");
        assertThat(browser.text("#patronage-tickets")).contains("专线电力未接入", "包保的新型建材项目");
        assertThat(browser.text("#patronage-summary")).contains("未销号的交办问题 1 个");
        browser.click("#patronage-table tbody tr[data-project='" + project + "'] a");
        browser.waitFor("#project-attributes");
        assertThat(browser.text("#project-attributes")).contains("田新红（市政协副主席）", "新型建材招商专班");
        assertThat(browser.findAll("#project-actions")).isEmpty(); // a leader records nothing
        browser.screenshot("patronage");
    }

    /** 消息推送: a supervisor adds the township's 企业微信 group robot on its page; its token is never shown back. */
    @Test
    void aSupervisorAddsAGroupRobot() throws Exception {
        browser.login("supervisor").go("/robots");
        browser.waitFor("#robot-form");
        browser.type("#robot-name", "大箕铺镇招商专班群").select("#robot-platform", "WECOM")
                .type("#robot-url", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=browser-test-token")
                .select("#robot-township", "dajipu").type("#robot-reason", "乡镇专班工作群").click("#robot-submit");
        String table = browser.waitForText("#robots-table", "大箕铺镇招商专班群");
        assertThat(table).contains("企业微信", "大箕铺镇", "启用").doesNotContain("browser-test-token");
        browser.screenshot("robots");
        // switched off again, so that the shared Luodi posts nowhere
        String id = browser.find("#robots-table tbody tr").getAttribute("data-robot");
        assertThat(api.post("supervisor", "/api/notify/robots/" + id + "/switch-off", "{\"reason\":\"测试结束\"}")
                .statusCode()).isEqualTo(200);
    }
}
