package org.luodi.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.luodi.events.EventMetadata;
import org.luodi.events.FundsArrived;
import org.luodi.events.SourceRegion;
import org.luodi.query.IsolatedQuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering with the event store as an attacker with SQL would (the append-only trigger disabled), each case against
 * a digest taken before it, checked after later ordinary writes and after every read model was rebuilt. The cases
 * share one store and run in order: the intact case first, the truncation of the tail last; each looks for its own
 * event among the problems (the earlier cases' tampering stays visible, as it should).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestTamperTest extends IsolatedQuerySideTest {
    @Autowired
    Sealer sealer;
    @Autowired
    javax.sql.DataSource dataSource;

    /** One project's events as stored: global index by sequence number. */
    record Stored(String projectId, List<Long> globalIndexes) {
        long index(int sequence) {
            return globalIndexes.get(sequence);
        }
    }

    @Test
    @Order(1)
    void anIntactStoreVerifiesAgainstAnOldDigestAfterFurtherWritesAndRebuilds() {
        Stored first = project("gaoxin");
        String digest = sealedDigest();
        JsonNode published = supervisor().get("/api/audit/digest").ok();
        assertThat(published.get("lastIndex").asLong()).isEqualTo(first.index(2));
        assertThat(published.get("events").asLong()).isEqualTo(count());

        clock.advance(Duration.ofDays(1));
        project("chengui");
        String later = sealedDigest();
        assertThat(later).isNotEqualTo(digest);
        rebuildEveryReadModel();

        JsonNode report = verify(digest);
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.get("intact").asBoolean()).isTrue();
        assertThat(report.get("digest").asText()).isEqualTo(digest);
        // read back from paper: lower case, spaces, O for 0 and l for 1 do not matter
        String prefix = "LD1-" + first.index(2) + "-";
        assertThat(digest).startsWith(prefix);
        String typed = " " + prefix + digest.substring(prefix.length()).toLowerCase().replace('0', 'o')
                .replace('1', 'l').replace("-", " ") + " ";
        assertThat(verify(typed).get("intact").asBoolean()).isTrue();
        assertThat(verify(later).get("intact").asBoolean()).isTrue();

        // as of a moment: the last seal made by then
        String yesterday = clock.instant().minus(Duration.ofHours(12)).toString();
        assertThat(supervisor().get("/api/audit/digest", "at", yesterday).ok().get("digest").asText())
                .isEqualTo(digest);
        assertThat(supervisor().get("/api/audit/digest", "at", "2000-01-01").status()).isEqualTo(404);
        // a bulletin prints the digest as of its moment: the page's JSON and the workbook's row
        assertThat(supervisor().get("/api/bulletin", "year", 2024, "month", 6, "knownAt", yesterday).ok()
                .get("digest").asText()).isEqualTo(digest);
        assertThat(supervisor().get("/api/bulletin", "year", 2024, "month", 6).ok().get("digest").asText())
                .isEqualTo(later);
        assertThat(workbookText(supervisor().get("/api/bulletin.xlsx", "year", 2024, "month", 6, "knownAt", yesterday)
                .bytes())).contains("审计摘要 (digest)：" + digest);
        assertThat(as("gaoxin").get("/api/audit/digest").status()).isEqualTo(403);
        assertThat(supervisor().get("/api/audit/verify", "digest", "LD1-12-nonsense").status()).isEqualTo(400);
    }

    @Test
    @Order(2)
    void aChangedPayloadByteIsNamed() {
        Stored victim = project("gaoxin");
        String digest = sealedDigest();
        asAttacker("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'35000', '95000'), 'UTF8') WHERE global_index = " + victim.index(0));
        laterWritesAndRebuild();
        assertNamed(verify(digest), victim.index(0), victim.projectId(), 0, "altered");
    }

    @Test
    @Order(3)
    void aChangedMetadataByteIsNamed() {
        Stored victim = project("jinhu");
        String digest = sealedDigest();
        asAttacker("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'), "
                + "'\"jinhu\"', '\"jinhv\"'), 'UTF8') WHERE global_index = " + victim.index(1));
        laterWritesAndRebuild();
        assertNamed(verify(digest), victim.index(1), victim.projectId(), 1, "altered");
    }

    @Test
    @Order(4)
    void anEventDeletedFromTheMiddleIsNamed() {
        Stored victim = project("gaoxin");
        String digest = sealedDigest();
        asAttacker("DELETE FROM domain_event_entry WHERE global_index = " + victim.index(1));
        laterWritesAndRebuild();
        assertNamed(verify(digest), victim.index(1), victim.projectId(), 1, "removed");
    }

    @Test
    @Order(5)
    void aDeletedLastEventWhoseSequenceNumberWasReusedIsNamed() {
        Stored victim = project("chengui");
        String digest = sealedDigest();
        asAttacker("DELETE FROM domain_event_entry WHERE global_index = " + victim.index(2));
        // then an ordinary, legitimate-looking arrival takes the freed sequence number
        eventStore.publish(new GenericDomainEventMessage<>("InvestmentProject", victim.projectId(), 2,
                new FundsArrived(victim.projectId(), 1, LocalDate.of(2024, 9, 1), SourceRegion.IN_PROVINCE,
                        new BigDecimal("80"), null),
                MetaData.from(Map.of(EventMetadata.ACTOR, "chengui", EventMetadata.ROLE, "CLERK",
                        EventMetadata.TOWNSHIP, "chengui", EventMetadata.RECORDED_AT, "2024-09-02T01:00:00Z"))));
        long reusedAt = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 2", Long.class, victim.projectId());
        assertThat(reusedAt).isGreaterThan(victim.index(2));
        laterWritesAndRebuild();
        JsonNode problem = assertNamed(verify(digest), victim.index(2), victim.projectId(), 2, "removed");
        assertThat(problem.get("problem").asText()).contains("sequence number reused").contains("第 " + reusedAt + " 号");
    }

    @Test
    @Order(6)
    void anEventInsertedWithAnOldTimestampIsNamed() {
        Stored victim = project("jinhu");
        String digest = sealedDigest();
        // a third arrival, copied from the second one and stamped back in March 2024
        asAttacker("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp) SELECT aggregate_identifier, 4, type, "
                + "gen_random_uuid()::text, meta_data, convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"arrivalNo\":2', '\"arrivalNo\":3'), 'UTF8'), payload_revision, payload_type, "
                + "'2024-03-01T01:00:00Z' FROM domain_event_entry WHERE global_index = " + victim.index(3));
        long inserted = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 4", Long.class, victim.projectId());
        laterWritesAndRebuild();
        assertNamed(verify(digest), inserted, victim.projectId(), 4, "old timestamp");
    }

    @Test
    @Order(7)
    void twoSwappedEventsAreNamed() {
        Stored a = project("gaoxin");
        Stored b = project("chengui");
        String digest = sealedDigest();
        asAttacker("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = " + a.index(1) + ";"
                + "UPDATE domain_event_entry SET global_index = " + a.index(1) + " WHERE global_index = " + b.index(1) + ";"
                + "UPDATE domain_event_entry SET global_index = " + b.index(1) + " WHERE global_index = -1");
        laterWritesAndRebuild();
        JsonNode report = verify(digest);
        assertNamed(report, a.index(1), a.projectId(), 1, "reordered");
        assertNamed(report, b.index(1), b.projectId(), 1, "reordered");
    }

    @Test
    @Order(8)
    void aGapIsSealedOnlyOnceItCanNoLongerFillAndALateInsertIntoItIsNamed() throws Exception {
        Stored template = project("gaoxin");
        sealedDigest();
        // a writer that drew its global index and has not committed yet
        String pending = java.util.UUID.randomUUID().toString();
        try (java.sql.Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (java.sql.Statement insert = writer.createStatement()) {
                insert.execute(copyOf(template.index(0), "'" + pending + "'", "0", "time_stamp"));
            }
            long inFlight = jdbc.queryForObject("SELECT last_value FROM domain_event_entry_global_index_seq", Long.class);
            Stored after = project("chengui");
            assertThat(after.index(0)).isGreaterThan(inFlight);
            sealer.sealAvailable();
            assertThat(sealedThrough()).as("sealed up to the pending index, not past it").isEqualTo(inFlight - 1);
            writer.commit();
        }
        // a number drawn and never used (a rolled-back writer): sealed as absent once nobody can still hold it
        long neverUsed = jdbc.queryForObject("SELECT nextval('domain_event_entry_global_index_seq')", Long.class);
        project("jinhu");
        String digest = sealedDigest();
        assertThat(jdbc.queryForObject("SELECT sum(absent_count) FROM audit_seal WHERE first_index <= ? "
                + "AND last_index >= ?", Long.class, neverUsed, neverUsed)).isEqualTo(1);
        String pendingProblems = verify(digest).get("problems").toString();
        assertThat(pendingProblems).doesNotContain(pending);

        // later someone slips an event into that gap
        String slipped = java.util.UUID.randomUUID().toString();
        jdbc.execute(copyOf(template.index(0), "'" + slipped + "'", "0", "time_stamp")
                .replace("INSERT INTO domain_event_entry (", "INSERT INTO domain_event_entry (global_index, ")
                .replace("SELECT ", "SELECT " + neverUsed + ", "));
        laterWritesAndRebuild();
        assertNamed(verify(digest), neverUsed, slipped, 0, "sealed gap");
    }

    @Test
    @Order(8)
    void aWriterThatCommitsWhileTheSealerLooksAtOpenTransactionsIsNotSealedAsAGap() throws Exception {
        Stored template = project("gaoxin");
        sealedDigest();
        String pending = java.util.UUID.randomUUID().toString();
        long inFlight;
        try (java.sql.Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (java.sql.Statement insert = writer.createStatement()) {
                insert.execute(copyOf(template.index(0), "'" + pending + "'", "0", "time_stamp"));
            }
            inFlight = jdbc.queryForObject("SELECT last_value FROM domain_event_entry_global_index_seq", Long.class);
            project("chengui");
            // the writer commits after the sealer read the rows and before it looks for open transactions
            java.util.concurrent.atomic.AtomicBoolean committed = new java.util.concurrent.atomic.AtomicBoolean();
            sealer.afterRowsRead = () -> {
                if (committed.compareAndSet(false, true)) {
                    try {
                        writer.commit();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            try {
                sealer.sealAvailable();
            } finally {
                sealer.afterRowsRead = () -> {
                };
            }
            assertThat(committed).isTrue();
        }
        String digest = sealedDigest();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_seal WHERE absent_count > 0 AND first_index <= ? "
                + "AND last_index >= ?", Long.class, inFlight, inFlight)).as("index %d sealed as a gap", inFlight).isZero();
        assertThat(verify(digest).get("problems").toString()).doesNotContain(pending);
    }

    /** An INSERT of a copy of the row at {@code globalIndex} with another project id, sequence and time stamp. */
    private static String copyOf(long globalIndex, String projectId, String sequence, String timeStamp) {
        return "INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "meta_data, payload, payload_revision, payload_type, time_stamp) SELECT " + projectId + ", " + sequence
                + ", type, gen_random_uuid()::text, meta_data, convert_to(replace(convert_from(payload, 'UTF8'), "
                + "aggregate_identifier, " + projectId + "), 'UTF8'), payload_revision, payload_type, " + timeStamp
                + " FROM domain_event_entry WHERE global_index = " + globalIndex;
    }

    @Test
    @Order(9)
    void anEditedSealIsNamed() {
        project("jinhu");
        String digest = sealedDigest();
        long sealNo = jdbc.queryForObject("SELECT max(seal_no) FROM audit_seal", Long.class);
        // the seal backdated by a day, so that it would answer for a bulletin it never stood behind
        jdbc.execute("ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_append_only");
        jdbc.update("UPDATE audit_seal SET sealed_at = sealed_at - interval '1 day' WHERE seal_no = ?", sealNo);
        jdbc.execute("ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_append_only");
        laterWritesAndRebuild();
        JsonNode report = verify(digest);
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(problems(report)).anySatisfy(p -> assertThat(p.get("problem").asText())
                .contains("#" + sealNo).contains("seal record altered"));
        // and without a digest, the seal that no longer chains is found as well
        assertThat(problems(supervisor().get("/api/audit/verify").ok())).anySatisfy(p ->
                assertThat(p.get("problem").asText()).contains("#" + sealNo).contains("seal record altered"));
    }

    @Test
    @Order(10)
    void aTruncatedTailIsNamedEvenWhenItsGlobalIndexesAreTakenAgain() {
        Stored victim = project("gaoxin");
        project("jinhu");
        String digest = sealedDigest();
        long cut = victim.index(0);
        List<JsonNode> before = new ArrayList<>();
        jdbc.query("SELECT global_index, aggregate_identifier, sequence_number FROM domain_event_entry "
                + "WHERE global_index >= ? ORDER BY global_index", rs -> {
            before.add(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                    .put("globalIndex", rs.getLong(1)).put("projectId", rs.getString(2)).put("sequence", rs.getLong(3)));
        }, cut);
        // the tail cut off and the global index sequence wound back, as if it had never been written
        asAttacker("DELETE FROM domain_event_entry WHERE global_index >= " + cut + ";"
                + "SELECT setval('domain_event_entry_global_index_seq', " + (cut - 1) + ")");
        Stored after = project("chengui");
        assertThat(after.index(0)).isEqualTo(cut);
        sealer.sealAvailable();
        rebuildEveryReadModel();
        JsonNode report = verify(digest);
        for (JsonNode lost : before) {
            assertNamed(report, lost.get("globalIndex").asLong(), lost.get("projectId").asText(),
                    lost.get("sequence").asLong(), lost.get("globalIndex").asLong() < cut + 3 ? "replaced" : "removed");
        }
    }

    // --- the store and its seals

    private static String workbookText(byte[] xlsx) {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            StringBuilder text = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A signed, started project with one arrival: sequence numbers 0, 1, 2. */
    private Stored project(String township) {
        String id = recorder.signed(township, "35000", LocalDate.of(2024, 5, 20));
        recorder.started(id, LocalDate.of(2024, 6, 18));
        recorder.funds(id, LocalDate.of(2024, 7, 1), SourceRegion.IN_PROVINCE, "1200");
        if (township.equals("jinhu")) {
            recorder.funds(id, LocalDate.of(2024, 8, 1), SourceRegion.IN_PROVINCE, "300");
        }
        return new Stored(id, jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", Long.class, id));
    }

    /** Seals everything stored so far and answers the current digest, as a supervisor would copy it. */
    private String sealedDigest() {
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sealedThrough() < head) {
            sealer.sealAvailable();
            assertThat(System.nanoTime()).as("sealed through " + head).isLessThan(deadline);
        }
        return supervisor().get("/api/audit/digest").ok().get("digest").asText();
    }

    private long sealedThrough() {
        Long last = jdbc.queryForObject("SELECT max(last_index) FROM audit_seal", Long.class);
        return last == null ? 0 : last;
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }

    private void asAttacker(String sql) {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
        try {
            for (String statement : sql.split(";")) {
                jdbc.execute(statement);
            }
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
        }
    }

    /** Ordinary writes after the tampering, sealed, then every read model rebuilt from the store. */
    private void laterWritesAndRebuild() {
        project("jinhu");
        sealer.sealAvailable();
        rebuildEveryReadModel();
        sealer.sealAvailable();
    }

    private void rebuildEveryReadModel() {
        for (JsonNode processor : as("admin").get("/api/admin/processors").ok().get("processors")) {
            String group = processor.get("processingGroup").asText();
            assertThat(as("admin").post("/api/admin/rebuild/" + group).status()).as(group).isEqualTo(202);
        }
        recorder.awaitProjections();
    }

    private JsonNode verify(String digest) {
        return supervisor().get("/api/audit/verify", "digest", digest).ok();
    }

    private static List<JsonNode> problems(JsonNode report) {
        List<JsonNode> problems = new ArrayList<>();
        report.get("problems").forEach(problems::add);
        return problems;
    }

    private static JsonNode assertNamed(JsonNode report, long globalIndex, String projectId, long sequence,
                                        String what) {
        assertThat(report.get("intact").asBoolean()).isFalse();
        return problems(report).stream()
                .filter(p -> p.path("globalIndex").asLong() == globalIndex && projectId.equals(p.path("projectId").asText())
                        && p.path("sequence").asLong() == sequence && p.get("problem").asText().contains(what))
                .findFirst().orElseThrow(() -> new AssertionError("no problem \"" + what + "\" named event "
                        + globalIndex + " (" + projectId + "#" + sequence + ") in " + report));
    }
}
