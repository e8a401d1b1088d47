package org.luodi.query.ticket;

import org.luodi.events.Departments;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.time.ClockConfig;
import org.luodi.query.notify.Notifications;
import org.luodi.query.processing.ProcessingProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Looks every few seconds for tickets whose deadline lapsed without an answer and announces each lapse once: the row
 * is marked in the same statement that finds it, so two query-side instances never announce one lapse twice, and a
 * restart repeats nothing. Not while the tickets' read model is catching up (a rebuild would announce every old
 * lapse again as if new). The announcement reaches the streams of the instance that made it; the others' subscribers
 * see the ticket in the lists (GET /api/tickets?overdue=true). Each lapse is also owed to the offices' group robots,
 * in the transaction that marks it.
 */
@Component
public class OverdueTickets {
    private final JdbcTemplate jdbc;
    private final ProcessingProgress progress;
    private final ApplicationEventPublisher publisher;
    private final ReferenceData reference;
    private final Clock clock;
    private final Notifications notifications;
    private final TransactionTemplate transaction;

    public OverdueTickets(JdbcTemplate jdbc, ProcessingProgress progress, ApplicationEventPublisher publisher,
                          ReferenceData reference, Clock clock, Notifications notifications,
                          PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.publisher = publisher;
        this.reference = reference;
        this.clock = clock;
        this.notifications = notifications;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Scheduled(fixedDelayString = "${luodi.tickets.sweep-interval-ms:5000}",
            initialDelayString = "${luodi.tickets.sweep-interval-ms:5000}")
    public void scheduled() {
        if (progress.caughtUp(TicketProjection.GROUP)) {
            sweep(LocalDate.ofInstant(clock.instant(), ClockConfig.ZONE)).forEach(publisher::publishEvent);
        }
    }

    /** Marks and answers the lapses not yet announced on {@code today}: deadlines before today, still unanswered. */
    public List<TicketOverdue> sweep(LocalDate today) {
        return transaction.execute(tx -> {
            List<TicketOverdue> lapsed = lapsedOn(today);
            lapsed.forEach(t -> notifications.overdueTicket(t.ticketId(), t.dueOn(), t.township(), t.message()));
            return lapsed;
        });
    }

    private List<TicketOverdue> lapsedOn(LocalDate today) {
        // the township through the project's latest move, as ticket_now reads it (V163)
        return jdbc.query("UPDATE ticket t SET overdue_announced = due_on WHERE status = 'ASSIGNED' AND due_on < ? "
                + "AND overdue_announced IS DISTINCT FROM due_on RETURNING ticket_id, project_id, coalesce((SELECT "
                + "m.township FROM ticket_project_township m WHERE m.project_id = t.project_id), t.township) AS "
                + "township, department, due_on", (rs, i) -> {
            String township = rs.getString("township");
            String department = rs.getString("department");
            LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
            var place = reference.township(township);
            String townshipName = place == null ? township : place.name();
            String departmentName = Departments.nameOf(department);
            return new TicketOverdue(rs.getString("ticket_id"), rs.getString("project_id"), township, townshipName,
                    department, departmentName, dueOn, townshipName + "交办" + departmentName + "的问题已过答复期限（"
                    + dueOn + "）仍未答复");
        }, today);
    }
}
