package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.day;
import static org.luodi.command.project.Given.domesticFunds;
import static org.luodi.command.project.Given.foreignFunds;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.project.Given.stored;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 更正: a new date and/or amount with a reason; the corrected history must obey every rule a first entry obeys. */
class CorrectionTest {
    private static final LocalDate START = day("2024-05-01");
    private static final String WHY = "录入错误";
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static CorrectMilestone correctDate(Milestone milestone, LocalDate date) {
        return new CorrectMilestone(ID, milestone, null, date, null, null, WHY);
    }

    private static MilestoneCorrected correctedDate(Milestone milestone, LocalDate date) {
        return new MilestoneCorrected(ID, milestone, null, date, null, null, WHY);
    }

    private static CorrectMilestone correctFunds(Integer arrivalNo, String wan, String usdWan) {
        return new CorrectMilestone(ID, Milestone.FUNDS, arrivalNo, null, wan == null ? null : new BigDecimal(wan),
                usdWan == null ? null : new BigDecimal(usdWan), WHY);
    }

    @Test
    void theSigningDateMovesWhileItStaysBeforeTheStart() {
        fixture.given(signed(), started(START))
                .when(correctDate(Milestone.SIGNING, START), GAOXIN_CLERK)
                .expectEvents(correctedDate(Milestone.SIGNING, START));
    }

    @Test
    void theSigningDateCannotMoveAfterTheStart() {
        fixture.given(signed(), started(START))
                .when(correctDate(Milestone.SIGNING, START.plusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("date", "开工日期不能早于签约日期"));
    }

    @Test
    void theSigningDateCannotMoveAfterAnArrivalOfFunds() {
        fixture.given(signed(), domesticFunds(1, START))
                .when(correctDate(Milestone.SIGNING, START.plusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("date", "资金到位日期不能早于签约日期"));
    }

    @Test
    void aCorrectedDateIsWhatLaterCommandsAreCheckedAgainst() {
        fixture.given(signed(), correctedDate(Milestone.SIGNING, START))
                .when(new StartConstruction(ID, START.minusDays(1), StartKind.NEW), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("startedOn", "开工日期不能早于签约日期"));
    }

    @Test
    void theStartCannotMoveAfterTheStorage() {
        fixture.given(signed(), started(START), stored(START.plusDays(30)))
                .when(correctDate(Milestone.START, START.plusDays(31)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("date", "入库日期不能早于开工日期"));
    }

    @Test
    void theStorageDateMovesButNotBeforeTheStart() {
        fixture.given(signed(), started(START), stored(START.plusDays(30)))
                .when(correctDate(Milestone.STORAGE, START), GAOXIN_CLERK)
                .expectEvents(correctedDate(Milestone.STORAGE, START));
        Given.fixture().given(signed(), started(START), stored(START.plusDays(30)))
                .when(correctDate(Milestone.STORAGE, START.minusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("date", "入库日期不能早于开工日期"));
    }

    @Test
    void aCorrectedTerminationCannotPrecedeTheStart() {
        fixture.given(signed(), started(START), new ProjectTerminated(ID, START.plusDays(60), "解约"))
                .when(correctDate(Milestone.TERMINATION, START.minusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("date", "解约日期不能早于"));
    }

    @Test
    void theContractAndPlannedAmountsAreCorrectedExactly() {
        fixture.given(signed())
                .when(new CorrectMilestone(ID, Milestone.SIGNING, null, null, new BigDecimal("9800.00"), null, WHY),
                        GAOXIN_CLERK)
                .expectEvents(new MilestoneCorrected(ID, Milestone.SIGNING, null, null, new BigDecimal("9800.00"),
                        null, WHY));
    }

    @Test
    void aStartHasNoAmountToCorrect() {
        fixture.given(signed(), started(START))
                .when(new CorrectMilestone(ID, Milestone.START, null, null, new BigDecimal("1"), null, WHY),
                        GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("amountWan"));
    }

    @Test
    void aForeignArrivalIsCorrectedInDollarsOnly() {
        fixture.given(signed(), foreignFunds(1, START))
                .when(correctFunds(1, null, "95.5"), GAOXIN_CLERK)
                .expectEvents(new MilestoneCorrected(ID, Milestone.FUNDS, 1, null, null, new BigDecimal("95.5"), WHY));
        Given.fixture().given(signed(), foreignFunds(1, START))
                .when(correctFunds(1, "95.5", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("amountWan"));
    }

    @Test
    void aFundsCorrectionNamesAnArrivalThatExists() {
        fixture.given(signed(), domesticFunds(1, START))
                .when(correctFunds(null, "600", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("arrivalNo"));
        Given.fixture().given(signed(), domesticFunds(1, START))
                .when(correctFunds(2, "600", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("arrivalNo"));
    }

    @Test
    void anArrivalCannotBeMovedBeforeSigning() {
        fixture.given(signed(), domesticFunds(1, START))
                .when(new CorrectMilestone(ID, Milestone.FUNDS, 1, SIGNED_ON.minusDays(1), null, null, WHY),
                        GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("date", "资金到位日期不能早于签约日期"));
    }

    @Test
    void onlyFundsCorrectionsNameAnArrival() {
        fixture.given(signed(), started(START), domesticFunds(1, START))
                .when(new CorrectMilestone(ID, Milestone.START, 1, START.plusDays(1), null, null, WHY), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("arrivalNo"));
    }

    @Test
    void aMilestoneNeverRecordedCannotBeCorrected() {
        fixture.given(signed())
                .when(correctDate(Milestone.START, START), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("milestone"));
    }

    @Test
    void aRetractedMilestoneCannotBeCorrected() {
        fixture.given(signed(), started(START), new MilestoneRetracted(ID, Milestone.START, null, "仪式开工"))
                .when(correctDate(Milestone.START, START.plusDays(1)), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("milestone"));
    }

    @Test
    void aCorrectionNeedsSomethingToChangeAndAReason() {
        fixture.given(signed())
                .when(new CorrectMilestone(ID, Milestone.SIGNING, null, null, null, null, " "), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("reason", "date"));
    }

    @Test
    void aSupervisorCorrectsAnyTownshipsProject() {
        fixture.given(signed())
                .when(correctDate(Milestone.SIGNING, SIGNED_ON.minusDays(3)), SUPERVISOR)
                .expectEvents(correctedDate(Milestone.SIGNING, SIGNED_ON.minusDays(3)));
    }

    @Test
    void anotherTownshipsClerkAndAnAdminCannotCorrect() {
        fixture.given(signed())
                .when(correctDate(Milestone.SIGNING, SIGNED_ON.minusDays(3)), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(correctDate(Milestone.SIGNING, SIGNED_ON.minusDays(3)), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }
}
