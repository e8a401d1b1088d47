package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.RetractMilestone;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.StartKind;

import java.time.LocalDate;

import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.day;
import static org.luodi.command.project.Given.domesticFunds;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.project.Given.stored;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 撤销: supervisors only; the milestone no longer counts, and what is left must still obey every rule. */
class RetractionTest {
    private static final LocalDate START = day("2024-05-01");
    private static final String CEREMONY = "仪式开工，未实质施工";
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static RetractMilestone retract(Milestone milestone) {
        return new RetractMilestone(ID, milestone, null, CEREMONY);
    }

    @Test
    void aSupervisorRetractsACeremonialStart() {
        fixture.given(signed(), started(START))
                .when(retract(Milestone.START), SUPERVISOR)
                .expectEvents(new MilestoneRetracted(ID, Milestone.START, null, CEREMONY));
    }

    @Test
    void aClerkOrAnAdminCannotRetract() {
        fixture.given(signed(), started(START))
                .when(retract(Milestone.START), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed(), started(START))
                .when(retract(Milestone.START), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void aRetractedStartMakesRoomForTheRealOne() {
        fixture.given(signed(), started(START), new MilestoneRetracted(ID, Milestone.START, null, CEREMONY))
                .when(new StartConstruction(ID, START.plusMonths(2), StartKind.NEW), GAOXIN_CLERK)
                .expectEvents(new ConstructionStarted(ID, START.plusMonths(2), StartKind.NEW));
    }

    @Test
    void aStartCannotBeRetractedWhileTheProjectIsStored() {
        fixture.given(signed(), started(START), stored(START))
                .when(retract(Milestone.START), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "尚未开工，不能入库"));
    }

    @Test
    void aStartCannotBeRetractedWhileInProduction() {
        fixture.given(signed(), started(START), new ProductionStarted(ID, START))
                .when(retract(Milestone.START), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "尚未开工，不能投产"));
    }

    @Test
    void aRetractedTerminationReopensTheProject() {
        fixture.given(signed(), new ProjectTerminated(ID, START, "误录解约"),
                        new MilestoneRetracted(ID, Milestone.TERMINATION, null, "误录解约"))
                .when(new StartConstruction(ID, START, StartKind.NEW), GAOXIN_CLERK)
                .expectEvents(new ConstructionStarted(ID, START, StartKind.NEW));
    }

    @Test
    void theSigningIsNeverRetractedTheProjectIsVoidedInstead() {
        fixture.given(signed())
                .when(retract(Milestone.SIGNING), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "误录请作废项目"));
    }

    @Test
    void onlyARecordedMilestoneIsRetractedAndOnlyOnce() {
        fixture.given(signed())
                .when(retract(Milestone.REGISTRATION), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "尚未记录"));
        Given.fixture().given(signed(), started(START), new MilestoneRetracted(ID, Milestone.START, null, CEREMONY))
                .when(retract(Milestone.START), SUPERVISOR)
                .expectNoEvents().expectException(conflict("milestone", "尚未记录"));
    }

    @Test
    void anArrivalIsRetractedByItsNumber() {
        fixture.given(signed(), domesticFunds(1, START), domesticFunds(2, START))
                .when(new RetractMilestone(ID, Milestone.FUNDS, 2, "重复录入"), SUPERVISOR)
                .expectEvents(new MilestoneRetracted(ID, Milestone.FUNDS, 2, "重复录入"));
    }

    @Test
    void anArrivalRetractionNamesAnArrivalThatExists() {
        fixture.given(signed(), domesticFunds(1, START))
                .when(new RetractMilestone(ID, Milestone.FUNDS, null, "重复录入"), SUPERVISOR)
                .expectNoEvents().expectException(invalid("arrivalNo"));
        Given.fixture().given(signed(), domesticFunds(1, START),
                        new MilestoneRetracted(ID, Milestone.FUNDS, 1, "重复录入"))
                .when(new RetractMilestone(ID, Milestone.FUNDS, 1, "重复录入"), SUPERVISOR)
                .expectNoEvents().expectException(conflict("arrivalNo"));
    }

    @Test
    void onlyFundsRetractionsNameAnArrival() {
        fixture.given(signed(), started(START), domesticFunds(1, START))
                .when(new RetractMilestone(ID, Milestone.START, 1, CEREMONY), SUPERVISOR)
                .expectNoEvents().expectException(invalid("arrivalNo"));
    }

    @Test
    void aRetractionNeedsAReason() {
        fixture.given(signed(), started(START))
                .when(new RetractMilestone(ID, Milestone.START, null, " "), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
    }
}
