package org.luodi.events;

import java.time.LocalDate;

/**
 * Every event of a problem ticket's life (问题交办): raised on a project, assigned to a department of 附件2 with a
 * deadline, answered, reopened, closed (销号) or escalated. The aggregate identifier is {@link #ticketId()}; a ticket
 * is its own aggregate, so that a department's answer never waits on, or races with, the project's milestones.
 */
public sealed interface TicketEvent permits TicketRaised, TicketAssigned, TicketAnswered, TicketReopened,
        TicketClosed, TicketEscalated, TicketEvidenceAttached {

    String ticketId();

    /** The day it happened (Asia/Shanghai): tickets are recorded as they happen, never back-dated. */
    LocalDate occurredOn();
}
