package org.luodi.query.ticket;

import org.luodi.events.EscalationLevel;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * One ticket as the lists and its page show it, names beside codes. {@code overdue}: it waits on its department
 * past its deadline on the day asked for ({@code daysOverdue} calendar days past it); {@code history} only on the
 * ticket's own page.
 */
public record TicketView(String ticketId, String projectId, String projectName, String township, String townshipName,
                         TicketCategory category, String categoryName, String description, TicketStatus status,
                         String statusName, String department, String departmentName, Integer workingDays,
                         LocalDate assignedOn, LocalDate dueOn, boolean calendarAssumed, LocalDate answeredOn,
                         String answer, EscalationLevel escalation, LocalDate closedOn, LocalDate raisedOn,
                         String raisedBy, boolean overdue, long daysOverdue, List<Entry> history) {

    /** One event of the ticket: what, when, who and why. */
    public record Entry(long sequence, String type, String typeName, LocalDate occurredOn, java.time.Instant recordedAt,
                        String actor, String role, String reason, String summary) {
    }

    TicketView withHistory(List<Entry> entries) {
        return new TicketView(ticketId, projectId, projectName, township, townshipName, category, categoryName,
                description, status, statusName, department, departmentName, workingDays, assignedOn, dueOn,
                calendarAssumed, answeredOn, answer, escalation, closedOn, raisedOn, raisedBy, overdue, daysOverdue,
                entries);
    }
}
