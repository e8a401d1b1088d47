package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a command leaves in domain_event_entry, read back with SQL: the payload format every reader depends on, and
 * the who/when/why metadata SPEC §2 requires on every event.
 */
class StoredEventsApiTest extends CommandSideApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Noon of {@link #TODAY} in Shanghai, from the fixed test clock. */
    private static final String RECORDED_AT = "2024-12-31T04:00:00Z";

    /**
     * Pinned to the character: the query side, the history API and every future upcaster read this. A change of
     * Jackson settings (scientific notation, dates as numbers, a dropped null) must fail here first.
     */
    @Test
    void aSigningIsStoredAsExactlyThisJson() {
        String id = UUID.randomUUID().toString();
        assertThat(gaoxin.post("/api/projects", signing(id)).status()).isEqualTo(201);
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT convert_from(payload, 'UTF8') AS payload, payload_type, payload_revision, type, sequence_number
                FROM domain_event_entry WHERE aggregate_identifier = ?""", id);
        assertThat(row.get("payload")).isEqualTo("{\"projectId\":\"" + id + "\",\"name\":\"光谷智能装备产业园\","
                + "\"investor\":\"武汉某公司\",\"township\":\"gaoxin\",\"industryChain\":\"smart-equipment\","
                + "\"industrial\":true,\"contractAmountWan\":12000.50,\"sourceRegion\":\"OUT_OF_PROVINCE\","
                + "\"signedOn\":\"2024-03-15\",\"introducedBy\":null,\"introducedByText\":null,"
                + "\"plannedInvestmentWan\":null,\"types\":[],\"investorCategories\":[],\"leadId\":null,\"creditedLeadUnits\":[]}");
        assertThat(row.get("payload_type")).isEqualTo("org.luodi.events.ProjectSigned");
        assertThat(row.get("payload_revision")).isEqualTo("4");
        assertThat(row.get("type")).isEqualTo("InvestmentProject");
        assertThat(((Number) row.get("sequence_number")).longValue()).isZero();
    }

    @Test
    void aClerksEventCarriesActorRoleTownshipTimeAndKey() throws Exception {
        String key = "sign-" + UUID.randomUUID();
        String id = gaoxin.post("/api/projects", signing(null), key).projectId();
        JsonNode meta = metaData(id).get(0);
        assertThat(meta.path("actor").asText()).isEqualTo("gaoxin");
        assertThat(meta.path("role").asText()).isEqualTo("CLERK");
        assertThat(meta.path("township").asText()).isEqualTo("gaoxin");
        assertThat(meta.path("recordedAt").asText()).isEqualTo(RECORDED_AT);
        assertThat(meta.path("idempotencyKey").asText()).isEqualTo(key);
        // present though empty: a reader can tell "no reason given" from "metadata missing"
        assertThat(meta.has("reason")).isTrue();
        assertThat(meta.get("reason").isNull()).isTrue();
        // the claim of the key (fingerprint, stored answer) is the command's business, not the event's
        assertThat(meta.fieldNames()).toIterable().noneMatch(name -> name.startsWith("idempotency."));
    }

    @Test
    void aSupervisorsEventCarriesTheReasonAndNoTownship() throws Exception {
        String id = signGaoxinProject();
        ApiClient.Answer voided = supervisor.post("/api/projects/" + id + "/void", """
                {"reason":"重复录入的项目"}""");
        assertThat(voided.status()).isEqualTo(200);
        JsonNode meta = metaData(id).get(1);
        assertThat(meta.path("actor").asText()).isEqualTo("supervisor");
        assertThat(meta.path("role").asText()).isEqualTo("SUPERVISOR");
        assertThat(meta.has("township")).isTrue();
        assertThat(meta.get("township").isNull()).isTrue();
        assertThat(meta.path("reason").asText()).isEqualTo("重复录入的项目");
        assertThat(meta.path("recordedAt").asText()).isEqualTo(RECORDED_AT);
        assertThat(meta.has("idempotencyKey")).isTrue();
        assertThat(meta.get("idempotencyKey").isNull()).isTrue();
    }

    @Test
    void aTerminationsReasonIsInItsMetadataToo() throws Exception {
        String id = signGaoxinProject();
        assertThat(gaoxin.post("/api/projects/" + id + "/termination", """
                {"terminatedOn":"2024-09-30","reason":"投资方资金链断裂"}""").status()).isEqualTo(200);
        assertThat(metaData(id).get(1).path("reason").asText()).isEqualTo("投资方资金链断裂");
    }

    /** The metadata of a project's events, oldest first. */
    private List<JsonNode> metaData(String projectId) throws Exception {
        List<String> rows = jdbc.queryForList("""
                SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, projectId);
        List<JsonNode> parsed = new ArrayList<>();
        for (String row : rows) {
            parsed.add(JSON.readTree(row));
        }
        return parsed;
    }
}
