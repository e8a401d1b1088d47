package org.luodi.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.events.SourceRegion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records {@link DemoYear} through the real command API: every project by its own township's clerk (its 包保 by the
 * supervisor), each command with an Idempotency-Key, so loading twice writes nothing new.
 */
public final class DemoData {
    private final String commandUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private int written;

    public DemoData(String commandUrl) {
        this.commandUrl = commandUrl;
    }

    /** What has been recorded so far: projects done of all. */
    public interface Progress {
        void done(int projects, int of);
    }

    /** Records the whole year; returns how many commands the API accepted (replays included). */
    public int load(Progress progress) throws IOException, InterruptedException {
        List<DemoYear.Project> projects = DemoYear.projects();
        for (int i = 0; i < projects.size(); i++) {
            record(projects.get(i));
            progress.done(i + 1, projects.size());
        }
        for (DemoLeads.OpenLead lead : DemoLeads.others(projects)) {
            recordOpen(lead);
        }
        return written;
    }

    private void record(DemoYear.Project p) throws IOException, InterruptedException {
        String id = p.projectId();
        String clerk = p.township();
        ProjectProfile profile = p.profile();
        Map<String, Object> signing = new LinkedHashMap<>();
        signing.put("projectId", id);
        signing.put("name", profile.name());
        signing.put("investor", profile.investor());
        signing.put("township", p.township());
        signing.put("industryChain", profile.chain());
        signing.put("industrial", profile.industrial());
        signing.put("contractAmountWan", profile.contractAmountWan());
        signing.put("sourceRegion", profile.sourceRegion().name());
        signing.put("signedOn", p.signedOn().toString());
        if (profile.introducedBy() != null) {
            signing.put("introducedBy", profile.introducedBy());
        }
        if (profile.plannedAtSigningWan() != null) {
            signing.put("plannedInvestmentWan", profile.plannedAtSigningWan());
        }
        signing.put("types", profile.types());
        signing.put("investorCategories", profile.investorCategories());
        if (DemoLeads.signsFromLead(p)) {
            signing.put("leadId", recordLeadOf(p));
        }
        post(clerk, "/api/projects", signing, id + "-sign");
        if (p.leader() != null) {
            post("supervisor", "/api/projects/" + id + "/patronage", Map.of("leader", p.leader(),
                    "serviceTeam", p.serviceTeam(), "reason", "十亿元以上重点项目，实行市领导包保"), id + "-patronage");
        }
        if (p.registeredOn() != null) {
            post(clerk, "/api/projects/" + id + "/registration", Map.of(
                    "registeredOn", p.registeredOn().toString(), "companyName", profile.companyName(),
                    "creditCode", p.creditCode(),
                    "foreignInvested", profile.sourceRegion() == SourceRegion.FOREIGN,
                    // 外向型: foreign investors' companies and one in four industrial others, by the project's id
                    "exportOriented", profile.sourceRegion() == SourceRegion.FOREIGN
                            || profile.industrial() && Math.floorMod(id.hashCode(), 4) == 0), id + "-register");
        }
        if (p.startedOn() != null) {
            post(clerk, "/api/projects/" + id + "/start", Map.of("startedOn", p.startedOn().toString(),
                    "kind", p.resumed() ? "RESUMED" : "NEW"), id + "-start");
        }
        if (p.storedOn() != null) {
            post(clerk, "/api/projects/" + id + "/storage", Map.of("storedOn", p.storedOn().toString(),
                    "plannedInvestmentWan", p.plannedInvestmentWan()), id + "-store");
        }
        if (p.productionOn() != null) {
            post(clerk, "/api/projects/" + id + "/production", Map.of("productionOn", p.productionOn().toString()),
                    id + "-produce");
        }
        for (int a = 0; a < p.arrivals().size(); a++) {
            DemoYear.Arrival arrival = p.arrivals().get(a);
            boolean foreign = arrival.source() == SourceRegion.FOREIGN;
            post(clerk, "/api/projects/" + id + "/funds", Map.of("arrivedOn", arrival.arrivedOn().toString(),
                    "source", arrival.source().name(), foreign ? "amountUsdWan" : "amountWan", arrival.amount()),
                    id + "-funds-" + a);
        }
        if (p.terminatedOn() != null) {
            post(clerk, "/api/projects/" + id + "/termination", Map.of("terminatedOn", p.terminatedOn().toString(),
                    "reason", p.terminationReason()), id + "-terminate");
        }
    }

    /** The lead the project was first: reported two months before the signing, in talks a month before. */
    private String recordLeadOf(DemoYear.Project p) throws IOException, InterruptedException {
        String lead = DemoLeads.leadId(p.projectId());
        LocalDate signedOn = p.signedOn();
        report(lead, p.township(), p.profile(), signedOn.minusDays(60));
        step(p.township(), lead, "assessment", Map.of("conclusion", "符合产业链招商方向，建议跟进",
                "on", signedOn.minusDays(50).toString()));
        step(p.township(), lead, "negotiation", Map.of("firstTalkOn", signedOn.minusDays(35).toString(),
                "ledBy", "乡镇主要负责人"));
        if (DemoLeads.needsContractReview(p)) {
            step("supervisor", lead, "review", Map.of("kind", "CONTRACT_REVIEW", "passed", true,
                    "opinion", "市政府常务会议审议通过", "on", signedOn.minusDays(10).toString()));
        }
        return lead;
    }

    /** Where the demo's domestic leads came from: 以商招商 one in three, as the seeds' targets (200 of 600 条) ask. */
    private static final List<String> SOURCES = List.of("BUSINESS_REFERRAL", "CHAMBER", "ROADSHOW");
    private static final List<String> ABANDON_REASONS = List.of("企业投资意向转向外地", "用地指标无法满足",
            "企业资金链紧张，暂无投资计划", "能耗指标不符合准入要求");

    /** A lead that did not sign (yet): in talks, assessed, or given up. */
    private void recordOpen(DemoLeads.OpenLead lead) throws IOException, InterruptedException {
        report(lead.leadId(), lead.township(), lead.profile(), lead.reportedOn());
        LocalDate assessedOn = lead.reportedOn().plusDays(3);
        step(lead.township(), lead.leadId(), "assessment", Map.of("conclusion",
                lead.fate() == DemoLeads.Fate.ABANDONED ? "用地需求与园区规划不符" : "符合产业链招商方向，建议跟进",
                "on", assessedOn.toString()));
        switch (lead.fate()) {
            case IN_TALKS -> step(lead.township(), lead.leadId(), "negotiation", Map.of(
                    "firstTalkOn", assessedOn.plusDays(7).toString(), "ledBy", "乡镇主要负责人"));
            case ABANDONED -> step(lead.township(), lead.leadId(), "abandonment", Map.of(
                    "reason", ABANDON_REASONS.get(Math.floorMod(lead.leadId().hashCode(), ABANDON_REASONS.size()))));
            case ASSESSED -> {
            }
        }
    }

    private void report(String leadId, String township, ProjectProfile profile, LocalDate on)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadId", leadId);
        body.put("investor", profile.investor());
        body.put("project", profile.name());
        body.put("expectedAmountWan", profile.contractAmountWan());
        body.put("source", profile.sourceRegion() == SourceRegion.FOREIGN ? "FOREIGN"
                : SOURCES.get(Math.floorMod(leadId.hashCode(), SOURCES.size())));
        body.put("on", on.toString());
        post(township, "/api/leads", body, leadId + "-report");
    }

    private void step(String user, String leadId, String action, Map<String, Object> body)
            throws IOException, InterruptedException {
        post(user, "/api/leads/" + leadId + "/" + action, body, leadId + "-" + action);
    }

    /** POSTs as a demo account ({@code user} is also its password): a township's clerk, or the supervisor. */
    private void post(String user, String path, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(commandUrl + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + credentials)
                .header("Idempotency-Key", "demo-" + idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("demo command " + path + " refused: " + response.statusCode() + " "
                    + response.body());
        }
        written++;
    }
}
