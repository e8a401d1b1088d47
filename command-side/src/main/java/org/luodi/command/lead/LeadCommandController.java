package org.luodi.command.lead;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.command.api.AggregateCalls;
import org.luodi.command.api.IdempotentCommands;
import org.luodi.command.lead.LeadCommands.AbandonLead;
import org.luodi.command.lead.LeadCommands.AssessLead;
import org.luodi.command.lead.LeadCommands.ConfirmFirstReport;
import org.luodi.command.lead.LeadCommands.CorrectLeadDate;
import org.luodi.command.lead.LeadCommands.RecordLead;
import org.luodi.command.lead.LeadCommands.ReportProgress;
import org.luodi.command.lead.LeadCommands.ResumeLead;
import org.luodi.command.lead.LeadCommands.ReviewLead;
import org.luodi.command.lead.LeadCommands.StartNegotiation;
import org.luodi.command.lead.LeadCommands.SuspendLead;
import org.luodi.events.LeadSource;
import org.luodi.events.ReviewKind;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The leads' commands over HTTP: translates each POST into a command, nothing more. {@link Lead} decides. */
@RestController
@RequestMapping("/api/leads")
public class LeadCommandController {
    private static final AggregateCalls.Kind KIND = new AggregateCalls.Kind(NotFoundException.Kind.LEAD,
            ErrorCode.LEAD_EXISTS, "leadId", "该项目线索编号已存在");
    private static final String KEY = "Idempotency-Key";

    private final IdempotentCommands commands;

    public LeadCommandController(IdempotentCommands commands) {
        this.commands = commands;
    }

    public record RecordRequest(String leadId, String investor, String creditCode, String project,
                                BigDecimal expectedAmountWan, List<String> targetCompanies, LeadSource source,
                                String township, LocalDate on) {
    }

    public record AssessmentRequest(String conclusion, LocalDate on) {
    }

    public record NegotiationRequest(LocalDate firstTalkOn, String ledBy) {
    }

    public record ReviewRequest(ReviewKind kind, Boolean passed, String opinion, LocalDate on) {
    }

    public record ProgressRequest(String progress, LocalDate on) {
    }

    public record FirstReportRequest(String firstLeadId, String reason) {
    }

    public record ReasonRequest(String reason) {
    }

    public record DateCorrectionRequest(String step, LocalDate date, String reason) {
    }

    @Operation(summary = "Report a lead (报送项目信息)",
            description = "By a township's clerk, a department or a supervisor (for the 市招商服务中心); the unit is the "
                    + "caller's. source one of BUSINESS_REFERRAL (以商招商), CHAMBER, AGENCY, ROADSHOW, ONLINE, FOREIGN, "
                    + "OTHER; on (default today) not in the future. An investor already reported by another unit (same "
                    + "credit code, or same normalised name and a like project) is recorded with possibleDuplicates. "
                    + "201 with the leadId.")
    @PostMapping
    public ResponseEntity<Object> record(@RequestBody RecordRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String id = body.leadId() == null ? UUID.randomUUID().toString()
                : AggregateCalls.uuid(body.leadId(), "leadId");
        return KIND.once(id, () -> commands.send(key, "POST /api/leads", body,
                new RecordLead(id, body.investor(), body.creditCode(), body.project(), body.expectedAmountWan(),
                        body.targetCompanies(), body.source(), body.township(), body.on()), answer(id),
                HttpStatus.CREATED, null));
    }

    @Operation(summary = "Assess a lead (研判)", description = "With the conclusion; once, from 信息.")
    @PostMapping("/{id}/assessment")
    public ResponseEntity<Object> assess(@PathVariable String id, @RequestBody AssessmentRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "assessment", body, new AssessLead(leadId, body.conclusion(), body.on()), null);
    }

    @Operation(summary = "Record the first talk: the lead is in talks (首谈, 在谈)",
            description = "firstTalkOn (not before the 研判) and who led it (ledBy); once, from 研判.")
    @PostMapping("/{id}/negotiation")
    public ResponseEntity<Object> negotiate(@PathVariable String id, @RequestBody NegotiationRequest body,
                                            @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "negotiation", body, new StartNegotiation(leadId, body.firstTalkOn(), body.ledBy()),
                null);
    }

    @Operation(summary = "Record a review of a lead in talks (入园预审 / 签约前评审)",
            description = "kind PRE_REVIEW or CONTRACT_REVIEW, passed, opinion. A lead expected at 50,000 万元 or "
                    + "more signs only after a passed CONTRACT_REVIEW (三重一大).")
    @PostMapping("/{id}/review")
    public ResponseEntity<Object> review(@PathVariable String id, @RequestBody ReviewRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "review", body,
                new ReviewLead(leadId, body.kind(), body.passed(), body.opinion(), body.on()), null);
    }

    @Operation(summary = "Report progress on a lead (进展报告)", description = "Not on a paused or closed lead.")
    @PostMapping("/{id}/progress")
    public ResponseEntity<Object> progress(@PathVariable String id, @RequestBody ProgressRequest body,
                                           @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "progress", body, new ReportProgress(leadId, body.progress(), body.on()), null);
    }

    @Operation(summary = "Confirm which unit reported first (首报确认; supervisors)",
            description = "firstLeadId: this lead or one of its possibleDuplicates; that lead's unit is credited "
                    + "when this lead signs. With a reason (the evidence).")
    @PostMapping("/{id}/first-report")
    public ResponseEntity<Object> confirmFirst(@PathVariable String id, @RequestBody FirstReportRequest body,
                                               @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        String first = body.firstLeadId() == null ? null : AggregateCalls.uuid(body.firstLeadId(), "firstLeadId");
        return send(key, leadId, "first-report", body, new ConfirmFirstReport(leadId, first, body.reason()),
                body.reason());
    }

    @Operation(summary = "Pause a lead (暂缓)", description = "With a reason; it resumes at the stage it was at.")
    @PostMapping("/{id}/suspension")
    public ResponseEntity<Object> suspend(@PathVariable String id, @RequestBody ReasonRequest body,
                                          @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "suspension", body, new SuspendLead(leadId, body.reason()), body.reason());
    }

    @Operation(summary = "Resume a paused lead (恢复跟进)", description = "With a reason.")
    @PostMapping("/{id}/resumption")
    public ResponseEntity<Object> resume(@PathVariable String id, @RequestBody ReasonRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "resumption", body, new ResumeLead(leadId, body.reason()), body.reason());
    }

    @Operation(summary = "Abandon a lead (放弃)", description = "With a reason; nothing more happens to it.")
    @PostMapping("/{id}/abandonment")
    public ResponseEntity<Object> abandon(@PathVariable String id, @RequestBody ReasonRequest body,
                                          @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "abandonment", body, new AbandonLead(leadId, body.reason()), body.reason());
    }

    @Operation(summary = "Correct the date of a lead's 研判 or 首谈",
            description = "step LeadAssessed or LeadNegotiationStarted, the right date (in order with the other "
                    + "steps, not in the future) and a reason.")
    @PostMapping("/{id}/date-corrections")
    public ResponseEntity<Object> correctDate(@PathVariable String id, @RequestBody DateCorrectionRequest body,
                                              @RequestHeader(name = KEY, required = false) String key) {
        String leadId = KIND.pathId(id);
        return send(key, leadId, "date-corrections", body,
                new CorrectLeadDate(leadId, body.step(), body.date(), body.reason()), body.reason());
    }

    private ResponseEntity<Object> send(String key, String id, String action, Object body, Object command,
                                        String reason) {
        return KIND.once(id, () -> commands.send(key, "POST /api/leads/" + id + "/" + action, body, command,
                answer(id), HttpStatus.OK, reason));
    }




    private static Map<String, Object> answer(String leadId) {
        return Map.of("leadId", leadId);
    }


}
