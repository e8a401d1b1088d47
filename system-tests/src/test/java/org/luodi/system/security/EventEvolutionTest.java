package org.luodi.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.luodi.events.EventHash;
import org.luodi.system.RunningLuodi;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FundsArrived's evolution (revision 1 → 2: one {@code amount} with its currency in place of {@code amountWan} /
 * {@code amountUsdWan}), proved on the running system against stored JSON of the old revision: two revision-1 rows
 * are written straight into {@code domain_event_entry} after the project's signing, as a store written before the
 * change holds them (hash chain included). The
 * command side still loads the aggregate (a new arrival is numbered after them; a correction knows which one was
 * foreign), the query side projects them, and the old rows stay as they were.
 */
class EventEvolutionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNDS_ARRIVED = "org.luodi.events.FundsArrived";
    private final RunningLuodi luodi = Fixture.get().luodi;

    @Test
    void revisionOneFundsArrivedStillLoadsAndProjects() throws Exception {
        // a project the command side has never seen (so nothing of it is cached), stored as before revision 2
        String project = UUID.randomUUID().toString();
        String signed = insert(project, 0, "org.luodi.events.ProjectSigned", "1", """
                {"projectId":"%s","name":"老版本到位资金项目","investor":"某外资公司","township":"gaoxin",\
                "industryChain":"new-materials","industrial":true,"contractAmountWan":15000,"sourceRegion":"FOREIGN",\
                "signedOn":"2024-05-20","introducedBy":null}""".formatted(project), "");
        String first = insert(project, 1, FUNDS_ARRIVED, "1", """
                {"projectId":"%s","arrivalNo":1,"arrivedOn":"2024-06-10","source":"IN_PROVINCE","amountWan":300.25,\
                "amountUsdWan":null}""".formatted(project), signed);
        insert(project, 2, FUNDS_ARRIVED, "1", """
                {"projectId":"%s","arrivalNo":2,"arrivedOn":"2024-06-20","source":"FOREIGN","amountWan":null,\
                "amountUsdWan":80}""".formatted(project), first);

        // the command side loads the aggregate through the upcaster: the next arrival is the third
        assertThat(post(project, "/funds", "{\"arrivedOn\":\"2024-07-01\",\"source\":\"OUT_OF_PROVINCE\",\"amountWan\":1000}")
                .status()).isEqualTo(200);
        JsonNode third = storedPayload(project, 3);
        assertThat(third.get("arrivalNo").asInt()).isEqualTo(3);
        assertThat(third.get("amount").get("wan").decimalValue()).isEqualByComparingTo("1000");
        assertThat(third.get("amount").get("currency").asText()).isEqualTo("CNY");
        assertThat(third.has("amountWan")).as("revision 2 has no amountWan").isFalse();
        assertThat(storedRevision(project, 3)).isEqualTo("2");
        // … and knows arrival 2 came in 万美元, arrival 1 in 万元
        assertThat(post(project, "/corrections",
                "{\"milestone\":\"FUNDS\",\"arrivalNo\":2,\"amountUsdWan\":85,\"reason\":\"外资到位金额更正\"}").status())
                .isEqualTo(200);
        assertThat(post(project, "/corrections",
                "{\"milestone\":\"FUNDS\",\"arrivalNo\":1,\"amountUsdWan\":85,\"reason\":\"内资不能按美元更正\"}").status())
                .isEqualTo(400);

        // the query side projected the old rows in the new shape
        JsonNode history = Fixture.get().awaitHistory(project, 5);
        JsonNode firstArrival = history.get("events").get(1);
        assertThat(firstArrival.get("type").asText()).isEqualTo("FundsArrived");
        assertThat(firstArrival.get("data").get("amount").get("wan").decimalValue()).isEqualByComparingTo("300.25");
        assertThat(firstArrival.get("data").get("amount").get("currency").asText()).isEqualTo("CNY");
        assertThat(history.get("events").get(2).get("data").get("amount").get("currency").asText()).isEqualTo("USD");

        JsonNode view = awaitView(project, v -> v.get("funds").size() == 3
                && v.get("funds").get(1).get("amountUsdWan").decimalValue().compareTo(new java.math.BigDecimal("85")) == 0);
        JsonNode funds = view.get("funds");
        assertThat(funds).hasSize(3);
        assertThat(funds.get(0).get("amountWan").decimalValue()).isEqualByComparingTo("300.25");
        assertThat(funds.get(0).get("amountUsdWan").isNull()).isTrue();
        assertThat(funds.get(1).get("source").asText()).isEqualTo("FOREIGN");
        assertThat(funds.get(1).get("amountUsdWan").decimalValue()).isEqualByComparingTo("85");
        assertThat(view.get("fundTotals").get("domesticWan").decimalValue()).isEqualByComparingTo("1300.25");
        assertThat(view.get("fundTotals").get("outOfProvinceWan").decimalValue()).isEqualByComparingTo("1000");
        assertThat(view.get("fundTotals").get("foreignUsdWan").decimalValue()).isEqualByComparingTo("85");

        // the tamper check still finds this project's chain sound, old rows and new alike
        JsonNode verified = JSON.readTree(Http.get(luodi.queryUrl() + "/api/audit/verify", Http.demo("supervisor")).body());
        assertThat(verified.get("problems").findValuesAsText("projectId")).doesNotContain(project);

        // nothing in the append-only store was rewritten
        assertThat(storedRevision(project, 1)).isEqualTo("1");
        assertThat(storedPayload(project, 1).get("amountWan").decimalValue()).isEqualByComparingTo("300.25");
    }

    private Http.Answer post(String project, String suffix, String body) {
        return Http.postJson(luodi.commandUrl() + "/api/projects/" + project + suffix, Http.demo("gaoxin"), body);
    }

    /**
     * A row exactly as the command side wrote it before revision 2: who/when/why metadata and its link in the
     * project's hash chain (so the tamper check sees a sound history). Returns the row's hash.
     */
    private String insert(String project, long sequence, String type, String revision, String payload,
                          String previousHash) throws Exception {
        Instant recordedAt = Instant.now();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("actor", "gaoxin");
        meta.put("role", "CLERK");
        meta.put("township", "gaoxin");
        meta.put("recordedAt", recordedAt.toString());
        meta.put("idempotencyKey", null);
        meta.put("reason", null);
        byte[] payloadBytes = payload.getBytes(StandardCharsets.UTF_8);
        String hash = EventHash.of(previousHash, project, sequence, type, revision, payloadBytes, meta);
        meta.put(EventHash.PREVIOUS, previousHash);
        meta.put(EventHash.HASH, hash);
        try (Connection c = luodi.sql(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'InvestmentProject', ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, project);
            insert.setLong(2, sequence);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, JSON.writeValueAsBytes(meta));
            insert.setBytes(5, payloadBytes);
            insert.setString(6, revision);
            insert.setString(7, type);
            insert.setString(8, recordedAt.toString());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return hash;
    }

    private JsonNode storedPayload(String project, long sequence) throws Exception {
        return JSON.readTree(stored(project, sequence, "convert_from(payload, 'UTF8')"));
    }

    private String storedRevision(String project, long sequence) throws Exception {
        return stored(project, sequence, "payload_revision");
    }

    private String stored(String project, long sequence, String column) throws Exception {
        try (Connection c = luodi.sql(); PreparedStatement select = c.prepareStatement("SELECT " + column
                + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?")) {
            select.setString(1, project);
            select.setLong(2, sequence);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("event %d of %s", sequence, project).isTrue();
                return rs.getString(1);
            }
        }
    }

    /**
     * The project view once it satisfies {@code seen}: project-versions is a read model of its own, so having seen
     * the events in the history (project-history) does not mean the view has them yet.
     */
    private JsonNode awaitView(String project, java.util.function.Predicate<JsonNode> seen) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            JsonNode view = JSON.readTree(Http.get(luodi.queryUrl() + "/api/projects/" + project, Http.demo("gaoxin"))
                    .body());
            if (seen.test(view) || System.nanoTime() > deadline) {
                return view;
            }
            Thread.sleep(100);
        }
    }
}
