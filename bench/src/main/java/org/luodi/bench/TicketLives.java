package org.luodi.bench;

import org.luodi.events.Departments;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.TicketAnswered;
import org.luodi.events.TicketAssigned;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketClosed;
import org.luodi.events.TicketEvent;
import org.luodi.events.TicketRaised;
import org.luodi.events.WorkingCalendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The problem tickets (问题交办) of the national data set: one project in ten has one, raised by its township some
 * weeks after signing, handed to a department of 附件2 with five working days, and then answered and closed (most),
 * answered and waiting for 销号, or still waiting, many of those past their deadline, as the dashboard counts them.
 */
final class TicketLives {
    /** The aggregate type the command side stores a ticket's events under (its aggregate class). */
    static final String AGGREGATE_TYPE = "Ticket";

    /** Events of one ticket, each with who recorded it, in the order they are recorded. */
    record Planned(TicketEvent event, EventRows.Stamp stamp) {
    }

    private static final String[] DEPARTMENTS = Departments.all().stream().map(Departments.Department::code)
            .toArray(String[]::new);
    private static final WorkingCalendar CALENDAR = WorkingCalendar.shipped();

    private final LocalDate to;
    private final Instant now;

    TicketLives(LocalDate to, Instant now) {
        this.to = to;
        this.now = now;
    }

    static boolean hasTicket(int projectNo) {
        return projectNo % 10 == 7;
    }

    static String ticketId(String projectId) {
        return UUID.nameUUIDFromBytes(("ticket-" + projectId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ticket of project {@code no} whose events are {@code project}: empty when it has none. */
    List<Planned> plan(int no, List<Plans.Planned> project) {
        if (!hasTicket(no)) {
            return List.of();
        }
        Random r = new Random(no * 31L + 17);
        ProjectSigned signed = (ProjectSigned) project.get(0).event();
        LocalDate raisedOn = signed.signedOn().plusDays(20 + r.nextInt(180));
        // a voided project never existed for the counts; a terminated one takes no ticket after its end
        boolean voided = project.stream().anyMatch(p -> p.event() instanceof ProjectVoided);
        LocalDate closedOn = project.stream().filter(p -> p.event() instanceof ProjectTerminated)
                .map(p -> p.event().occurredOn()).findFirst().orElse(null);
        if (voided || raisedOn.isAfter(to) || closedOn != null && !raisedOn.isBefore(closedOn)) {
            return List.of();
        }
        String id = ticketId(signed.projectId());
        String township = signed.township();
        String department = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
        TicketCategory category = TicketCategory.values()[r.nextInt(TicketCategory.values().length)];
        WorkingCalendar.Deadline due = CALENDAR.deadline(raisedOn, TicketAssigned.DEFAULT_WORKING_DAYS);

        List<Planned> events = new ArrayList<>();
        OfficeHours clock = new OfficeHours(r, now);
        events.add(new Planned(new TicketRaised(id, signed.projectId(), township, category,
                "项目推进中遇到" + category.label() + "问题，请求协调", raisedOn),
                clock.stamp(raisedOn, township, "CLERK", township, null, null)));
        events.add(new Planned(new TicketAssigned(id, department, raisedOn, TicketAssigned.DEFAULT_WORKING_DAYS,
                due.dueOn(), due.assumed(), null), clock.stamp(raisedOn, "supervisor", "SUPERVISOR", null, null,
                null)));
        int fate = r.nextInt(100);
        if (fate < 30) {
            return events; // still waiting on the department
        }
        LocalDate answeredOn = raisedOn.plusDays(2 + r.nextInt(10));
        if (answeredOn.isAfter(to)) {
            return events;
        }
        events.add(new Planned(new TicketAnswered(id, department, answeredOn, "已协调解决，详见办理结果"),
                clock.stamp(answeredOn, department, "DEPARTMENT", null, department, null)));
        LocalDate closedTicketOn = answeredOn.plusDays(1 + r.nextInt(5));
        if (fate < 45 || closedTicketOn.isAfter(to)) {
            return events; // answered, waiting for 销号
        }
        events.add(new Planned(new TicketClosed(id, closedTicketOn, "问题已解决，予以销号"),
                clock.stamp(closedTicketOn, "supervisor", "SUPERVISOR", null, null, "问题已解决，予以销号")));
        return events;
    }
}
