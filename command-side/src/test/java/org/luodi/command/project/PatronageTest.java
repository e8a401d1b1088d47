package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.AssignPatronage;
import org.luodi.events.PatronageAssigned;
import org.luodi.events.ProjectVoided;

import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/**
 * 包保 (#19): a supervisor names the city leader of reference/leaders-daye.csv who 包保 a project and the 服务专班
 * serving it, changes or removes them, always with a reason; nobody else does.
 */
class PatronageTest {
    private static final String DEPUTY_MAYOR = "leader10"; // 王细军, 常务副市长
    private static final String TEAM = "智能装备产业招商专班";
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    @Test
    void aSupervisorNamesTheLeaderAndTheServiceTeam() {
        fixture.given(signed())
                .when(new AssignPatronage(ID, " " + DEPUTY_MAYOR + " ", " " + TEAM + " ", " 重点项目包保 "), SUPERVISOR)
                .expectEvents(new PatronageAssigned(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"));
    }

    @Test
    void aLaterAssignmentReplacesTheWholeOneAndMayRemoveBoth() {
        fixture.given(signed(), new PatronageAssigned(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"))
                .when(new AssignPatronage(ID, "leader24", TEAM, "领导分工调整"), SUPERVISOR)
                .expectEvents(new PatronageAssigned(ID, "leader24", TEAM, "领导分工调整"));
        Given.fixture().given(signed(), new PatronageAssigned(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"))
                .when(new AssignPatronage(ID, "", null, "项目已投产，不再包保"), SUPERVISOR)
                .expectEvents(new PatronageAssigned(ID, null, null, "项目已投产，不再包保"));
    }

    @Test
    void anAssignmentThatChangesNothingIsRefused() {
        fixture.given(signed(), new PatronageAssigned(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"))
                .when(new AssignPatronage(ID, DEPUTY_MAYOR, TEAM, "再次确认"), SUPERVISOR)
                .expectNoEvents().expectException(invalid("leader"));
        Given.fixture().given(signed())
                .when(new AssignPatronage(ID, "", null, "无"), SUPERVISOR)
                .expectNoEvents().expectException(invalid("leader"));
    }

    @Test
    void anUnknownLeaderAnOverlongOrBlankTeamOrNoReasonIsRefused() {
        fixture.given(signed())
                .when(new AssignPatronage(ID, "王细军", "专".repeat(101), " "), SUPERVISOR)
                .expectNoEvents().expectException(invalid("leader", "serviceTeam", "reason"));
        // no team is said by leaving it out, never by a blank that looks like a name
        Given.fixture().given(signed())
                .when(new AssignPatronage(ID, DEPUTY_MAYOR, "   ", "重点项目包保"), SUPERVISOR)
                .expectNoEvents().expectException(invalid("serviceTeam"));
    }

    @Test
    void onlyASupervisorAssigns() {
        fixture.given(signed())
                .when(new AssignPatronage(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(new AssignPatronage(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void aVoidedProjectGetsNoLeader() {
        fixture.given(signed(), new ProjectVoided(ID, "重复录入"))
                .when(new AssignPatronage(ID, DEPUTY_MAYOR, TEAM, "重点项目包保"), SUPERVISOR)
                .expectNoEvents().expectException(conflict(null, "已作废"));
    }
}
