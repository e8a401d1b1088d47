package org.luodi.command.ticket;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.command.api.AggregateCalls;
import org.luodi.command.api.IdempotentCommands;
import org.luodi.command.ticket.TicketCommands.AnswerTicket;
import org.luodi.command.ticket.TicketCommands.AssignTicket;
import org.luodi.command.ticket.TicketCommands.CloseTicket;
import org.luodi.command.ticket.TicketCommands.EscalateTicket;
import org.luodi.command.ticket.TicketCommands.RaiseTicket;
import org.luodi.command.ticket.TicketCommands.ReopenTicket;
import org.luodi.events.EscalationLevel;
import org.luodi.events.TicketCategory;
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

import java.util.Map;
import java.util.UUID;

/** The tickets' commands over HTTP: translates each POST into a command, nothing more. {@link Ticket} decides. */
@RestController
@RequestMapping("/api/tickets")
public class TicketCommandController {
    /** A ticket's 404 and, when a new ticket's id is taken, 409 (the evidence controller answers the same). */
    public static final AggregateCalls.Kind KIND = new AggregateCalls.Kind(NotFoundException.Kind.TICKET,
            ErrorCode.TICKET_EXISTS, "ticketId", "该问题编号已存在");
    private static final String KEY = "Idempotency-Key";

    private final IdempotentCommands commands;

    public TicketCommandController(IdempotentCommands commands) {
        this.commands = commands;
    }

    public record RaiseRequest(String ticketId, String projectId, TicketCategory category, String description) {
    }

    public record AssignmentRequest(String department, Integer workingDays, String reason) {
    }

    public record AnswerRequest(String answer) {
    }

    public record ReopeningRequest(Integer workingDays, String reason) {
    }

    public record ClosingRequest(String reason) {
    }

    public record EscalationRequest(EscalationLevel level, String reason) {
    }

    @Operation(summary = "Raise a problem on a project (提交问题)",
            description = "By the clerk of the project's township or a supervisor; category one of LAND, POWER, "
                    + "APPROVALS, FINANCING, OTHER; 201 with the ticketId (a given UUID, or a new one). Not on a "
                    + "voided or terminated project (409).")
    @PostMapping
    public ResponseEntity<Object> raise(@RequestBody RaiseRequest body,
                                        @RequestHeader(name = KEY, required = false) String key) {
        String id = body.ticketId() == null ? UUID.randomUUID().toString()
                : AggregateCalls.uuid(body.ticketId(), "ticketId");
        String projectId = body.projectId() == null ? null : AggregateCalls.uuid(body.projectId(), "projectId");
        return KIND.once(id, () -> commands.send(key, "POST /api/tickets", body,
                new RaiseTicket(id, projectId, body.category(), body.description()), answer(id), HttpStatus.CREATED,
                null));
    }

    @Operation(summary = "Hand the ticket to a department with a deadline (交办; supervisors)",
            description = "department: a code of 附件2; workingDays (1–60, default 5) counted on the working-day "
                    + "calendar from the day after today; a reason is required when the ticket already had a "
                    + "department. Not on an answered ticket (close it or reopen it).")
    @PostMapping("/{id}/assignment")
    public ResponseEntity<Object> assign(@PathVariable String id, @RequestBody AssignmentRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String ticketId = KIND.pathId(id);
        return send(key, ticketId, "assignment", body,
                new AssignTicket(ticketId, body.department(), body.workingDays(), body.reason()), body.reason());
    }

    @Operation(summary = "Answer the ticket (答复; the assigned department)",
            description = "By the department the ticket is assigned to, while it waits on that department.")
    @PostMapping("/{id}/answer")
    public ResponseEntity<Object> answer(@PathVariable String id, @RequestBody AnswerRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String ticketId = KIND.pathId(id);
        return send(key, ticketId, "answer", body, new AnswerTicket(ticketId, body.answer()), null);
    }

    @Operation(summary = "Send an answered or closed ticket back to its department (重新交办)",
            description = "By a supervisor or the clerk of the project's township, with a reason; the department "
                    + "owes a new answer within workingDays (default: as many as the last assignment gave).")
    @PostMapping("/{id}/reopening")
    public ResponseEntity<Object> reopen(@PathVariable String id, @RequestBody ReopeningRequest body,
                                         @RequestHeader(name = KEY, required = false) String key) {
        String ticketId = KIND.pathId(id);
        return send(key, ticketId, "reopening", body, new ReopenTicket(ticketId, body.workingDays(), body.reason()),
                body.reason());
    }

    @Operation(summary = "Close the ticket (销号; supervisors)", description = "With a reason; once.")
    @PostMapping("/{id}/closing")
    public ResponseEntity<Object> close(@PathVariable String id, @RequestBody ClosingRequest body,
                                        @RequestHeader(name = KEY, required = false) String key) {
        String ticketId = KIND.pathId(id);
        return send(key, ticketId, "closing", body, new CloseTicket(ticketId, body.reason()), body.reason());
    }

    @Operation(summary = "Escalate the ticket (提级; supervisors)",
            description = "level MEETING (专题会议协调) or CITY_LEADERS (提请市委、市政府研究), only upwards, with a "
                    + "reason; the department then no longer owes the answer.")
    @PostMapping("/{id}/escalation")
    public ResponseEntity<Object> escalate(@PathVariable String id, @RequestBody EscalationRequest body,
                                           @RequestHeader(name = KEY, required = false) String key) {
        String ticketId = KIND.pathId(id);
        return send(key, ticketId, "escalation", body, new EscalateTicket(ticketId, body.level(), body.reason()),
                body.reason());
    }

    private ResponseEntity<Object> send(String key, String id, String action, Object body, Object command,
                                        String reason) {
        return KIND.once(id, () -> commands.send(key, "POST /api/tickets/" + id + "/" + action, body, command,
                answer(id), HttpStatus.OK, reason));
    }




    private static Map<String, Object> answer(String ticketId) {
        return Map.of("ticketId", ticketId);
    }


}
