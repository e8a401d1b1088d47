package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The done-when of #20 on the running command side: a duplicate report is caught at entry and resolved by a
 * supervisor, the credit kept by the first reporter; a lead in talks becomes a signed project whose ProjectSigned
 * carries the lead and its credited units, in one transaction with the lead's LeadSigned; signing refuses a lead that
 * is not in talks, not reviewed where its amount asks for it, another township's, or none.
 */
class LeadConversionApiTest extends CommandSideApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDuplicateIsCaughtResolvedAndTheFirstReporterKeepsTheCreditWhenItSigns() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 6);
        String earlier = record(chengui, "湖北铜都" + mark + "新材料有限公司", "高纯铜箔项目", 20000, null);
        String later = record(gaoxin, "湖北 铜都" + mark + "新材料 有限责任公司", "高纯铜箔生产线项目", 20000, null);
        JsonNode recorded = payload(later, 0);
        assertThat(recorded.path("possibleDuplicates")).hasSize(1);
        assertThat(recorded.at("/possibleDuplicates/0/leadId").asText()).isEqualTo(earlier);
        assertThat(recorded.at("/possibleDuplicates/0/unit").asText()).isEqualTo("chengui");
        assertThat(payload(earlier, 0).path("possibleDuplicates")).isEmpty();

        refused(403, () -> gaoxin.post("/api/leads/" + later + "/first-report", """
                {"firstLeadId":"%s","reason":"自认首报"}""".formatted(later)));
        ok(supervisor.post("/api/leads/" + later + "/first-report", """
                {"firstLeadId":"%s","reason":"陈贵镇 5 月已报送并对接，有会议纪要"}""".formatted(earlier)));
        ok(gaoxin.post("/api/leads/" + later + "/assessment", """
                {"conclusion":"符合铜基新材料产业链","on":"2024-06-03"}"""));
        ok(gaoxin.post("/api/leads/" + later + "/negotiation", """
                {"firstTalkOn":"2024-06-20","ledBy":"市委书记"}"""));

        var signed = gaoxin.post("/api/projects", signingWithLead(later, "2024-08-01", 18000));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        String project = signed.projectId();
        JsonNode projectSigned = payload(project, 0);
        assertThat(projectSigned.path("leadId").asText()).isEqualTo(later);
        assertThat(projectSigned.path("creditedLeadUnits").toString()).isEqualTo("[\"chengui\"]");
        assertThat(types(later)).containsExactly("LeadRecorded", "LeadFirstReportConfirmed", "LeadAssessed",
                "LeadNegotiationStarted", "LeadSigned");
        JsonNode leadSigned = payload(later, 4);
        assertThat(leadSigned.path("projectId").asText()).isEqualTo(project);
        assertThat(leadSigned.path("creditedUnits").toString()).isEqualTo("[\"chengui\"]");
        // one transaction: the two events are neighbours in the store's order
        assertThat(jdbc.queryForObject("SELECT (SELECT global_index FROM domain_event_entry WHERE "
                + "aggregate_identifier = ? AND sequence_number = 0) - (SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 4)", Long.class, project, later)).isEqualTo(1L);

        // closed: nothing more happens to it, nor can it sign twice
        assertThat(refused(409, () -> gaoxin.post("/api/leads/" + later + "/abandonment", """
                {"reason":"再放弃"}""")).path("code").asText()).isEqualTo("lead.closed");
        assertThat(refused(409, () -> gaoxin.post("/api/projects", signingWithLead(later, "2024-08-02", 100)))
                .path("code").asText()).isEqualTo("lead.closed");
    }

    /** Two units report one investor at the same moment: the one recorded second is flagged with the first. */
    @Test
    void simultaneousReportsOfOneInvestorStillCatchTheDuplicate() throws Exception {
        for (int round = 0; round < 5; round++) {
            String investor = "大冶同时" + UUID.randomUUID().toString().substring(0, 6) + "科技有限公司";
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = two.submit(() -> {
                    start.await();
                    return record(chengui, investor, "智能装备项目", 8000, null);
                });
                var second = two.submit(() -> {
                    start.await();
                    return record(gaoxin, investor, "智能装备项目", 8000, null);
                });
                List<String> leads = List.of(first.get(), second.get());
                List<Integer> flagged = leads.stream().map(lead -> payload(lead, 0).path("possibleDuplicates").size())
                        .toList();
                assertThat(flagged).as("round " + round).containsExactlyInAnyOrder(0, 1);
            } finally {
                two.shutdownNow();
            }
        }
    }

    @Test
    void signingRefusesLeadsNotReadyOrNotItsOwn() {
        String fresh = record(gaoxin, "某" + UUID.randomUUID() + "公司", "物流园", 3000, null);
        assertThat(refused(409, () -> gaoxin.post("/api/projects", signingWithLead(fresh, "2024-08-01", 3000)))
                .path("code").asText()).isEqualTo("lead.out-of-order");
        assertThat(refused(403, () -> chengui.post("/api/projects", signingWithLead(fresh, "2024-08-01", 3000)
                .replace("\"gaoxin\"", "\"chengui\""))).path("code").asText()).isEqualTo("access.denied");
        assertThat(refused(404, () -> gaoxin.post("/api/projects", signingWithLead(UUID.randomUUID().toString(),
                "2024-08-01", 3000))).path("code").asText()).isEqualTo("lead.not-found");
        assertThat(fields(refused(400, () -> gaoxin.post("/api/projects",
                signingWithLead("not-a-lead", "2024-08-01", 3000))))).containsExactly("leadId");

        // 5亿 and more: signs only after a passed 签约前评审 (三重一大)
        String large = record(gaoxin, "某" + UUID.randomUUID() + "央企", "新能源基地", 50000, null);
        ok(gaoxin.post("/api/leads/" + large + "/assessment", "{\"conclusion\":\"跟进\",\"on\":\"2024-05-01\"}"));
        ok(gaoxin.post("/api/leads/" + large + "/negotiation", "{\"firstTalkOn\":\"2024-05-10\",\"ledBy\":\"市长\"}"));
        ok(gaoxin.post("/api/leads/" + large + "/review",
                "{\"kind\":\"PRE_REVIEW\",\"passed\":true,\"opinion\":\"入园预审通过\",\"on\":\"2024-06-01\"}"));
        assertThat(refused(409, () -> gaoxin.post("/api/projects", signingWithLead(large, "2024-08-01", 48000)))
                .path("code").asText()).isEqualTo("lead.review-required");
        ok(supervisor.post("/api/leads/" + large + "/review",
                "{\"kind\":\"CONTRACT_REVIEW\",\"passed\":true,\"opinion\":\"市政府常务会议审议通过\",\"on\":\"2024-07-01\"}"));
        var signed = gaoxin.post("/api/projects", signingWithLead(large, "2024-08-01", 48000));
        assertThat(signed.status()).as(signed.body()).isEqualTo(201);
        assertThat(payload(signed.projectId(), 0).path("creditedLeadUnits").toString()).isEqualTo("[\"gaoxin\"]");
    }

    @Test
    void aRefusedReportLeavesNoTraceInTheLookupTable() {
        long rows = jdbc.queryForObject("SELECT count(*) FROM lead_investor", Long.class);
        refused(400, () -> gaoxin.post("/api/leads", "{\"investor\":\"某公司\",\"project\":\" \","
                + "\"expectedAmountWan\":100,\"source\":\"AGENCY\"}"));
        refused(403, () -> gaoxin.post("/api/leads", "{\"investor\":\"某公司\",\"project\":\"厂\","
                + "\"expectedAmountWan\":100,\"source\":\"AGENCY\",\"township\":\"chengui\"}"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_investor", Long.class)).isEqualTo(rows);
        String id = UUID.randomUUID().toString();
        assertThat(gaoxin.post("/api/leads", "{\"leadId\":\"" + id + "\",\"investor\":\"某公司\",\"project\":\"厂\","
                + "\"expectedAmountWan\":100,\"source\":\"AGENCY\"}").status()).isEqualTo(201);
        assertThat(refused(409, () -> gaoxin.post("/api/leads", "{\"leadId\":\"" + id + "\",\"investor\":\"某公司\","
                + "\"project\":\"厂\",\"expectedAmountWan\":100,\"source\":\"AGENCY\"}")).path("code").asText())
                .isEqualTo("lead.exists");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_investor", Long.class)).isEqualTo(rows + 1);
    }

    private String record(ApiClient who, String investor, String project, int wan,
                          String township) {
        var answer = who.post("/api/leads", """
                {"investor":"%s","project":"%s","expectedAmountWan":%d,"source":"BUSINESS_REFERRAL",
                 "targetCompanies":["大冶有色"],"on":"2024-04-01"%s}""".formatted(investor, project, wan,
                township == null ? "" : ",\"township\":\"" + township + "\""));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("leadId").asText();
    }

    private static String signingWithLead(String leadId, String signedOn, int wan) {
        return """
                {"name":"线索转化项目","investor":"湖北铜都新材料有限公司","township":"gaoxin",
                 "industryChain":"new-materials","industrial":true,"contractAmountWan":%d,
                 "sourceRegion":"IN_PROVINCE","signedOn":"%s","leadId":"%s"}""".formatted(wan, signedOn, leadId);
    }

    private void ok(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private List<String> types(String aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, aggregate).stream()
                .map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }

    private JsonNode payload(String aggregate, int sequence) {
        try {
            return JSON.readTree(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND sequence_number = ?", String.class, aggregate, sequence));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
