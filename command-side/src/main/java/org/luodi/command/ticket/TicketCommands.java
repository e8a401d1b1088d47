package org.luodi.command.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.luodi.events.EscalationLevel;
import org.luodi.events.TicketCategory;

/** The commands of a problem ticket, one record each; the controller builds them, {@link Ticket} decides. */
public final class TicketCommands {
    private TicketCommands() {
    }

    public record RaiseTicket(@TargetAggregateIdentifier String ticketId, String projectId, TicketCategory category,
                              String description) {
    }

    /** {@code workingDays} null: the default, five (seed 000 line 616: "在5个工作日内进行回复"). */
    public record AssignTicket(@TargetAggregateIdentifier String ticketId, String department, Integer workingDays,
                               String reason) {
    }

    public record AnswerTicket(@TargetAggregateIdentifier String ticketId, String answer) {
    }

    /** {@code workingDays} null: as many as the last assignment gave. */
    public record ReopenTicket(@TargetAggregateIdentifier String ticketId, Integer workingDays, String reason) {
    }

    public record CloseTicket(@TargetAggregateIdentifier String ticketId, String reason) {
    }

    public record EscalateTicket(@TargetAggregateIdentifier String ticketId, EscalationLevel level, String reason) {
    }
}
