package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.CorrectMilestone;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.command.project.ProjectCommands.StoreProject;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectStored;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.domesticFunds;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.project.Given.stored;
import static org.luodi.command.Refusals.implausible;

/**
 * Amounts that look like a slip of 10,000× are not refused but need {@code confirmImplausible} (default thresholds):
 * funds above 3× the contract (万元 only), a contract above 1,000 亿元, a planned investment above 10× the contract.
 * Exactly at a threshold is plausible. The contract of {@link Given#signed()} is 12,000.50 万元.
 */
class PlausibilityTest {
    private static final LocalDate ON = LocalDate.of(2024, 6, 1);
    private static final LocalDate STARTED = LocalDate.of(2024, 4, 1);
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static RecordFundsArrival funds(String wan, Boolean confirm) {
        return new RecordFundsArrival(ID, ON, SourceRegion.IN_PROVINCE, new BigDecimal(wan), null, confirm);
    }

    // 3 × 12,000.50 = 36,001.50; 500 arrived already, so 35,501.50 more is exactly at the threshold

    @Test
    void fundsExactlyThreeTimesTheContractNeedNoConfirmation() {
        fixture.given(signed(), domesticFunds(1, ON))
                .when(funds("35501.50", null), GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 2, ON, SourceRegion.IN_PROVINCE, new BigDecimal("35501.50"), null));
    }

    @Test
    void fundsAboveThreeTimesTheContractWithoutConfirmationWriteNothing() {
        fixture.given(signed(), domesticFunds(1, ON))
                .when(funds("35501.51", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(implausible("amountWan", "funds-over-contract"));
    }

    @Test
    void fundsAboveThreeTimesTheContractAreRecordedOnceConfirmed() {
        fixture.given(signed(), domesticFunds(1, ON))
                .when(funds("35501.51", true), GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 2, ON, SourceRegion.IN_PROVINCE, new BigDecimal("35501.51"), null));
    }

    @Test
    void confirmationFalseIsNoConfirmation() {
        fixture.given(signed())
                .when(funds("1200000", false), GAOXIN_CLERK)
                .expectNoEvents().expectException(implausible("amountWan", "funds-over-contract"));
    }

    @Test
    void dollarsAreNotWeighedAgainstAContractInYuan() {
        fixture.given(signed())
                .when(new RecordFundsArrival(ID, ON, SourceRegion.FOREIGN, null, new BigDecimal("1000000"), null),
                        GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 1, ON, SourceRegion.FOREIGN, null, new BigDecimal("1000000")));
    }

    @Test
    void aCorrectedArrivalIsWeighedInPlaceOfTheOldAmount() {
        // 500 → 36,001.50: the total is then exactly 3×, allowed; one fen more is not, unless confirmed
        fixture.given(signed(), domesticFunds(1, ON))
                .when(new CorrectMilestone(ID, Milestone.FUNDS, 1, null, new BigDecimal("36001.50"), null, "按银行回单"),
                        GAOXIN_CLERK)
                .expectSuccessfulHandlerExecution();
        fixture.given(signed(), domesticFunds(1, ON))
                .when(new CorrectMilestone(ID, Milestone.FUNDS, 1, null, new BigDecimal("36001.51"), null, "按银行回单"),
                        GAOXIN_CLERK)
                .expectNoEvents().expectException(implausible("amountWan", "funds-over-contract"));
        fixture.given(signed(), domesticFunds(1, ON))
                .when(new CorrectMilestone(ID, Milestone.FUNDS, 1, null, new BigDecimal("36001.51"), null, "按银行回单",
                        true), GAOXIN_CLERK)
                .expectEvents(new MilestoneCorrected(ID, Milestone.FUNDS, 1, null, new BigDecimal("36001.51"), null,
                        "按银行回单"));
    }

    // 1,000 亿元 = 10,000,000 万元

    private static SignProject signing(String wan, Boolean confirm) {
        return new SignProject(ID, "光谷智能装备产业园", "武汉某公司", "gaoxin", "smart-equipment", true,
                new BigDecimal(wan), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, null, confirm);
    }

    private static ProjectSigned signedFor(String wan) {
        return new ProjectSigned(ID, "光谷智能装备产业园", "武汉某公司", "gaoxin", "smart-equipment", true,
                new BigDecimal(wan), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, null, null);
    }

    @Test
    void aContractOfExactlyAThousandYiNeedsNoConfirmation() {
        fixture.givenNoPriorActivity().when(signing("10000000", null), GAOXIN_CLERK)
                .expectEvents(signedFor("10000000"));
    }

    @Test
    void aContractAboveAThousandYiWithoutConfirmationWritesNothing() {
        fixture.givenNoPriorActivity().when(signing("10000000.01", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(implausible("contractAmountWan", "contract-over-limit"));
    }

    @Test
    void aContractAboveAThousandYiIsRecordedOnceConfirmed() {
        fixture.givenNoPriorActivity().when(signing("10000000.01", true), GAOXIN_CLERK)
                .expectEvents(signedFor("10000000.01"));
    }

    // 10 × 12,000.50 = 120,005

    private static StoreProject storing(String wan, Boolean confirm) {
        return new StoreProject(ID, ON, new BigDecimal(wan), confirm);
    }

    @Test
    void aPlannedInvestmentOfExactlyTenTimesTheContractNeedsNoConfirmation() {
        fixture.given(signed(), started(STARTED)).when(storing("120005", null), GAOXIN_CLERK)
                .expectEvents(new ProjectStored(ID, ON, new BigDecimal("120005")));
    }

    @Test
    void aPlannedInvestmentAboveTenTimesTheContractWithoutConfirmationWritesNothing() {
        fixture.given(signed(), started(STARTED)).when(storing("120005.01", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(implausible("plannedInvestmentWan", "planned-over-contract"));
    }

    @Test
    void aPlannedInvestmentAboveTenTimesTheContractIsRecordedOnceConfirmed() {
        fixture.given(signed(), started(STARTED)).when(storing("120005.01", true), GAOXIN_CLERK)
                .expectEvents(new ProjectStored(ID, ON, new BigDecimal("120005.01")));
    }

    @Test
    void aContractCorrectedDownBelowATenthOfThePlannedInvestmentNeedsConfirmation() {
        // planned 15,000: a contract of 1,500 is exactly a tenth (allowed), 1,499.99 is not
        fixture.given(signed(), started(STARTED), stored(ON))
                .when(new CorrectMilestone(ID, Milestone.SIGNING, null, null, new BigDecimal("1500"), null, "按合同"),
                        SUPERVISOR)
                .expectSuccessfulHandlerExecution();
        fixture.given(signed(), started(STARTED), stored(ON))
                .when(new CorrectMilestone(ID, Milestone.SIGNING, null, null, new BigDecimal("1499.99"), null, "按合同"),
                        SUPERVISOR)
                .expectNoEvents().expectException(implausible("amountWan", "planned-over-contract"));
    }
}
