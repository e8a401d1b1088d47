package org.luodi.system.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** 读模型 (#/admin): a parked event shown in red with its error, retried by an administrator with a reason. */
class BrowserAdminPageTest {
    private static final String NAME = "故障注入测试项目";
    private static final String RED = "rgb(180, 35, 24)"; // --red in app.css

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
        if (luodi == null) {
            return; // skipped before starting: no Chromium here
        }
        sql("DROP TRIGGER IF EXISTS fail_for_test_project ON project_event");
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAdministratorSeesAParkedEventInRedAndRetriesItWithAReason() throws Exception {
        sql("""
                CREATE OR REPLACE FUNCTION fail_for_test_project() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.data->>'name' = '%s' THEN RAISE EXCEPTION 'injected fault in the history'; END IF;
                    RETURN NEW;
                END $$""".formatted(NAME));
        sql("CREATE TRIGGER fail_for_test_project BEFORE INSERT ON project_event FOR EACH ROW "
                + "EXECUTE FUNCTION fail_for_test_project()");
        String id = api.sign("jinhu", NAME, 8_000, "2024-04-10");

        browser.login("admin").go("/admin");
        browser.waitForText("#dlq-letter-table", id.substring(0, 8));
        assertThat(browser.text("#dlq-letter-table")).contains("project-history", "ProjectSigned",
                "injected fault in the history");
        assertThat(browser.text("#dlq-problems")).contains("project-history", "有事件被搁置");
        assertThat(browser.script("return getComputedStyle(document.querySelector("
                + "\"#dlq-processor-table tr[data-group='project-history']\")).color")).isEqualTo(RED);
        browser.screenshot("admin-parked");

        sql("DROP TRIGGER fail_for_test_project ON project_event");
        browser.click("#dlq-letter-table tbody tr button.retry");
        browser.waitForText("#dlq-status", "请填写原因");
        browser.type("#dlq-reason", "故障已排除，重新处理");
        browser.click("#dlq-letter-table tbody tr button.retry");
        browser.waitForText("#dlq-letters", "没有搁置的事件");
        assertThat(browser.text("#dlq-action-table")).contains("admin", "重试", "故障已排除，重新处理",
                id.substring(0, 8));
        assertThat(browser.text("#dlq-status")).contains("已重新处理");
        api.await("/api/projects/" + id + "/history", history -> history.toString().contains(NAME));
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = luodi.sql(); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
