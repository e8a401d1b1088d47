package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.command.project.ProjectCommands.RetractMilestone;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.command.project.ProjectCommands.TerminateProject;
import org.luodi.command.project.ProjectCommands.VoidProject;
import org.luodi.events.Milestone;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.junit.jupiter.params.provider.Arguments;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.creditCode;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 作废: supervisors only, with a reason; afterwards the project takes nothing at all. */
class VoidTest {
    private static final String WHY = "重复录入的项目";
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    @Test
    void aSupervisorVoidsAProjectRecordedInError() {
        fixture.given(signed())
                .when(new VoidProject(ID, " " + WHY), SUPERVISOR)
                .expectEvents(new ProjectVoided(ID, WHY));
    }

    @Test
    void aTerminatedProjectCanStillBeVoided() {
        fixture.given(signed(), new ProjectTerminated(ID, SIGNED_ON, "解约"))
                .when(new VoidProject(ID, WHY), SUPERVISOR)
                .expectEvents(new ProjectVoided(ID, WHY));
    }

    @Test
    void aClerkOrAnAdminCannotVoid() {
        fixture.given(signed())
                .when(new VoidProject(ID, WHY), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(new VoidProject(ID, WHY), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void voidingNeedsAReasonOfAtMost500Characters() {
        fixture.given(signed())
                .when(new VoidProject(ID, null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
        Given.fixture().given(signed())
                .when(new VoidProject(ID, "误".repeat(501)), SUPERVISOR)
                .expectNoEvents().expectException(invalid("reason"));
    }

    static Stream<Arguments> everyCommand() {
        LocalDate on = SIGNED_ON.plusDays(1);
        Map<String, Object> clerk = GAOXIN_CLERK;
        return Stream.of(
                arguments(new RegisterCompany(ID, on, "某公司", creditCode("91420281MA4F0A0A0"), false, null), clerk),
                arguments(new StartConstruction(ID, on, StartKind.NEW), clerk),
                arguments(new StoreProject(ID, on, new BigDecimal("100")), clerk),
                arguments(new StartProduction(ID, on), clerk),
                arguments(new RecordFundsArrival(ID, on, SourceRegion.IN_PROVINCE, new BigDecimal("100"), null), clerk),
                arguments(new TerminateProject(ID, on, "解约"), clerk),
                arguments(new CorrectMilestone(ID, Milestone.SIGNING, null, on, null, null, "更正"), clerk),
                arguments(new CorrectMilestone(ID, Milestone.SIGNING, null, on, null, null, "更正"), SUPERVISOR),
                arguments(new RetractMilestone(ID, Milestone.START, null, "撤销"), SUPERVISOR),
                arguments(new VoidProject(ID, "再次作废"), SUPERVISOR));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void aVoidedProjectTakesNothing(Object command, Map<String, Object> who) {
        fixture.given(signed(), started(SIGNED_ON), new ProjectVoided(ID, WHY))
                .when(command, who)
                // field null: refused because the project is void, not for the command's own rules
                .expectNoEvents().expectException(conflict(null, "已作废"));
    }
}
