package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.StartKind;

import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 开工: once, NEW or RESUMED, on or after signing. */
class StartTest {
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    @ParameterizedTest
    @EnumSource(StartKind.class)
    void startsOnTheDayOfSigningEitherKind(StartKind kind) {
        fixture.given(signed())
                .when(new StartConstruction(ID, SIGNED_ON, kind), GAOXIN_CLERK)
                .expectEvents(new ConstructionStarted(ID, SIGNED_ON, kind));
    }

    @Test
    void theKindIsRequired() {
        fixture.given(signed())
                .when(new StartConstruction(ID, SIGNED_ON, null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("kind"));
    }

    @Test
    void cannotStartBeforeSigning() {
        fixture.given(signed())
                .when(new StartConstruction(ID, SIGNED_ON.minusDays(1), StartKind.NEW), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("startedOn", "开工日期不能早于签约日期"));
    }

    @Test
    void startsOnlyOnce() {
        fixture.given(signed(), started(SIGNED_ON))
                .when(new StartConstruction(ID, SIGNED_ON.plusDays(10), StartKind.RESUMED), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("startedOn", "已开工"));
    }

    @Test
    void anotherTownshipsClerkCannotStartIt() {
        fixture.given(signed())
                .when(new StartConstruction(ID, SIGNED_ON, StartKind.NEW), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
    }
}
