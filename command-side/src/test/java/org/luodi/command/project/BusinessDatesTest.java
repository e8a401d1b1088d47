package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.RegisterCompany;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.command.project.ProjectCommands.StartProduction;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.command.project.ProjectCommands.TerminateProject;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.Milestone;
import org.luodi.events.ProjectSigned;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.reference.ReferenceData;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.TODAY;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.Refusals.invalid;

/**
 * Every business date: late entry is normal, but never after today in Asia/Shanghai and never before 2000-01-01.
 * Each case builds one command around the date under test.
 */
class BusinessDatesTest {
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    record DatedCommand(String field, Function<LocalDate, Object> command) {
        @Override
        public String toString() {
            return field;
        }
    }

    static Stream<DatedCommand> everyDatedCommand() {
        BigDecimal hundred = new BigDecimal("100");
        return Stream.of(
                new DatedCommand("registeredOn", d -> new RegisterCompany(ID, d, "某公司",
                        Given.creditCode("91420281MA4F0A0A0"), false, null)),
                new DatedCommand("startedOn", d -> new StartConstruction(ID, d, StartKind.RESUMED)),
                new DatedCommand("storedOn", d -> new StoreProject(ID, d, hundred)),
                new DatedCommand("productionOn", d -> new StartProduction(ID, d)),
                new DatedCommand("arrivedOn", d -> new RecordFundsArrival(ID, d, SourceRegion.IN_PROVINCE, hundred,
                        null)),
                new DatedCommand("terminatedOn", d -> new TerminateProject(ID, d, "解约")),
                new DatedCommand("date", d -> new CorrectMilestone(ID, Milestone.SIGNING, null, d, null, null, "更正")));
    }

    /** Signed and, for storage and production, started on 2000-01-01, so that only the date's range can refuse. */
    private static TestExecutor<InvestmentProject> givenAnOldProject(DatedCommand dated) {
        ProjectSigned s = signed();
        ProjectSigned old = new ProjectSigned(ID, s.name(), s.investor(), s.township(), s.industryChain(),
                s.industrial(), s.contractAmountWan(), s.sourceRegion(), EARLIEST, null, null);
        boolean needsAStart = dated.field().equals("storedOn") || dated.field().equals("productionOn");
        return needsAStart ? Given.fixture().given(old, new ConstructionStarted(ID, EARLIEST, StartKind.NEW))
                : Given.fixture().given(old);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDatedCommand")
    void todayAndTheFirstDayOf2000AreAccepted(DatedCommand dated) {
        for (LocalDate ok : List.of(TODAY, EARLIEST)) {
            givenAnOldProject(dated)
                    .when(dated.command().apply(ok), GAOXIN_CLERK)
                    .expectSuccessfulHandlerExecution();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyDatedCommand")
    void tomorrowAndTheLastDayOf1999AreRefused(DatedCommand dated) {
        for (LocalDate wrong : List.of(TODAY.plusDays(1), EARLIEST.minusDays(1))) {
            givenAnOldProject(dated)
                    .when(dated.command().apply(wrong), GAOXIN_CLERK)
                    .expectNoEvents().expectException(invalid(dated.field()));
        }
    }

    @Test
    void aSigningTomorrowIsRefused() {
        Given.fixture().givenNoPriorActivity()
                .when(new SignProject(ID, "项目", "投资方", "gaoxin", "smart-equipment", true, new BigDecimal("1"),
                        SourceRegion.IN_PROVINCE, TODAY.plusDays(1), null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("signedOn"));
    }

    /** 00:30 on 1 January in Shanghai is still 31 December in UTC: "today" is Shanghai's whatever the clock's zone. */
    @Test
    void todayIsShanghaisDayEvenOnAClockInAnotherZone() {
        Clock utc = Clock.fixed(Instant.parse("2024-12-31T16:30:00Z"), ZoneOffset.UTC);
        AggregateTestFixture<InvestmentProject> fixture = new AggregateTestFixture<>(InvestmentProject.class);
        fixture.registerInjectableResource(utc);
        fixture.registerInjectableResource(ReferenceData.daye());
        fixture.registerInjectableResource(Given.NO_LEADS);
        fixture.given(signed())
                .when(new StartConstruction(ID, LocalDate.of(2025, 1, 1), StartKind.NEW), GAOXIN_CLERK)
                .expectEvents(new ConstructionStarted(ID, LocalDate.of(2025, 1, 1), StartKind.NEW));
    }
}
