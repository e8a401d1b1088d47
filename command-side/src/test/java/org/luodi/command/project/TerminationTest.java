package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.command.project.ProjectCommands.TerminateProject;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.creditCode;
import static org.luodi.command.project.Given.day;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 解约: once, not once in production, not before what it ends; after it only corrections. */
class TerminationTest {
    private static final LocalDate ENDED = day("2024-09-30");
    private static final ProjectTerminated TERMINATED = new ProjectTerminated(ID, ENDED, "投资方资金链断裂");
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    @Test
    void aSignedProjectIsTerminatedWithAReason() {
        fixture.given(signed(), started(day("2024-05-01")))
                .when(new TerminateProject(ID, ENDED, " 投资方资金链断裂 "), GAOXIN_CLERK)
                .expectEvents(TERMINATED);
    }

    @Test
    void theReasonIsRequired() {
        fixture.given(signed())
                .when(new TerminateProject(ID, ENDED, " "), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("reason"));
    }

    @Test
    void aProjectInProductionCannotBeTerminated() {
        fixture.given(signed(), started(day("2024-05-01")), new ProductionStarted(ID, day("2024-08-01")))
                .when(new TerminateProject(ID, ENDED, "停产"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("terminatedOn", "已投产的项目不能解约"));
    }

    @Test
    void theTerminationCannotPrecedeARecordedMilestone() {
        fixture.given(signed(), started(day("2024-10-01")))
                .when(new TerminateProject(ID, ENDED, "解约"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("terminatedOn", "解约日期不能早于"));
    }

    @Test
    void aSupervisorDoesNotTerminate() {
        fixture.given(signed())
                .when(new TerminateProject(ID, ENDED, "解约"), SUPERVISOR)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void noMilestoneFollowsATermination() {
        List<Object> milestones = List.of(
                new RegisterCompany(ID, ENDED, "某公司", creditCode("91420281MA4F0A0A0"), false, null),
                new StartConstruction(ID, ENDED, StartKind.NEW),
                new StoreProject(ID, ENDED, new BigDecimal("100")),
                new StartProduction(ID, ENDED),
                new RecordFundsArrival(ID, ENDED, SourceRegion.IN_PROVINCE, new BigDecimal("100"), null),
                new TerminateProject(ID, ENDED, "再次解约"));
        for (Object milestone : milestones) {
            Given.fixture().given(signed(), started(SIGNED_ON), TERMINATED)
                    .when(milestone, GAOXIN_CLERK)
                    // field null: refused because the project is terminated, not for the milestone's own rules
                    .expectNoEvents().expectException(conflict(null, "已解约"));
        }
    }

    @Test
    void aTerminatedProjectCanStillBeCorrected() {
        fixture.given(signed(), TERMINATED)
                .when(new CorrectMilestone(ID, Milestone.TERMINATION, null, day("2024-10-08"), null, null,
                        "解约协议签署日期录错"), GAOXIN_CLERK)
                .expectEvents(new MilestoneCorrected(ID, Milestone.TERMINATION, null, day("2024-10-08"), null, null,
                        "解约协议签署日期录错"));
    }
}
