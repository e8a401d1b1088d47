package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.events.ProductionStarted;
import org.luodi.events.ProjectStored;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.day;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.project.Given.stored;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 入库 and 投产: each once, each needs a start, each on or after it. */
class StorageAndProductionTest {
    private static final LocalDate START = day("2024-05-01");
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static StoreProject store(LocalDate on, String plannedWan) {
        return new StoreProject(ID, on, new BigDecimal(plannedWan));
    }

    @Test
    void storedOnTheDayOfTheStart() {
        fixture.given(signed(), started(START))
                .when(store(START, "15000.25"), GAOXIN_CLERK)
                .expectEvents(new ProjectStored(ID, START, new BigDecimal("15000.25")));
    }

    @Test
    void storageNeedsAStart() {
        fixture.given(signed())
                .when(store(START, "15000"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("storedOn", "尚未开工，不能入库"));
    }

    @Test
    void storageCannotPrecedeTheStart() {
        fixture.given(signed(), started(START))
                .when(store(START.minusDays(1), "15000"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("storedOn", "入库日期不能早于开工日期"));
    }

    @Test
    void storedOnlyOnce() {
        fixture.given(signed(), started(START), stored(START))
                .when(store(START.plusDays(1), "15000"), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("storedOn", "已入库"));
    }

    @Test
    void thePlannedInvestmentMustBeAboveZero() {
        fixture.given(signed(), started(START))
                .when(store(START, "0"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("plannedInvestmentWan"));
    }

    @Test
    void inProductionOnTheDayOfTheStart() {
        fixture.given(signed(), started(START))
                .when(new StartProduction(ID, START), GAOXIN_CLERK)
                .expectEvents(new ProductionStarted(ID, START));
    }

    @Test
    void productionNeedsAStart() {
        fixture.given(signed())
                .when(new StartProduction(ID, START), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("productionOn", "尚未开工，不能投产"));
    }

    @Test
    void productionCannotPrecedeTheStart() {
        fixture.given(signed(), started(START))
                .when(new StartProduction(ID, START.minusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("productionOn", "投产日期不能早于开工日期"));
    }

    @Test
    void inProductionOnlyOnce() {
        fixture.given(signed(), started(START), new ProductionStarted(ID, START))
                .when(new StartProduction(ID, START.plusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("productionOn", "已投产"));
    }

    @Test
    void aSupervisorDoesNotRecordStorageOrProduction() {
        fixture.given(signed(), started(START))
                .when(store(START, "15000"), SUPERVISOR)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed(), started(START))
                .when(new StartProduction(ID, START), SUPERVISOR)
                .expectNoEvents().expectException(forbidden());
    }
}
