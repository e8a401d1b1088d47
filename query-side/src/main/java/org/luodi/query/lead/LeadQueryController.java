package org.luodi.query.lead;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.events.Departments;
import org.luodi.events.LeadSource;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadUnits;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.Paging;
import org.luodi.query.web.QueryTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/leads…: the leads as each caller may see them (LeadQueries says who sees what), the funnel per unit with
 * the county's 项目信息 targets, and the 在谈项目清单 as JSON and as a workbook.
 */
@RestController
public class LeadQueryController {
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final LeadQueries queries;
    private final LeadTargetProgress targets;
    private final QueryTime time;
    private final ReferenceData reference;
    private final OverdueLeads overdue;

    public LeadQueryController(LeadQueries queries, LeadTargetProgress targets, QueryTime time,
                               ReferenceData reference, OverdueLeads overdue) {
        this.queries = queries;
        this.targets = targets;
        this.time = time;
        this.reference = reference;
        this.overdue = overdue;
    }

    public record Funnel(LocalDate from, LocalDate to, List<LeadQueries.FunnelRow> rows,
                         List<LeadTargetProgress.Completion> targets) {
    }

    @Operation(summary = "Leads (项目信息), paged, newest first",
            description = "Filters: unit (a township code, a department code, or center), stage (INFO, ASSESSED, "
                    + "NEGOTIATING, REVIEWED, SIGNED, ABANDONED, SUSPENDED), source, from/to (the day recorded). A "
                    + "clerk sees the leads its township reported or that would settle there, a department its own, "
                    + "supervisors and leaders all; the investor only the lead's units and supervisors.")
    @GetMapping("/api/leads")
    public LeadQueries.Page list(@RequestParam(required = false) String unit,
                                 @RequestParam(required = false) String stage,
                                 @RequestParam(required = false) String source,
                                 @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "20") int size) {
        List<FieldProblem> errors = new ArrayList<>();
        Paging.check(page, size, 200, errors);
        LeadQueries.Filter filter = new LeadQueries.Filter(unit(unit, errors), named(LeadStage.class, "stage", stage,
                errors), named(LeadSource.class, "source", source, errors), date("from", from, errors),
                date("to", to, errors), null);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return queries.list(LuodiUser.current(), filter, page, size);
    }

    @Operation(summary = "One lead with its timeline (who did what, when and why)",
            description = "404 for a lead the caller may not see, as for one that does not exist.")
    @GetMapping("/api/leads/{id}")
    public LeadQueries.LeadView lead(@PathVariable String id) {
        return queries.lead(LuodiUser.current(), leadId(id));
    }

    @Operation(summary = "The lead a project was signed from (its history before the signature)",
            description = "404 when the project was signed without a lead, or the caller may not see the lead.")
    @GetMapping("/api/leads/by-project/{projectId}")
    public LeadQueries.Row byProject(@PathVariable String projectId) {
        LeadQueries.Row row = queries.byProject(LuodiUser.current(), leadId(projectId));
        if (row == null) {
            throw new NotFoundException(NotFoundException.Kind.LEAD, null, "该项目不是由项目线索转化，或无权查看该线索");
        }
        return row;
    }

    @Operation(summary = "The funnel per unit: 项目信息 → 研判 → 在谈 → 签约, with the 项目信息 targets",
            description = "Over [from, to] (default: this year): per reporting unit the leads recorded (条, of "
                    + "which 以商招商), assessed, first talks (个, with their expected amount), signings credited "
                    + "to the unit, the conversion rate (签约 ÷ 项目信息) and the median days from 信息 to 签约; "
                    + "supervisors also get the county's total. targets: the 项目信息 targets of to's year (GET "
                    + "/api/targets, set by supervisors) that apply to the period (the year's, and a quarter's it "
                    + "reaches into), each with what its period has reached by to and the completion rate; a clerk "
                    + "or a department gets its own unit's targets only.")
    @GetMapping("/api/leads/funnel")
    public Funnel funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<FieldProblem> errors = new ArrayList<>();
        LocalDate today = time.today();
        LocalDate start = from == null ? today.withDayOfYear(1) : date("from", from, errors);
        LocalDate end = to == null ? (from == null ? today.withDayOfYear(1).plusYears(1).minusDays(1)
                : start.withDayOfYear(1).plusYears(1).minusDays(1)) : date("to", to, errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldProblem("to", "不能早于 from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LuodiUser user = LuodiUser.current();
        List<LeadQueries.FunnelRow> rows = queries.funnel(user, start, end);
        return new Funnel(start, end, rows, targets.of(user, start, end));
    }

    @Operation(summary = "The 在谈项目清单: leads in talks now, a page at a time",
            description = "Those whose 首谈 was held and that are neither signed, abandoned nor paused, oldest first "
                    + "talk first; unit narrows to one unit. Seen as the lead list is. Paged (size ≤ 1000, default "
                    + "100): totalElements and totalAmountWan count the whole list.")
    @GetMapping("/api/leads/negotiating")
    public LeadQueries.Negotiating negotiating(@RequestParam(required = false) String unit,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "100") int size) {
        List<FieldProblem> errors = new ArrayList<>();
        String code = unit(unit, errors);
        Paging.check(page, size, 1000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return queries.negotiating(LuodiUser.current(), code, page, size);
    }

    @Operation(summary = "The 在谈项目清单 as an Excel workbook",
            description = "Every row of /api/leads/negotiating, unpaged.")
    @GetMapping("/api/leads/negotiating.xlsx")
    public ResponseEntity<byte[]> negotiatingWorkbook(@RequestParam(required = false) String unit) {
        List<FieldProblem> errors = new ArrayList<>();
        String code = unit(unit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<LeadQueries.Row> rows = queries.negotiating(LuodiUser.current(), code);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("在谈项目清单-" + time.today() + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(NegotiatingWorkbook.write(rows));
    }

    @Operation(summary = "The leads whose follow-up is late (service levels), the longest late first",
            description = "Each open lead (not signed, abandoned or paused) owes one thing at a time: 响应 (any "
                    + "follow-up) within luodi.leads.service-levels.respond working days of its report (1), 研判 within "
                    + "assessment (3), a feedback after the 研判 (首谈, a review or a progress report) within feedback "
                    + "(5), then a progress report every report-every (10) after its latest step; a resumed lead's "
                    + "clock restarts on its resumption. Working days by the calendar in force; late from the day "
                    + "after the deadline (today, Shanghai). unit narrows to one unit. Seen as the lead list is. "
                    + "Paged (size ≤ 1000, default 100): totalElements counts every late lead.")
    @GetMapping("/api/leads/overdue")
    public OverdueLeads.LatePage overdue(@RequestParam(required = false) String unit,
                            @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "100") int size) {
        List<FieldProblem> errors = new ArrayList<>();
        String code = unit(unit, errors);
        Paging.check(page, size, 1000, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return overdue.page(LuodiUser.current(), code, time.today(), page, size);
    }

    private String unit(String text, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.strip();
        if (LeadUnits.CENTER.equals(code) || Departments.isDepartment(code) || reference.isTownship(code)) {
            return code;
        }
        errors.add(new FieldProblem("unit", "未知的单位代码"));
        return null;
    }

    private static <E extends Enum<E>> E named(Class<E> type, String field, String text, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, "未知的取值"));
            return null;
        }
    }

    private static LocalDate date(String field, String text, List<FieldProblem> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return QueryTime.within(field, LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(field, "须为 yyyy-MM-dd"));
            return null;
        }
    }

    /** Ids are canonical UUIDs; anything else names no lead (nor project). */
    private static String leadId(String text) {
        try {
            String canonical = UUID.fromString(text).toString();
            if (canonical.equalsIgnoreCase(text)) {
                return canonical;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        throw new NotFoundException(NotFoundException.Kind.LEAD, null);
    }
}
