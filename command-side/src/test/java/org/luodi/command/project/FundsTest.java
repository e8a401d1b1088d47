package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.RecordFundsArrival;
import org.luodi.events.FundsArrived;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.Milestone;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.domesticFunds;
import static org.luodi.command.project.Given.foreignFunds;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/** 到位资金: any number of arrivals, numbered 1, 2, …; domestic in 万元, foreign in 万美元; on or after signing. */
class FundsTest {
    private static final LocalDate ON = LocalDate.of(2024, 6, 1);
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static RecordFundsArrival arrival(SourceRegion source, String wan, String usdWan) {
        return new RecordFundsArrival(ID, ON, source, wan == null ? null : new BigDecimal(wan),
                usdWan == null ? null : new BigDecimal(usdWan));
    }

    @Test
    void theFirstDomesticArrivalIsNumberOne() {
        fixture.given(signed())
                .when(arrival(SourceRegion.OUT_OF_PROVINCE, "3000.75", null), GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 1, ON, SourceRegion.OUT_OF_PROVINCE, new BigDecimal("3000.75"), null));
    }

    @Test
    void moneyArrivesAgainAndAgainWithTheNextNumber() {
        fixture.given(signed(), domesticFunds(1, ON), foreignFunds(2, ON))
                .when(arrival(SourceRegion.IN_PROVINCE, "100", null), GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 3, ON, SourceRegion.IN_PROVINCE, new BigDecimal("100"), null));
    }

    @Test
    void aRetractedArrivalsNumberIsNeverReused() {
        fixture.given(signed(), domesticFunds(1, ON), domesticFunds(2, ON),
                        new MilestoneRetracted(ID, Milestone.FUNDS, 2, "重复录入"))
                .when(arrival(SourceRegion.IN_PROVINCE, "100", null), GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 3, ON, SourceRegion.IN_PROVINCE, new BigDecimal("100"), null));
    }

    @Test
    void foreignMoneyIsInTenThousandDollars() {
        fixture.given(signed())
                .when(arrival(SourceRegion.FOREIGN, null, "80"), GAOXIN_CLERK)
                .expectEvents(new FundsArrived(ID, 1, ON, SourceRegion.FOREIGN, null, new BigDecimal("80")));
    }

    @Test
    void foreignMoneyInYuanIsRefused() {
        fixture.given(signed())
                .when(arrival(SourceRegion.FOREIGN, "80", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("amountUsdWan", "amountWan"));
    }

    @Test
    void domesticMoneyInDollarsIsRefused() {
        fixture.given(signed())
                .when(arrival(SourceRegion.IN_PROVINCE, "500", "80"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("amountUsdWan"));
    }

    @Test
    void theAmountMustBeAboveZero() {
        fixture.given(signed())
                .when(arrival(SourceRegion.IN_PROVINCE, "-500", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("amountWan"));
    }

    @Test
    void theSourceIsRequired() {
        fixture.given(signed())
                .when(arrival(null, "500", null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("source"));
    }

    @Test
    void moneyCannotArriveBeforeSigning() {
        fixture.given(signed())
                .when(new RecordFundsArrival(ID, SIGNED_ON.minusDays(1), SourceRegion.IN_PROVINCE,
                        new BigDecimal("500"), null), GAOXIN_CLERK)
                .expectNoEvents().expectException(conflict("arrivedOn", "资金到位日期不能早于签约日期"));
    }

    @Test
    void anotherTownshipsClerkCannotRecordIt() {
        fixture.given(signed())
                .when(arrival(SourceRegion.IN_PROVINCE, "500", null), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
    }
}
