package org.luodi.query.ticket;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.events.Departments;
import org.luodi.events.TicketStatus;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.FilterCodes;
import org.luodi.query.web.Paging;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.luodi.query.web.FilterCodes.blankToNull;

/** GET /api/tickets, /api/tickets/{id}, /api/tickets/departments: the tickets as each caller may see them. */
@RestController
public class TicketQueryController {
    private final TicketQueries queries;
    private final QueryTime time;
    private final FilterCodes codes;

    public TicketQueryController(TicketQueries queries, QueryTime time, FilterCodes codes) {
        this.queries = queries;
        this.time = time;
        this.codes = codes;
    }

    public record DepartmentCounts(LocalDate asOf, List<TicketQueries.DepartmentCount> rows, long open,
                                   long overdue) {
    }

    @Operation(summary = "Problem tickets, paged: overdue first",
            description = "Filters: status (RAISED, ASSIGNED, ANSWERED, ESCALATED, CLOSED), overdue=true (waiting "
                    + "on the department past its deadline on asOf, default today), open=true (not closed), project, "
                    + "township, department, leader (the projects that 包保 leader has now). "
                    + "A clerk sees its own township's tickets, a department those assigned to it now (closed ones "
                    + "included), supervisors all.")
    @GetMapping("/api/tickets")
    public TicketQueries.Page list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) Boolean overdue,
                                   @RequestParam(required = false) String project,
                                   @RequestParam(required = false) String township,
                                   @RequestParam(required = false) String department,
                                   @RequestParam(required = false) Boolean open,
                                   @RequestParam(required = false) String leader,
                                   @RequestParam(required = false) String asOf,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, 200);
        TicketQueries.Filter filter = new TicketQueries.Filter(status(status), Boolean.TRUE.equals(overdue),
                uuid(project), codes.township(township), department(department), Boolean.TRUE.equals(open),
                codes.leader(leader));
        return queries.list(LuodiUser.current(), filter, time.asOf(asOf), page, size);
    }

    @Operation(summary = "One problem ticket with its history (who did what, when and why)")
    @GetMapping("/api/tickets/{id}")
    public TicketView ticket(@PathVariable String id, @RequestParam(required = false) String asOf) {
        String ticketId = uuid(id);
        if (ticketId == null) {
            throw new org.luodi.platform.problem.NotFoundException(
                    org.luodi.platform.problem.NotFoundException.Kind.TICKET, null);
        }
        return queries.ticket(LuodiUser.current(), ticketId, time.asOf(asOf));
    }

    @Operation(summary = "Tickets per department: open and overdue",
            description = "Open: assigned to the department and not closed or escalated (answered ones wait for "
                    + "销号); overdue: waiting on its answer past the deadline on asOf. As recorded by knownAt. A "
                    + "clerk counts its own township's tickets, a department its own row.")
    @GetMapping("/api/tickets/departments")
    public DepartmentCounts perDepartment(@RequestParam(required = false) String asOf,
                                          @RequestParam(required = false) String knownAt) {
        LuodiUser user = LuodiUser.current();
        LocalDate day = time.asOf(asOf);
        List<TicketQueries.DepartmentCount> rows = queries.perDepartment(day, time.knownAt(knownAt), time.today(),
                TicketQueries.narrowTownship(user, null), TicketQueries.narrowDepartment(user, null));
        return new DepartmentCounts(day, rows, rows.stream().mapToLong(TicketQueries.DepartmentCount::open).sum(),
                rows.stream().mapToLong(TicketQueries.DepartmentCount::overdue).sum());
    }

    private static TicketStatus status(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return TicketStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "未知的状态，可选 " + java.util.Arrays.toString(TicketStatus.values()));
        }
    }

    private static String department(String text) {
        String code = blankToNull(text);
        if (code != null && !Departments.isDepartment(code.strip())) {
            throw new InvalidInputException("department", "未知的部门代码");
        }
        return code == null ? null : code.strip();
    }

    /** A project or ticket id: a canonical UUID, or null when absent; anything else cannot name one. */
    private static String uuid(String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            String canonical = UUID.fromString(text).toString();
            if (canonical.equalsIgnoreCase(text)) {
                return canonical;
            }
        } catch (IllegalArgumentException ignored) {
            // fall through
        }
        return "00000000-0000-0000-0000-000000000000"; // names nothing: an empty list, a 404
    }
}
