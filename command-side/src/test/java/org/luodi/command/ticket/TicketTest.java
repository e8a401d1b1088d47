package org.luodi.command.ticket;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectStanding;
import org.luodi.command.ticket.TicketCommands.AnswerTicket;
import org.luodi.command.ticket.TicketCommands.AssignTicket;
import org.luodi.command.ticket.TicketCommands.CloseTicket;
import org.luodi.command.ticket.TicketCommands.EscalateTicket;
import org.luodi.command.ticket.TicketCommands.RaiseTicket;
import org.luodi.command.ticket.TicketCommands.ReopenTicket;
import org.luodi.events.EscalationLevel;
import org.luodi.events.TicketAnswered;
import org.luodi.events.TicketAssigned;
import org.luodi.events.TicketCategory;
import org.luodi.events.TicketClosed;
import org.luodi.events.TicketEscalated;
import org.luodi.events.TicketRaised;
import org.luodi.events.TicketReopened;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.testing.MutableClock;
import org.luodi.platform.workdays.WorkingDays;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/**
 * Every rule of a ticket, given / when / then. Today is Friday 2024-09-27, the last working day before 国庆: five
 * working days run 09-29 (the 调休 Sunday), 09-30, 10-08, 10-09 and 10-10.
 */
class TicketTest {
    static final LocalDate TODAY = LocalDate.of(2024, 9, 27);
    static final LocalDate DUE = LocalDate.of(2024, 10, 10);
    static final String ID = "0b6f4d8e-1c2a-4e3b-9f5d-7a8b9c0d1e2f";
    static final String PROJECT = "3f1c2a64-5b7e-4d8a-9c0f-1e2d3c4b5a69";
    static final String LAND_BUREAU = "dept32";
    static final String OTHER_DEPARTMENT = "dept33";

    static final Map<String, Object> GAOXIN_CLERK = Map.of("role", "CLERK", "township", "gaoxin", "actor", "gaoxin");
    static final Map<String, Object> CHENGUI_CLERK = Map.of("role", "CLERK", "township", "chengui", "actor", "chengui");
    static final Map<String, Object> SUPERVISOR = Map.of("role", "SUPERVISOR", "actor", "supervisor");
    static final Map<String, Object> ADMIN = Map.of("role", "ADMIN", "actor", "admin");
    static final Map<String, Object> LAND = Map.of("role", "DEPARTMENT", "department", LAND_BUREAU, "actor", "dept32");
    static final Map<String, Object> OTHER = Map.of("role", "DEPARTMENT", "department", OTHER_DEPARTMENT,
            "actor", "dept33");

    private final Map<String, ProjectStanding> projects = new HashMap<>(Map.of(PROJECT,
            new ProjectStanding(PROJECT, "gaoxin", false, false)));
    private final AggregateTestFixture<Ticket> fixture = fixture();

    private AggregateTestFixture<Ticket> fixture() {
        AggregateTestFixture<Ticket> fixture = new AggregateTestFixture<>(Ticket.class);
        fixture.registerInjectableResource(MutableClock.on(TODAY));
        fixture.registerInjectableResource(WorkingDays.shippedOnly());
        fixture.registerInjectableResource((ProjectStandings) id -> {
            ProjectStanding standing = projects.get(id);
            if (standing == null) {
                throw new NotFoundException(NotFoundException.Kind.PROJECT, id);
            }
            return standing;
        });
        return fixture;
    }

    static TicketRaised raised() {
        return new TicketRaised(ID, PROJECT, "gaoxin", TicketCategory.LAND, "净地未按期交付，影响开工", TODAY);
    }

    static TicketAssigned assigned() {
        return new TicketAssigned(ID, LAND_BUREAU, TODAY, 5, DUE, false, null);
    }

    static TicketAnswered answered() {
        return new TicketAnswered(ID, LAND_BUREAU, TODAY, "已协调，10 月底前交付");
    }

    // raising

    @Test
    void theTownshipsClerkRaisesAProblemOnItsProject() {
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, TicketCategory.LAND, " 净地未按期交付，影响开工 "), GAOXIN_CLERK)
                .expectEvents(raised());
    }

    @Test
    void aSupervisorRaisesOneToo() {
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, TicketCategory.LAND, "净地未按期交付，影响开工"), SUPERVISOR)
                .expectEvents(raised());
    }

    @Test
    void anotherTownshipsClerkDoesNot() {
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, TicketCategory.LAND, "问题"), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_OTHER_TOWNSHIP));
    }

    @Test
    void neitherADepartmentNorAnAdministratorRaises() {
        for (Map<String, Object> who : List.of(LAND, ADMIN)) {
            fixture().givenNoPriorActivity()
                    .when(new RaiseTicket(ID, PROJECT, TicketCategory.LAND, "问题"), who)
                    .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
        }
    }

    @Test
    void categoryAndDescriptionAreRequired() {
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, null, " "), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("category", "description"));
    }

    @Test
    void aDescriptionHasALimit() {
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, TicketCategory.OTHER, "长".repeat(701)), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("description"));
    }

    @Test
    void anUnknownProjectIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, "aaaaaaaa-5b7e-4d8a-9c0f-1e2d3c4b5a69", TicketCategory.LAND, "问题"),
                        GAOXIN_CLERK)
                .expectNoEvents().expectException(NotFoundException.class);
    }

    @Test
    void noProblemIsRaisedOnAVoidedOrTerminatedProject() {
        projects.put(PROJECT, new ProjectStanding(PROJECT, "gaoxin", true, false));
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, TicketCategory.LAND, "问题"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.PROJECT_VOID));
        projects.put(PROJECT, new ProjectStanding(PROJECT, "gaoxin", false, true));
        fixture.givenNoPriorActivity()
                .when(new RaiseTicket(ID, PROJECT, TicketCategory.LAND, "问题"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict(ErrorCode.PROJECT_TERMINATED));
    }

    // assigning

    @Test
    void aSupervisorAssignsWithFiveWorkingDaysAcrossNationalDay() {
        fixture.given(raised())
                .when(new AssignTicket(ID, LAND_BUREAU, null, null), SUPERVISOR)
                .expectEvents(assigned());
    }

    @Test
    void sevenWorkingDaysEndOnTheMakeUpSaturday() {
        fixture.given(raised())
                .when(new AssignTicket(ID, LAND_BUREAU, 7, null), SUPERVISOR)
                .expectEvents(new TicketAssigned(ID, LAND_BUREAU, TODAY, 7, LocalDate.of(2024, 10, 12), false, null));
    }

    @Test
    void onlyASupervisorAssigns() {
        for (Map<String, Object> who : List.of(GAOXIN_CLERK, LAND, ADMIN)) {
            fixture.given(raised())
                    .when(new AssignTicket(ID, LAND_BUREAU, null, null), who)
                    .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
        }
    }

    @Test
    void theDepartmentIsOneOfAttachmentTwoAndTheDaysAreBounded() {
        fixture.given(raised())
                .when(new AssignTicket(ID, "dept99", 0, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("department", "workingDays"));
        fixture.given(raised())
                .when(new AssignTicket(ID, null, 61, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("department", "workingDays"));
    }

    @Test
    void handingToAnotherDepartmentNeedsAReason() {
        fixture.given(raised(), assigned())
                .when(new AssignTicket(ID, OTHER_DEPARTMENT, null, " "), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
        fixture.given(raised(), assigned())
                .when(new AssignTicket(ID, OTHER_DEPARTMENT, null, "属规划审批事项"), SUPERVISOR)
                .expectEvents(new TicketAssigned(ID, OTHER_DEPARTMENT, TODAY, 5, DUE, false, "属规划审批事项"));
    }

    @Test
    void anAnsweredTicketIsClosedOrReopenedNotAssigned() {
        fixture.given(raised(), assigned(), answered())
                .when(new AssignTicket(ID, OTHER_DEPARTMENT, null, "改交"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
    }

    @Test
    void anEscalatedTicketIsAssignedAgain() {
        fixture.given(raised(), assigned(), new TicketEscalated(ID, TODAY, EscalationLevel.MEETING, "跨部门"))
                .when(new AssignTicket(ID, OTHER_DEPARTMENT, 3, "专题会议明确由该部门牵头"), SUPERVISOR)
                .expectEvents(new TicketAssigned(ID, OTHER_DEPARTMENT, TODAY, 3, LocalDate.of(2024, 10, 8), false,
                        "专题会议明确由该部门牵头"));
    }

    // answering

    @Test
    void theAssignedDepartmentAnswers() {
        fixture.given(raised(), assigned())
                .when(new AnswerTicket(ID, " 已协调，10 月底前交付 "), LAND)
                .expectEvents(answered());
    }

    @Test
    void anUnassignedTicketCannotBeAnswered() {
        fixture.given(raised())
                .when(new AnswerTicket(ID, "已办"), LAND)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
    }

    @Test
    void anotherDepartmentDoesNotAnswer() {
        fixture.given(raised(), assigned())
                .when(new AnswerTicket(ID, "已办"), OTHER)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
    }

    @Test
    void neitherAClerkNorASupervisorAnswersInTheDepartmentsName() {
        for (Map<String, Object> who : List.of(GAOXIN_CLERK, SUPERVISOR)) {
            fixture.given(raised(), assigned())
                    .when(new AnswerTicket(ID, "已办"), who)
                    .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
        }
    }

    @Test
    void anAnswerSaysSomethingAndIsGivenOnce() {
        fixture.given(raised(), assigned())
                .when(new AnswerTicket(ID, ""), LAND)
                .expectNoEvents().expectException(invalid("answer"));
        fixture.given(raised(), assigned(), answered())
                .when(new AnswerTicket(ID, "再答"), LAND)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
    }

    @Test
    void anEscalatedTicketIsNotTheDepartmentsToAnswer() {
        fixture.given(raised(), assigned(), new TicketEscalated(ID, TODAY, EscalationLevel.MEETING, "跨部门"))
                .when(new AnswerTicket(ID, "已办"), LAND)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
    }

    // reopening

    @Test
    void anAnsweredTicketIsReopenedWithAFreshDeadline() {
        fixture.given(raised(), assigned(), answered())
                .when(new ReopenTicket(ID, null, "企业反映仍未交付"), GAOXIN_CLERK)
                .expectEvents(new TicketReopened(ID, TODAY, LAND_BUREAU, 5, DUE, false, "企业反映仍未交付"));
    }

    @Test
    void aClosedTicketIsReopenedByASupervisor() {
        fixture.given(raised(), assigned(), answered(), new TicketClosed(ID, TODAY, "已解决"))
                .when(new ReopenTicket(ID, 2, "复查未解决"), SUPERVISOR)
                .expectEvents(new TicketReopened(ID, TODAY, LAND_BUREAU, 2, LocalDate.of(2024, 9, 30), false,
                        "复查未解决"));
    }

    @Test
    void onlyAnAnsweredOrClosedTicketIsReopened() {
        fixture.given(raised(), assigned())
                .when(new ReopenTicket(ID, null, "再办"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
        fixture.given(raised())
                .when(new ReopenTicket(ID, null, "再办"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
        fixture.given(raised(), new TicketClosed(ID, TODAY, "误报"))
                .when(new ReopenTicket(ID, null, "再办"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
    }

    @Test
    void reopeningNeedsAReasonAndTheRightPerson() {
        fixture.given(raised(), assigned(), answered())
                .when(new ReopenTicket(ID, null, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
        fixture.given(raised(), assigned(), answered())
                .when(new ReopenTicket(ID, null, "不满意"), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_OTHER_TOWNSHIP));
        fixture.given(raised(), assigned(), answered())
                .when(new ReopenTicket(ID, null, "不满意"), LAND)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
    }

    // closing

    @Test
    void aSupervisorClosesAnAnsweredTicketWithAReason() {
        fixture.given(raised(), assigned(), answered())
                .when(new CloseTicket(ID, " 已交付，企业确认 "), SUPERVISOR)
                .expectEvents(new TicketClosed(ID, TODAY, "已交付，企业确认"));
    }

    @Test
    void aTicketRaisedInErrorIsClosedBeforeAnyAssignment() {
        fixture.given(raised())
                .when(new CloseTicket(ID, "重复提交"), SUPERVISOR)
                .expectEvents(new TicketClosed(ID, TODAY, "重复提交"));
    }

    @Test
    void aTicketIsNotClosedTwice() {
        fixture.given(raised(), assigned(), answered(), new TicketClosed(ID, TODAY, "已解决"))
                .when(new CloseTicket(ID, "再次销号"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_CLOSED));
    }

    @Test
    void closingNeedsAReasonAndASupervisor() {
        fixture.given(raised(), assigned(), answered())
                .when(new CloseTicket(ID, ""), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
        for (Map<String, Object> who : List.of(GAOXIN_CLERK, LAND)) {
            fixture.given(raised(), assigned(), answered())
                    .when(new CloseTicket(ID, "已解决"), who)
                    .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
        }
    }

    @Test
    void nothingButAReopeningFollowsAClosing() {
        TicketClosed closed = new TicketClosed(ID, TODAY, "已解决");
        fixture.given(raised(), assigned(), answered(), closed)
                .when(new AssignTicket(ID, OTHER_DEPARTMENT, null, "改交"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_CLOSED));
        fixture.given(raised(), assigned(), closed)
                .when(new AnswerTicket(ID, "已办"), LAND)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_CLOSED));
        fixture.given(raised(), closed)
                .when(new EscalateTicket(ID, EscalationLevel.MEETING, "疑难"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_CLOSED));
    }

    // escalating

    @Test
    void aSupervisorEscalatesUpwardsOnly() {
        TicketEscalated meeting = new TicketEscalated(ID, TODAY, EscalationLevel.MEETING, "涉及三个部门");
        fixture.given(raised(), assigned())
                .when(new EscalateTicket(ID, EscalationLevel.MEETING, "涉及三个部门"), SUPERVISOR)
                .expectEvents(meeting);
        fixture.given(raised(), assigned(), meeting)
                .when(new EscalateTicket(ID, EscalationLevel.CITY_LEADERS, "专题会议未能解决"), SUPERVISOR)
                .expectEvents(new TicketEscalated(ID, TODAY, EscalationLevel.CITY_LEADERS, "专题会议未能解决"));
        fixture.given(raised(), assigned(), meeting)
                .when(new EscalateTicket(ID, EscalationLevel.MEETING, "再开一次"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(ErrorCode.TICKET_OUT_OF_ORDER));
    }

    @Test
    void escalationNeedsALevelAReasonAndASupervisor() {
        fixture.given(raised())
                .when(new EscalateTicket(ID, null, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("level", "reason"));
        fixture.given(raised())
                .when(new EscalateTicket(ID, EscalationLevel.MEETING, "疑难"), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden(ErrorCode.ACCESS_DENIED));
    }
}
