package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * 交办: handed to a department of 附件2 (a code of departments-daye.csv) to answer by {@code dueOn}, which is
 * {@code workingDays} working days after {@code assignedOn} on the working-day calendar as it stood then; the
 * deadline is decided once, here, so a later change of the calendar never moves a deadline already given.
 * {@code calendarAssumed} says that a year of that span was not in the calendar and Monday–Friday was counted.
 * {@code reason} is null on a first assignment and required when a ticket is handed to another department.
 */
@Revision("1")
public record TicketAssigned(String ticketId, String department, LocalDate assignedOn, int workingDays,
                             LocalDate dueOn, boolean calendarAssumed, String reason) implements TicketEvent {
    /** "在5个工作日内进行回复" (seed 000 line 616): unless the supervisor gives another number. */
    public static final int DEFAULT_WORKING_DAYS = 5;
    /** A deadline further off than this is a typing error, not a 交办函. */
    public static final int MAX_WORKING_DAYS = 60;

    @Override
    public LocalDate occurredOn() {
        return assignedOn;
    }
}
