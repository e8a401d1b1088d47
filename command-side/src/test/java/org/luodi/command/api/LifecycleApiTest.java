package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.luodi.events.CreditCode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command endpoint of SPEC §7 answered by the running app, each leaving its one event, in order. */
class LifecycleApiTest extends CommandSideApiTest {

    @Test
    void aProjectFromSigningToProductionWithFundsACorrectionAndARetraction() {
        ApiClient.Answer signed = gaoxin.post("/api/projects", signing(null));
        assertThat(signed.status()).isEqualTo(201);
        String id = signed.projectId();
        assertThat(id).matches("[0-9a-f-]{36}");
        String project = "/api/projects/" + id;

        ok(gaoxin.post(project + "/registration", """
                {"registeredOn":"2024-04-02","companyName":"大冶光谷智能装备有限公司",
                 "creditCode":"%s","foreignInvested":true,"exportOriented":true}""".formatted(validCreditCode())), id);
        ok(gaoxin.post(project + "/start", """
                {"startedOn":"2024-05-01","kind":"NEW"}"""), id);
        ok(gaoxin.post(project + "/storage", """
                {"storedOn":"2024-06-10","plannedInvestmentWan":15000.00}"""), id);
        ok(gaoxin.post(project + "/funds", """
                {"arrivedOn":"2024-06-20","source":"OUT_OF_PROVINCE","amountWan":3000.75}"""), id);
        ok(gaoxin.post(project + "/funds", """
                {"arrivedOn":"2024-07-01","source":"FOREIGN","amountUsdWan":80}"""), id);
        ok(gaoxin.post(project + "/production", """
                {"productionOn":"2024-11-18"}"""), id);
        ok(gaoxin.post(project + "/corrections", """
                {"milestone":"FUNDS","arrivalNo":1,"amountWan":3100,"reason":"银行回单金额录错"}"""), id);
        ok(supervisor.post(project + "/retractions", """
                {"milestone":"FUNDS","arrivalNo":2,"reason":"外资到位凭证不符"}"""), id);

        assertThat(eventTypes(id)).containsExactly("ProjectSigned", "CompanyRegistered", "ConstructionStarted",
                "ProjectStored", "FundsArrived", "FundsArrived", "ProductionStarted", "MilestoneCorrected",
                "MilestoneRetracted");
        assertThat(jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8')::jsonb ->> 'exportOriented' FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number = 1""", String.class, id)).isEqualTo("true");
    }

    @Test
    void aProjectTerminatedThenVoided() {
        String id = signGaoxinProject();
        ok(gaoxin.post("/api/projects/" + id + "/termination", """
                {"terminatedOn":"2024-09-30","reason":"投资方资金链断裂"}"""), id);
        ok(supervisor.post("/api/projects/" + id + "/void", """
                {"reason":"重复录入的项目"}"""), id);
        assertThat(eventTypes(id)).containsExactly("ProjectSigned", "ProjectTerminated", "ProjectVoided");
    }

    @Test
    void aProjectCreditedAtSigningAndCorrectedLaterBySupervisors() {
        ApiClient.Answer signed = gaoxin.post("/api/projects", signing(null).replace("\"signedOn\"",
                "\"introducedBy\":\"dept38\",\"signedOn\""));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String id = signed.projectId();
        String credit = "/api/projects/" + id + "/credit";

        JsonNode unknown = refused(400, () -> supervisor.post(credit, """
                {"department":"市商务局","reason":"按名称填写"}"""));
        assertThat(unknown.at("/errors/0/field").asText()).isEqualTo("department");
        refused(403, () -> gaoxin.post(credit, """
                {"department":"dept01","reason":"乡镇自行更正"}"""));
        ok(supervisor.post(credit, """
                {"department":"dept01","reason":"经核实由市委办公室引荐"}"""), id);
        ok(supervisor.post(credit, """
                {"department":null,"reason":"不计入部门"}"""), id);

        assertThat(eventTypes(id)).containsExactly("ProjectSigned", "CreditCorrected", "CreditCorrected");
        assertThat(jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, id))
                .satisfiesExactly(s -> assertThat(s).contains("\"introducedBy\":\"dept38\""),
                        s -> assertThat(s).contains("\"department\":\"dept01\""),
                        s -> assertThat(s).contains("\"department\":null"));
    }

    @Test
    void aProjectSignedWithItsPlanAndTypesThenCorrectedAndMovedByASupervisor() {
        ApiClient.Answer signed = gaoxin.post("/api/projects", signing(null).replace("\"signedOn\"",
                "\"plannedInvestmentWan\":30000,\"types\":[\"TECHNICAL_UPGRADE\"],"
                        + "\"investorCategories\":[\"LISTED\",\"GLOBAL_500\"],\"signedOn\""));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String id = signed.projectId();
        String attributes = "/api/projects/" + id + "/attributes";

        JsonNode unknownType = refused(400, () -> supervisor.post(attributes, """
                {"types":["TECH_RENOVATION"],"reason":"类型填错"}"""));
        assertThat(unknownType.path("code").asText()).isEqualTo("request.invalid");
        assertThat(fields(refused(400, () -> supervisor.post(attributes, """
                {"industryChain":"smart-equipment","contractAmountWan":12000.5,"reason":"核对无误"}"""))))
                .as("a body that changes nothing").containsExactly((String) null);
        refused(403, () -> gaoxin.post(attributes, """
                {"township":"chengui","reason":"项目实际落在陈贵镇"}"""));
        refused(403, () -> chengui.post(attributes, """
                {"name":"改名","reason":"陈贵镇自行更正"}"""));
        ok(gaoxin.post(attributes, """
                {"name":"光谷智能装备产业园（一期）","types":[],"reason":"名称以合同为准"}"""), id);
        ok(supervisor.post(attributes, """
                {"township":"chengui","contractAmountWan":13000,"reason":"项目实际落在陈贵镇"}"""), id);
        // from now on the project is 陈贵镇's
        refused(403, () -> gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-05-01","kind":"NEW"}"""));
        ok(chengui.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-05-01","kind":"NEW"}"""), id);

        assertThat(eventTypes(id)).containsExactly("ProjectSigned", "AttributesCorrected", "AttributesCorrected",
                "ConstructionStarted");
        List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", String.class, id);
        assertThat(payloads.get(0)).contains("\"plannedInvestmentWan\":30000")
                .contains("\"types\":[\"TECHNICAL_UPGRADE\"]")
                .contains("\"investorCategories\":[\"GLOBAL_500\",\"LISTED\"]");
        assertThat(payloads.get(2)).contains("\"before\":{\"name\":\"光谷智能装备产业园（一期）\",\"investor\"")
                .contains("\"township\":\"gaoxin\"").contains("\"township\":\"chengui\"")
                .contains("\"contractAmountWan\":13000");
        assertThat(jdbc.queryForObject("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", String.class, id)).isEqualTo("4");
    }

    private static void ok(ApiClient.Answer answer, String projectId) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.projectId()).isEqualTo(projectId);
    }

    private static String validCreditCode() {
        String first17 = "91420281MA4F0A0A0";
        return first17 + CreditCode.checkCharacter(first17);
    }

    private List<String> eventTypes(String projectId) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, projectId);
    }
}
