package org.luodi.system.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luodi.system.RunningLuodi;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a department (附件2) signs in, lands on its own row of the bulletin's department sheet, lists the
 * projects credited to it and no other, and cannot open another department's project; a supervisor's page lists
 * every department.
 */
class BrowserDepartmentTest {
    private static final String COMMERCE = "dept38"; // 市商务局
    private static final String FEDERATION = "dept22"; // 市工商联
    private static RunningLuodi luodi;
    private static Chromium browser;
    private static String own;
    private static String other;

    @BeforeAll
    static void start() throws Exception {
        Chromium.assumeChromium();
        luodi = RunningLuodi.shared();
        Api api = new Api(luodi);
        own = api.sign("lingxiang", "商务局引荐铜板带项目", 30_000, "2024-03-05", COMMERCE);
        other = api.sign("lingxiang", "工商联引荐光电项目", 25_000, "2024-03-06", FEDERATION);
        browser = Chromium.open(luodi.queryUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aDepartmentLandsOnItsOwnRowAndListsOnlyItsOwnProjects() {
        browser.login(COMMERCE);
        browser.waitFor("#departments-table");
        assertThat(browser.currentUrl()).contains("#/departments");
        assertThat(browser.text("h1")).contains("市商务局");
        List<WebElement> rows = browser.findAll("#departments-table tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getAttribute("data-department")).isEqualTo(COMMERCE);
        // a department reports leads (项目信息) of its own and keeps its 在谈 list, as a township does (#20)
        assertThat(browser.findAll("#nav a")).extracting(WebElement::getText)
                .containsExactly("部门单位", "问题交办", "项目线索", "在谈项目", "项目");

        browser.click("#dept-projects");
        browser.waitFor("#projects-table");
        List<String> listed = browser.findAll("#projects-table tbody tr").stream()
                .map(r -> r.getAttribute("data-project")).toList();
        assertThat(listed).contains(own).doesNotContain(other);

        browser.go("/project/" + other);
        assertThat(browser.waitForText(".message", "部门单位只能查看")).contains("记在本单位名下");
    }

    @Test
    void aSupervisorReadsEveryDepartment() {
        browser.login("supervisor").go("/departments?year=2024&asOf=2024-12-31");
        browser.waitFor("#departments-table");
        assertThat(browser.findAll("#departments-table tbody tr")).hasSize(73);
    }
}
