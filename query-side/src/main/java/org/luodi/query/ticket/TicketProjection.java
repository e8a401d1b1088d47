package org.luodi.query.ticket;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.luodi.events.AttributesCorrected;
import org.luodi.events.EventDescriptions;
import org.luodi.events.EventMetadata;
import org.luodi.events.RecordedAt;
import org.luodi.events.TicketAnswered;
import org.luodi.events.TicketAssigned;
import org.luodi.events.TicketClosed;
import org.luodi.events.TicketEscalated;
import org.luodi.events.TicketEvent;
import org.luodi.events.TicketEvidenceAttached;
import org.luodi.events.TicketRaised;
import org.luodi.events.TicketReopened;
import org.luodi.events.TicketStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Read model "tickets": folds each ticket event into the ticket's row and appends it, with who and why and the
 * state after it, to the ticket's history. One statement or two per event: tickets are a few per project, so the
 * batching the project read models need would buy nothing here. A redelivered event (its sequence not above the
 * row's) changes nothing. A project moved to another township takes its tickets along ({@link AttributesCorrected}),
 * whichever of the move and the raise this processor meets first (they are in different segments).
 */
@Component
@ProcessingGroup(TicketProjection.GROUP)
public class TicketProjection {
    public static final String GROUP = "tickets";

    private final JdbcTemplate jdbc;

    public TicketProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TicketRaised e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        Instant at = RecordedAt.of(metaData, timestamp);
        // a move of the project handled already (possibly recorded after this raise) wins over the raise's township
        jdbc.update("INSERT INTO ticket (ticket_id, project_id, township, category, description, status, raised_on, "
                        + "raised_by, updated_at, last_sequence) VALUES (?, ?, coalesce((SELECT township FROM "
                        + "ticket_project_township WHERE project_id = ?), ?), ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (ticket_id) DO NOTHING", e.ticketId(), e.projectId(), e.projectId(),
                e.township(), e.category().name(), e.description(), TicketStatus.RAISED.name(), e.raisedOn(),
                text(metaData, EventMetadata.ACTOR), java.sql.Timestamp.from(at), sequence);
        history(e, sequence, metaData, at);
    }

    @EventHandler
    void on(TicketAssigned e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "status = 'ASSIGNED', department = ?, working_days = ?, "
                        + "assigned_on = ?, due_on = ?, calendar_assumed = ?, answered_on = NULL, answer = NULL",
                e.department(), e.workingDays(), e.assignedOn(), e.dueOn(), e.calendarAssumed());
    }

    @EventHandler
    void on(TicketAnswered e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "status = 'ANSWERED', answered_on = ?, answer = ?",
                e.answeredOn(), e.answer());
    }

    @EventHandler
    void on(TicketReopened e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "status = 'ASSIGNED', working_days = ?, assigned_on = ?, "
                        + "due_on = ?, calendar_assumed = ?, answered_on = NULL, answer = NULL, closed_on = NULL",
                e.workingDays(), e.reopenedOn(), e.dueOn(), e.calendarAssumed());
    }

    @EventHandler
    void on(TicketEscalated e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "status = 'ESCALATED', escalation = ?", e.level().name());
    }

    @EventHandler
    void on(TicketClosed e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "status = 'CLOSED', closed_on = ?", e.closedOn());
    }

    /** A file attached (#19): the ticket's state stays, its timeline shows the file (query.evidence keeps it). */
    @EventHandler
    void on(TicketEvidenceAttached e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "status = status");
    }

    /** A supervisor moved the project: its tickets are the new township's from now on. */
    @EventHandler
    void on(AttributesCorrected e) {
        jdbc.update("INSERT INTO ticket_project_township (project_id, township) VALUES (?, ?) "
                + "ON CONFLICT (project_id) DO UPDATE SET township = excluded.township", e.projectId(),
                e.after().township());
        jdbc.update("UPDATE ticket SET township = ? WHERE project_id = ? AND township <> ?",
                e.after().township(), e.projectId(), e.after().township());
    }

    private void change(TicketEvent e, long sequence, MetaData metaData, Instant timestamp, String assignments,
                        Object... values) {
        Instant at = RecordedAt.of(metaData, timestamp);
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = java.sql.Timestamp.from(at);
        args[values.length + 1] = sequence;
        args[values.length + 2] = e.ticketId();
        args[values.length + 3] = sequence;
        jdbc.update("UPDATE ticket SET " + assignments + ", updated_at = ?, last_sequence = ? "
                + "WHERE ticket_id = ? AND last_sequence < ?", args);
        history(e, sequence, metaData, at);
    }

    /** The event as the ticket's timeline shows it, with the ticket's status, department and deadline after it. */
    private void history(TicketEvent e, long sequence, MetaData metaData, Instant at) {
        jdbc.update("INSERT INTO ticket_event (ticket_id, sequence_number, type, occurred_on, recorded_at, actor, "
                        + "role, reason, summary, status, department, due_on) "
                        + "SELECT ticket_id, ?, ?, ?, ?, ?, ?, ?, ?, status, department, due_on FROM ticket "
                        + "WHERE ticket_id = ? ON CONFLICT (ticket_id, sequence_number) DO NOTHING",
                sequence, e.getClass().getSimpleName(), e.occurredOn(), java.sql.Timestamp.from(at),
                text(metaData, EventMetadata.ACTOR), text(metaData, EventMetadata.ROLE),
                text(metaData, EventMetadata.REASON), EventDescriptions.describe(e), e.ticketId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE ticket, ticket_event, ticket_project_township");
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
