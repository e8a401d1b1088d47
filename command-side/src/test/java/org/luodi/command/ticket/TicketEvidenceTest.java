package org.luodi.command.ticket;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.evidence.EvidenceCommands.AttachTicketEvidence;
import org.luodi.command.project.ProjectStanding;
import org.luodi.events.EvidenceFile;
import org.luodi.events.EvidenceKind;
import org.luodi.events.TicketClosed;
import org.luodi.events.TicketEvidenceAttached;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.testing.MutableClock;
import org.luodi.platform.workdays.WorkingDays;

import java.util.List;
import java.util.Map;

import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;
import static org.luodi.command.ticket.TicketTest.ADMIN;
import static org.luodi.command.ticket.TicketTest.CHENGUI_CLERK;
import static org.luodi.command.ticket.TicketTest.GAOXIN_CLERK;
import static org.luodi.command.ticket.TicketTest.ID;
import static org.luodi.command.ticket.TicketTest.LAND;
import static org.luodi.command.ticket.TicketTest.OTHER;
import static org.luodi.command.ticket.TicketTest.PROJECT;
import static org.luodi.command.ticket.TicketTest.SUPERVISOR;
import static org.luodi.command.ticket.TicketTest.TODAY;
import static org.luodi.command.ticket.TicketTest.assigned;
import static org.luodi.command.ticket.TicketTest.raised;

/**
 * A file for a problem ticket (#19): the project's clerk, a supervisor or the department the ticket is assigned to
 * attaches it, dated today; nobody else, and never to a closed ticket.
 */
class TicketEvidenceTest {
    private static final String EVIDENCE = "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final EvidenceFile CERTIFICATE = new EvidenceFile("不动产权证.pdf", "application/pdf", 81_920,
            "ab".repeat(32), EvidenceKind.OTHER, null, null, null);

    private static AggregateTestFixture<Ticket> fixture() {
        AggregateTestFixture<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(MutableClock.on(TODAY));
        fixture.registerInjectableResource(WorkingDays.shippedOnly());
        fixture.registerInjectableResource((ProjectStandings) id -> new ProjectStanding(PROJECT, "gaoxin", false,
                false));
        return fixture;
    }

    @Test
    void theClerkTheSupervisorAndTheAssignedDepartmentAttach() {
        for (Map<String, Object> who : List.of(GAOXIN_CLERK, SUPERVISOR, LAND)) {
            fixture().given(raised(), assigned())
                    .when(new AttachTicketEvidence(ID, EVIDENCE, CERTIFICATE), who)
                    .expectEvents(new TicketEvidenceAttached(ID, EVIDENCE, TODAY, CERTIFICATE));
        }
    }

    @Test
    void anotherTownshipAnotherDepartmentOrAnAdministratorDoesNot() {
        fixture().given(raised(), assigned())
                .when(new AttachTicketEvidence(ID, EVIDENCE, CERTIFICATE), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_OTHER_TOWNSHIP));
        for (Map<String, Object> who : List.of(OTHER, ADMIN)) {
            fixture().given(raised(), assigned())
                    .when(new AttachTicketEvidence(ID, EVIDENCE, CERTIFICATE), who)
                    .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
        }
        // a department before the ticket is handed to anyone
        fixture().given(raised())
                .when(new AttachTicketEvidence(ID, EVIDENCE, CERTIFICATE), LAND)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
    }

    @Test
    void aClosedTicketTakesNoFileAndAFileNeedsItsKind() {
        fixture().given(raised(), assigned(), new TicketClosed(ID, TODAY, "已解决"))
                .when(new AttachTicketEvidence(ID, EVIDENCE, CERTIFICATE), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_CLOSED));
        fixture().given(raised())
                .when(new AttachTicketEvidence(ID, EVIDENCE, new EvidenceFile("a.pdf", "application/pdf", 1,
                        "ab".repeat(32), null, null, null, null)), SUPERVISOR)
                .expectNoEvents().expectException(invalid("kind"));
    }
}
