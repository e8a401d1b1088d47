package org.luodi.query.processing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectStored;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.query.ApiClient;
import org.luodi.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/** POST /api/admin/rebuild/{group} and GET /api/admin/processors. */
class ReadModelRebuildTest extends QuerySideTest {
    private static final String VERSIONS = "project-versions";
    private static final String HISTORY = "project-history";

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SetAsideIndexes setAside;

    @Test
    void onlyAdministratorsSeeAndRebuildReadModels() {
        events().byClerk("gaoxin", signed(newId(), "gaoxin", "进度项目", LocalDate.of(2024, 6, 1)), on("2024-06-02"));
        awaitProcessed();

        assertThat(as("supervisor").post("/api/admin/rebuild/" + HISTORY).status()).isEqualTo(403);
        assertThat(as("gaoxin").post("/api/admin/rebuild/" + HISTORY).status()).isEqualTo(403);
        assertThat(as("supervisor").get("/api/admin/processors").status()).isEqualTo(403);
        ApiClient.Answer unknown = as("admin").post("/api/admin/rebuild/no-such-model");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("no-such-model");
        assertThat(unknown.json().get("code").asText()).isEqualTo("read-model.not-found");

        JsonNode processors = as("admin").get("/api/admin/processors").ok();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(processors.get("head").asLong()).isEqualTo(head);
        assertThat(processors.get("caughtUp").asBoolean()).isTrue();
        for (String group : List.of(VERSIONS, HISTORY)) {
            JsonNode status = group(processors, group);
            assertThat(status.get("state").asText()).isEqualTo("UP_TO_DATE");
            assertThat(status.get("stateName").asText()).isEqualTo("运行正常");
            assertThat(status.get("position").asLong()).isEqualTo(head);
            assertThat(status.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(status.get("segments")).hasSize(2)
                    .allSatisfy(s -> assertThat(s.get("claimedHere").asBoolean()).isTrue());
        }
    }

    @Test
    void aRebuiltReadModelEqualsTheLiveOneWhileTheOthersKeepAnswering() throws InterruptedException {
        clock.setToday(LocalDate.of(2025, 6, 30));
        // stalled since its start was retracted, and the retraction is the last event in the store: a sweep that
        // did not wait for the rebuilt model would see the start without its retraction and announce a clearance
        String stalled = newId();
        TransactionTemplate together = new TransactionTemplate(transactions);
        together.executeWithoutResult(tx -> {
            events().byClerk("gaoxin", signed(stalled, "gaoxin", "重建时停滞项目", LocalDate.of(2024, 1, 10)),
                    on("2024-01-11"));
            events().byClerk("gaoxin", started(stalled, LocalDate.of(2024, 2, 1)), on("2024-02-02"));
        });
        recordEveryKindOfEvent();
        together.executeWithoutResult(tx -> {
            for (int i = 0; i < 400; i++) {
                recordBusyProject(i);
            }
        });
        events().bySupervisor(new MilestoneRetracted(stalled, Milestone.START, null, "仪式开工"), on("2025-06-30"),
                "仪式开工");
        awaitProcessed();
        awaitAnnounced(stalled);

        List<Map<String, Object>> versions = table("project_version ORDER BY project_id, version");
        List<Map<String, Object>> arrivals = table("fund_arrival_version ORDER BY project_id, arrival_no, version");
        List<Map<String, Object>> history = table("project_event ORDER BY global_index");
        assertThat(history).hasSizeGreaterThan(2000);
        List<String> indexes = indexDefinitions();

        rebuildWhileReading(VERSIONS, "/api/projects/" + stalled + "/history");
        assertThat(table("project_version ORDER BY project_id, version")).isEqualTo(versions);
        assertThat(table("fund_arrival_version ORDER BY project_id, arrival_no, version")).isEqualTo(arrivals);

        rebuildWhileReading(HISTORY, "/api/projects/" + stalled);
        assertThat(table("project_event ORDER BY global_index")).isEqualTo(history);
        assertThat(indexDefinitions()).as("indexes set aside for the rebuilds, built again").isEqualTo(indexes);

        // the alert sweep waited for the rebuilt model: no ghost "cleared" while its table was empty
        assertThat(jdbc.queryForList("SELECT kind FROM alert_announcement WHERE project_id = ? ORDER BY id",
                String.class, stalled)).containsExactly("RAISED");
    }

    /** Rebuilds {@code group} while a supervisor keeps reading {@code otherPath}, served by another read model. */
    private void rebuildWhileReading(String group, String otherPath) throws InterruptedException {
        ApiClient supervisor = as("supervisor");
        ApiClient admin = as("admin");
        String expected = supervisor.get(otherPath).ok().toString();
        List<ApiClient.Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            do {
                answers.add(supervisor.get(otherPath));
            } while (rebuilding.get());
        });

        ApiClient.Answer accepted = admin.post("/api/admin/rebuild/" + group);
        reader.start();
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("processingGroup").asText()).isEqualTo(group);
        assertThat(accepted.json().get("caughtUp").asBoolean()).isFalse();
        assertThat(accepted.json().get("state").asText()).isEqualTo("REBUILDING");
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode status;
        do {
            Thread.sleep(20);
            status = group(admin.get("/api/admin/processors").ok(), group);
            assertThat(System.nanoTime()).as("rebuild of %s still at %s", group, status).isLessThan(deadline);
        } while (!status.get("caughtUp").asBoolean());
        rebuilding.set(false);
        reader.join();
        while (setAside.pending().contains(group)) {
            assertThat(System.nanoTime()).as("indexes of %s not built again", group).isLessThan(deadline);
            Thread.sleep(20);
        }

        assertThat(status.get("state").asText()).isEqualTo("UP_TO_DATE");
        assertThat(answers).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().toString()).isEqualTo(expected);
        });
    }

    private List<String> indexDefinitions() {
        return jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename IN ('project_version', "
                + "'fund_arrival_version', 'project_event') ORDER BY indexname", String.class);
    }

    private void recordEveryKindOfEvent() {
        String full = newId();
        events().byClerk("chengui", signed(full, "chengui", "全流程项目", LocalDate.of(2024, 2, 1)), on("2024-02-02"));
        events().byClerk("chengui", new CompanyRegistered(full, LocalDate.of(2024, 2, 20), "全流程公司",
                "91420281MA4F0002X0", true, false), on("2024-02-21"));
        events().byClerk("chengui", new FundsArrived(full, 1, LocalDate.of(2024, 3, 1), SourceRegion.FOREIGN, null,
                new BigDecimal("80")), on("2024-03-02"));
        events().byClerk("chengui", started(full, LocalDate.of(2024, 3, 15)), on("2024-03-16"));
        events().byClerk("chengui", new ProjectStored(full, LocalDate.of(2024, 4, 1), new BigDecimal("30000")),
                on("2024-04-02"));
        events().byClerk("chengui", new FundsArrived(full, 2, LocalDate.of(2024, 5, 1), SourceRegion.IN_PROVINCE,
                new BigDecimal("1200"), null), on("2024-05-02"));
        events().byClerk("chengui", new ProductionStarted(full, LocalDate.of(2024, 9, 1)), on("2024-09-02"));
        events().bySupervisor(new MilestoneCorrected(full, Milestone.FUNDS, 2, LocalDate.of(2024, 5, 3),
                new BigDecimal("1100"), null, "以到账凭证为准"), on("2024-10-01"), "以到账凭证为准");
        events().bySupervisor(new MilestoneRetracted(full, Milestone.FUNDS, 1, "外资未实际到位"), on("2024-10-02"),
                "外资未实际到位");
        events().bySupervisor(new MilestoneCorrected(full, Milestone.SIGNING, null, null, new BigDecimal("26000"),
                null, "补充协议"), on("2024-10-03"), "补充协议");

        String undone = newId();
        events().byClerk("jinhu", signed(undone, "jinhu", "撤销开工后解约项目", LocalDate.of(2024, 3, 1)), on("2024-03-02"));
        events().byClerk("jinhu", started(undone, LocalDate.of(2024, 4, 1)), on("2024-04-02"));
        events().bySupervisor(new MilestoneRetracted(undone, Milestone.START, null, "仪式开工"), on("2024-06-01"), "仪式开工");
        events().byClerk("jinhu", new ProjectTerminated(undone, LocalDate.of(2024, 10, 1), "无法推进"), on("2024-10-02"));
        events().bySupervisor(new MilestoneCorrected(undone, Milestone.TERMINATION, null, LocalDate.of(2024, 9, 20),
                null, null, "以解约协议日期为准"), on("2024-10-05"), "以解约协议日期为准");

        String voided = newId();
        events().byClerk("baoan", signed(voided, "baoan", "误录项目", LocalDate.of(2024, 5, 5)), on("2024-05-06"));
        events().bySupervisor(new ProjectVoided(voided, "重复录入"), on("2024-05-07"), "重复录入");
    }

    private void recordBusyProject(int i) {
        String id = newId();
        LocalDate signedOn = LocalDate.of(2023, 1, 1).plusDays(i);
        events().byClerk("linkong", signed(id, "linkong", "批量项目" + i, signedOn), on(signedOn.plusDays(1)));
        events().byClerk("linkong", new FundsArrived(id, 1, signedOn.plusDays(10), SourceRegion.OUT_OF_PROVINCE,
                new BigDecimal(100 + i), null), on(signedOn.plusDays(11)));
        events().byClerk("linkong", started(id, signedOn.plusDays(30)), on(signedOn.plusDays(31)));
        events().byClerk("linkong", new ProjectStored(id, signedOn.plusDays(60), new BigDecimal(20000 + i)),
                on(signedOn.plusDays(61)));
        events().byClerk("linkong", new FundsArrived(id, 2, signedOn.plusDays(90), SourceRegion.IN_PROVINCE,
                new BigDecimal("50.5"), null), on(signedOn.plusDays(91)));
    }

    private void awaitAnnounced(String projectId) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (jdbc.queryForObject("SELECT count(*) FROM alert_announcement WHERE project_id = ?", Integer.class,
                projectId) == 0) {
            assertThat(System.nanoTime()).as("no alert announced for the stalled project").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Every row; array columns as text, since JDBC's arrays are equal only to themselves. */
    private List<Map<String, Object>> table(String tableAndOrder) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + tableAndOrder);
        rows.forEach(row -> row.replaceAll((column, value) -> value instanceof java.sql.Array ? value.toString() : value));
        return rows;
    }

    private static JsonNode group(JsonNode processors, String group) {
        for (JsonNode status : processors.get("processors")) {
            if (status.get("processingGroup").asText().equals(group)) {
                return status;
            }
        }
        throw new AssertionError("no processor for " + group + " in " + processors);
    }
}
