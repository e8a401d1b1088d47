package org.luodi.query.processing;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luodi.events.CompanyRegistered;
import org.luodi.events.EventMetadata;
import org.luodi.events.ProjectEvent;
import org.luodi.query.ApiClient;
import org.luodi.query.IsolatedQuerySideTest;
import org.luodi.query.ProcessingWait;
import org.luodi.query.SseStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;
import static org.luodi.query.SampleEvents.started;

/**
 * A read model that cannot apply one project's event parks that event (and the project's later ones) in its
 * dead-letter queue, and keeps every other project current; health, the processors' status and the alert stream say
 * so; an administrator retries or evicts, and who and why is recorded.
 */
@TestPropertySource(properties = {"luodi.processing.watch-interval-ms=200", "luodi.processing.stall-after=3s"})
class DeadLetterTest extends IsolatedQuerySideTest {
    private static final String HISTORY = "project-history";
    private static final String VERSIONS = "project-versions";
    private static final List<String> TOWNSHIPS = List.of("gaoxin", "chengui", "jinhu", "baoan", "linkong");

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SetAsideIndexes setAside;

    /** The next sequence number per project, as the command side would hand them out. */
    private final Map<String, Long> next = new HashMap<>();

    @AfterEach
    void noFaultLeftBehind() {
        jdbc.execute("DROP TRIGGER IF EXISTS fail_for_one_project ON project_event");
        jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        jdbc.update("DELETE FROM dead_letter_entry"); // what a failed test left parked would fail the next one
    }

    @Test
    void aProjectThatOneReadModelCannotWriteIsParkedAndTheOthersKeepFlowing() {
        List<String> projects = signProjects(40);
        String victim = projects.get(7);
        failInsertsOf(victim);

        try (SseStream stream = SseStream.open(port, "supervisor", "/api/alerts/stream", null)) {
            // one transaction, so that the victim's event shares its batch with everybody else's
            inOneTransaction(() -> projects.forEach(id -> record(started(id, LocalDate.of(2024, 5, 1)))));
            awaitProcessed();
            record(new CompanyRegistered(victim, LocalDate.of(2024, 6, 1), "受害公司", "91420281MA4F0007X0", false, false));
            for (String id : projects.subList(20, 30)) {
                record(new CompanyRegistered(id, LocalDate.of(2024, 6, 2), "公司" + id.substring(0, 4),
                        "91420281MA4F0008X0", false, false));
            }
            awaitProcessed();

            assertCurrentExcept(projects, List.of(victim));
            assertThat(historyOf(victim)).as("only the signing reached the history").hasSize(1);
            assertThat(versionOf(victim)).as("the other read model is not affected").isEqualTo(2L);

            JsonNode listed = admin().get("/api/admin/dead-letters").ok();
            List<JsonNode> letters = lettersOf(listed, HISTORY);
            assertThat(letters).hasSize(2).allSatisfy(l -> assertThat(l.get("project").asText()).isEqualTo(victim));
            assertThat(letters.get(0).get("payloadType").asText()).isEqualTo("ConstructionStarted");
            assertThat(letters.get(0).get("error").asText()).contains("injected fault for " + victim);
            assertThat(letters.get(1).get("payloadType").asText()).isEqualTo("CompanyRegistered");
            assertThat(letters.get(1).get("error").isNull()).as("waits behind the first").isTrue();
            assertThat(letters.get(0).get("globalIndex").asLong()).isEqualTo(globalIndex(victim, 1));

            JsonNode status = processor(HISTORY);
            assertThat(status.get("error").asBoolean()).isTrue();
            assertThat(status.get("state").asText()).isEqualTo("PARKED");
            assertThat(status.get("parkedEvents").asLong()).isEqualTo(2);
            assertThat(processor(VERSIONS).get("error").asBoolean()).isFalse();

            JsonNode health = admin().get("/actuator/health").json();
            assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
            JsonNode problem = health.at("/components/readModels/details/problems/0");
            assertThat(problem.get("processingGroup").asText()).isEqualTo(HISTORY);
            assertThat(problem.get("kind").asText()).isEqualTo("PARKED");
            assertThat(problem.get("firstProject").asText()).isEqualTo(victim);
            assertThat(problem.get("firstGlobalIndex").asLong()).isEqualTo(globalIndex(victim, 1));
            assertThat(health.at("/components/readModels/details/problems")).hasSize(1);
            String anonymous = anonymousHealth();
            assertThat(anonymous).contains("\"DEGRADED\"").doesNotContain(victim);

            SseStream.Event alert = stream.await(e -> "readModelStalled".equals(e.name())
                    && "PARKED".equals(e.json().get("problem").asText()), Duration.ofSeconds(10));
            assertThat(alert).as("supervisors are told on the alert stream").isNotNull();
            assertThat(alert.json().get("processingGroup").asText()).isEqualTo(HISTORY);
            assertThat(alert.json().get("message").asText()).contains("被搁置").contains(victim);

            // a retry while the fault is still there changes nothing, and says so
            String first = letters.get(0).get("id").asText();
            JsonNode failed = admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + first + "/retry",
                    "{\"reason\":\"先试一次\"}").ok();
            assertThat(failed.get("succeeded").asBoolean()).isFalse();
            assertThat(failed.get("remaining").asLong()).isEqualTo(2);
            assertThat(lettersOf(admin().get("/api/admin/dead-letters").ok(), HISTORY)).hasSize(2);

            jdbc.execute("DROP TRIGGER fail_for_one_project ON project_event");
            assertThat(admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + first + "/retry", "{}")
                    .status()).as("no reason, no retry").isEqualTo(400);
            assertThat(as("supervisor").exchange(HttpMethod.POST, "/api/admin/dead-letters/" + first + "/retry",
                    "{\"reason\":\"修复后重试\"}").status()).isEqualTo(403);
            JsonNode retried = admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + first + "/retry",
                    "{\"reason\":\"触发器已删除，重试\"}").ok();
            assertThat(retried.get("succeeded").asBoolean()).isTrue();
            assertThat(retried.get("remaining").asLong()).isZero();
            assertCurrentExcept(projects, List.of());

            JsonNode after = admin().get("/api/admin/dead-letters").ok();
            assertThat(after.get("letters")).isEmpty();
            assertThat(after.get("problems")).isEmpty();
            JsonNode action = after.get("actions").get(0);
            assertThat(action.get("actor").asText()).isEqualTo("admin");
            assertThat(action.get("action").asText()).isEqualTo("RETRY");
            assertThat(action.get("reason").asText()).isEqualTo("触发器已删除，重试");
            assertThat(action.get("project").asText()).isEqualTo(victim);
            assertThat(after.get("actions").get(1).get("outcome").asText()).contains("injected fault");

            assertThat(admin().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
            assertThat(stream.await(e -> "readModelRecovered".equals(e.name()), Duration.ofSeconds(10))).isNotNull();
            // and the project flows again
            record(new CompanyRegistered(victim, LocalDate.of(2024, 7, 1), "受害公司二", "91420281MA4F0009X0", true, false));
            awaitProcessed();
            assertCurrentExcept(projects, List.of());
        }
    }

    @Test
    void anEventNoProjectionCanReadIsParkedInEveryReadModelUntilEvicted() {
        List<String> projects = signProjects(10);
        String poisoned = projects.get(3);
        // a stored payload that no longer reads as its type (a date that is none)
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                payload, payload_revision, payload_type, time_stamp)
                SELECT aggregate_identifier, 1, type, gen_random_uuid()::text, meta_data,
                       convert_to('{"projectId":"' || aggregate_identifier || '","startedOn":"kein Datum"}', 'UTF8'),
                       '1', 'org.luodi.events.ConstructionStarted', time_stamp
                  FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", poisoned);
        next.put(poisoned, 1L); // the last sequence number taken
        record(new CompanyRegistered(poisoned, LocalDate.of(2024, 6, 1), "中毒公司", "91420281MA4F0010X0", false, false));
        projects.forEach(id -> {
            if (!id.equals(poisoned)) {
                record(started(id, LocalDate.of(2024, 5, 1)));
            }
        });
        awaitProcessed();

        assertCurrentExcept(projects, List.of(poisoned));
        JsonNode listed = admin().get("/api/admin/dead-letters").ok();
        for (String group : List.of(HISTORY, VERSIONS)) {
            List<JsonNode> letters = lettersOf(listed, group);
            assertThat(letters).as(group).hasSize(2);
            assertThat(letters.get(0).get("globalIndex").asLong()).isEqualTo(globalIndex(poisoned, 1));
            assertThat(letters.get(0).get("error").asText()).contains("kein Datum");
        }
        JsonNode health = admin().get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.at("/components/readModels/details/processingGroups"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(HISTORY, VERSIONS);

        // evicted: the read models go on without the unreadable event; the project's next one then follows
        for (String group : List.of(HISTORY, VERSIONS)) {
            String id = lettersOf(admin().get("/api/admin/dead-letters").ok(), group).get(0).get("id").asText();
            JsonNode evicted = admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + id + "/evict",
                    "{\"reason\":\"载荷无法读取，已向厂商报告\"}").ok();
            assertThat(evicted.get("remaining").asLong()).isEqualTo(1);
            String next = lettersOf(admin().get("/api/admin/dead-letters").ok(), group).get(0).get("id").asText();
            assertThat(admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + next + "/retry",
                    "{\"reason\":\"其后的事件照常处理\"}").ok().get("succeeded").asBoolean()).isTrue();
        }
        JsonNode after = admin().get("/api/admin/dead-letters").ok();
        assertThat(after.get("letters")).isEmpty();
        List<JsonNode> evictions = new ArrayList<>();
        after.get("actions").forEach(a -> {
            if (a.get("action").asText().equals("EVICT")) {
                evictions.add(a);
            }
        });
        assertThat(evictions).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("actor").asText()).isEqualTo("admin");
            assertThat(a.get("reason").asText()).isEqualTo("载荷无法读取，已向厂商报告");
            assertThat(a.get("globalIndex").asLong()).isEqualTo(globalIndex(poisoned, 1));
            assertThat(a.get("actedAt").isNull()).isFalse();
        });
        assertThat(historyOf(poisoned)).extracting(r -> r.get("sequence_number")).containsExactly(0L, 2L);
        assertThat(versionOf(poisoned)).isEqualTo(2L);
        assertThat(admin().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aRevisionOneFundsArrivalThatNoLongerReadsIsParkedNotAStoppedStream() {
        List<String> projects = signProjects(6);
        String poisoned = projects.get(4);
        // revision 1 as the command side once wrote it, but cut short: neither JSON nor anything the upcaster can read
        jdbc.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                payload, payload_revision, payload_type, time_stamp)
                SELECT aggregate_identifier, 1, type, gen_random_uuid()::text, meta_data,
                       convert_to('{"projectId":"' || aggregate_identifier || '","arrivalNo":1,"amountWan":12', 'UTF8'),
                       '1', 'org.luodi.events.FundsArrived', time_stamp
                  FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", poisoned);
        next.put(poisoned, 1L);
        projects.stream().filter(id -> !id.equals(poisoned))
                .forEach(id -> record(started(id, LocalDate.of(2024, 5, 2))));
        awaitProcessed();

        assertCurrentExcept(projects, List.of(poisoned));
        JsonNode listed = admin().get("/api/admin/dead-letters").ok();
        for (String group : List.of(HISTORY, VERSIONS)) {
            List<JsonNode> letters = lettersOf(listed, group).stream()
                    .filter(l -> l.get("project").asText().equals(poisoned)).toList();
            assertThat(letters).as(group).hasSize(1);
            assertThat(letters.get(0).get("globalIndex").asLong()).isEqualTo(globalIndex(poisoned, 1));
            assertThat(processor(group).get("caughtUp").asBoolean()).as("no stopped stream in " + group).isTrue();
            admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + letters.get(0).get("id").asText()
                    + "/evict", "{\"reason\":\"旧版本载荷损坏\"}").ok();
        }
    }

    @Test
    void aReusedSequenceNumberIsParkedNotRetriedForEver() {
        List<String> projects = signProjects(6);
        String tampered = projects.get(2);
        record(started(tampered, LocalDate.of(2024, 5, 1)));
        awaitProcessed();
        // someone deletes the project's last event in SQL; the next event takes its sequence number
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", tampered);
        jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        next.put(tampered, 0L); // as the command side sees the project now
        record(new CompanyRegistered(tampered, LocalDate.of(2024, 6, 1), "复用公司", "91420281MA4F0011X0", false, false));
        projects.stream().filter(id -> !id.equals(tampered)).forEach(id -> record(new CompanyRegistered(id,
                LocalDate.of(2024, 6, 3), "其他公司", "91420281MA4F0012X0", false, false)));
        awaitProcessed();

        JsonNode listed = admin().get("/api/admin/dead-letters").ok();
        List<JsonNode> letters = lettersOf(listed, HISTORY);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("project").asText()).isEqualTo(tampered);
        assertThat(letters.get(0).get("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(letters.get(0).get("error").asText()).contains("project_event_sequence_uk");
        // the versions read model, which takes a redelivery in its stride, does not take this one for one
        List<JsonNode> versionLetters = lettersOf(listed, VERSIONS);
        assertThat(versionLetters).hasSize(1);
        assertThat(versionLetters.get(0).get("project").asText()).isEqualTo(tampered);
        assertThat(versionLetters.get(0).get("error").asText()).contains("sequence number reused");
        assertThat(versionOf(tampered)).as("the deleted event's version stays, not overwritten").isEqualTo(1L);
        for (String group : List.of(HISTORY, VERSIONS)) {
            assertThat(processor(group).get("caughtUp").asBoolean()).as("no crash loop in " + group).isTrue();
        }
        List<String> others = projects.stream().filter(id -> !id.equals(tampered)).toList();
        for (String id : others) {
            assertThat(historyOf(id)).hasSize(2);
            assertThat(versionOf(id)).isEqualTo(1L);
        }
        JsonNode health = admin().get("/actuator/health").json();
        assertThat(health.at("/components/readModels/details/processingGroups"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(HISTORY, VERSIONS);

        for (JsonNode letter : List.of(letters.get(0), versionLetters.get(0))) {
            admin().exchange(HttpMethod.POST, "/api/admin/dead-letters/" + letter.get("id").asText() + "/evict",
                    "{\"reason\":\"序号被复用：篡改，已报审计\"}").ok();
        }
        assertThat(admin().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void aRebuildMeetsParkedEventsAgainAndParksThemOnlyIfTheyStillFail() throws InterruptedException {
        List<String> projects = signProjects(8);
        String victim = projects.get(5);
        failInsertsOf(victim);
        record(started(victim, LocalDate.of(2024, 5, 1)));
        awaitProcessed();
        assertThat(lettersOf(admin().get("/api/admin/dead-letters").ok(), HISTORY)).hasSize(1);

        assertThat(admin().post("/api/admin/rebuild/" + HISTORY).status()).isEqualTo(202);
        awaitRebuilt();
        // replayed from the start: now the signing fails too, and the start waits behind it
        // (an earlier test's unreadable event, still in the store, is parked again as well)
        List<JsonNode> letters = lettersOf(admin().get("/api/admin/dead-letters").ok(), HISTORY).stream()
                .filter(l -> l.get("project").asText().equals(victim)).toList();
        assertThat(letters).extracting(l -> l.get("sequenceNumber").asLong()).containsExactly(0L, 1L);
        assertThat(admin().get("/api/admin/dead-letters").ok().get("actions").get(0).get("action").asText())
                .isEqualTo("CLEAR");
        assertCurrentExcept(projects, List.of(victim));

        jdbc.execute("DROP TRIGGER fail_for_one_project ON project_event");
        assertThat(admin().post("/api/admin/rebuild/" + HISTORY).status()).isEqualTo(202);
        awaitRebuilt();
        assertThat(lettersOf(admin().get("/api/admin/dead-letters").ok(), HISTORY))
                .noneMatch(l -> l.get("project").asText().equals(victim));
        assertCurrentExcept(projects, List.of());
    }

    private void awaitRebuilt() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!progress.allCaughtUp() || setAside.pending().contains(HISTORY)) {
            assertThat(System.nanoTime()).as("rebuild not done").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void failInsertsOf(String projectId) {
        jdbc.execute("""
                CREATE OR REPLACE FUNCTION fail_for_one_project() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.project_id = '%s' THEN RAISE EXCEPTION 'injected fault for %s'; END IF;
                    RETURN NEW;
                END $$""".formatted(projectId, projectId));
        jdbc.execute("CREATE TRIGGER fail_for_one_project BEFORE INSERT ON project_event FOR EACH ROW "
                + "EXECUTE FUNCTION fail_for_one_project()");
    }

    @Test
    void aReadModelThatDoesNotAdvanceWhileEventsWaitIsReported() throws InterruptedException {
        signProjects(2);
        var processor = progress.processor(HISTORY).orElseThrow();
        processor.shutDown();
        try {
            signProjects(1, false);
            long deadline = System.nanoTime() + 15_000_000_000L;
            JsonNode health;
            do {
                Thread.sleep(200);
                health = admin().get("/actuator/health").json();
                assertThat(System.nanoTime()).as("never reported stalled: %s", health).isLessThan(deadline);
            } while (!"DEGRADED".equals(health.get("status").asText()));
            JsonNode problem = health.at("/components/readModels/details/problems/0");
            assertThat(health.at("/components/readModels/details/problems")).hasSize(1);
            assertThat(problem.get("processingGroup").asText()).isEqualTo(HISTORY);
            assertThat(problem.get("kind").asText()).isEqualTo("STALLED");
        } finally {
            processor.start();
        }
        awaitProcessed();
        assertThat(admin().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    private String anonymousHealth() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private ApiClient admin() {
        return as("admin");
    }

    private void awaitProcessed() {
        ProcessingWait.untilCaughtUp(progress);
    }

    private List<String> signProjects(int count) {
        return signProjects(count, true);
    }

    private List<String> signProjects(int count, boolean await) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = newId();
            String township = TOWNSHIPS.get(i % TOWNSHIPS.size());
            publish(signed(id, township, "项目" + i, LocalDate.of(2024, 1, 2).plusDays(i)), township, "CLERK");
            ids.add(id);
        }
        if (await) {
            awaitProcessed();
        }
        return ids;
    }

    private void record(ProjectEvent event) {
        publish(event, "supervisor", "SUPERVISOR");
    }

    private void publish(ProjectEvent event, String actor, String role) {
        long sequence = next.merge(event.projectId(), 0L, (old, zero) -> old + 1);
        eventStore.publish(new GenericDomainEventMessage<>("InvestmentProject", event.projectId(), sequence, event,
                MetaData.with(EventMetadata.ACTOR, actor).and(EventMetadata.ROLE, role)
                        .and(EventMetadata.RECORDED_AT, on("2024-07-01").toString())));
    }

    private void inOneTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> work.run());
    }

    /** project_event and project_version against a recomputation from domain_event_entry, all but {@code except}. */
    private void assertCurrentExcept(List<String> projects, List<String> except) {
        String[] ids = projects.stream().filter(id -> !except.contains(id)).toArray(String[]::new);
        assertThat(ids).isNotEmpty();
        assertThat(jdbc.queryForList("SELECT global_index, project_id, sequence_number FROM project_event "
                + "WHERE project_id = ANY (?) ORDER BY global_index", (Object) ids))
                .isEqualTo(jdbc.queryForList("SELECT global_index, aggregate_identifier AS project_id, sequence_number "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ANY (?) ORDER BY global_index",
                        (Object) ids));
        assertThat(jdbc.queryForList("SELECT project_id, max(version) AS last FROM project_version "
                + "WHERE project_id = ANY (?) GROUP BY project_id ORDER BY project_id", (Object) ids))
                .isEqualTo(jdbc.queryForList("SELECT aggregate_identifier AS project_id, max(sequence_number) AS last "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ANY (?) "
                        + "GROUP BY aggregate_identifier ORDER BY aggregate_identifier", (Object) ids));
    }

    private List<Map<String, Object>> historyOf(String projectId) {
        return jdbc.queryForList("SELECT * FROM project_event WHERE project_id = ? ORDER BY sequence_number",
                projectId);
    }

    private Long versionOf(String projectId) {
        return jdbc.queryForObject("SELECT max(version) FROM project_version WHERE project_id = ?", Long.class,
                projectId);
    }

    private long globalIndex(String projectId, long sequence) {
        return jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", Long.class, projectId, sequence);
    }

    private JsonNode processor(String group) {
        for (JsonNode status : admin().get("/api/admin/processors").ok().get("processors")) {
            if (status.get("processingGroup").asText().equals(group)) {
                return status;
            }
        }
        throw new AssertionError("no processor " + group);
    }

    private static List<JsonNode> lettersOf(JsonNode listed, String group) {
        List<JsonNode> letters = new ArrayList<>();
        listed.get("letters").forEach(l -> {
            if (l.get("processingGroup").asText().equals(group)) {
                letters.add(l);
            }
        });
        return letters;
    }
}
