package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.CorrectCredit;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.events.CreditCorrected;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;

import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.invalid;

/**
 * 引荐单位 (#16): a signing credits a department of 附件2 by its code, or none; a supervisor corrects the credit later,
 * with a reason. Unknown codes are refused like unknown townships.
 */
class CreditTest {
    private static final String COMMERCE = "dept38"; // 市商务局
    private static final String WHY = "经核实由市商务局引荐";
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static SignProject sign(String introducedBy) {
        return new SignProject(ID, "光谷智能装备产业园", "武汉某公司", "gaoxin", "smart-equipment", true,
                new BigDecimal("12000"), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, introducedBy);
    }

    private static ProjectSigned signedBy(String department) {
        return new ProjectSigned(ID, "光谷智能装备产业园", "武汉某公司", "gaoxin", "smart-equipment", true,
                new BigDecimal("12000"), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, department, null);
    }

    @Test
    void aSigningCreditsTheDepartmentItNamesByCode() {
        fixture.givenNoPriorActivity()
                .when(sign(" " + COMMERCE + " "), GAOXIN_CLERK)
                .expectEvents(signedBy(COMMERCE));
    }

    @Test
    void aSigningWithoutCreditCreditsNobody() {
        fixture.givenNoPriorActivity().when(sign("  "), GAOXIN_CLERK).expectEvents(signedBy(null));
    }

    @Test
    void aNameOrAnUnknownCodeIsRefusedLikeAnUnknownTownship() {
        for (String text : new String[]{"市商务局", "dept74", "市招商服务中心"}) {
            Given.fixture().givenNoPriorActivity()
                    .when(sign(text), GAOXIN_CLERK)
                    .expectNoEvents().expectException(invalid("introducedBy"));
        }
    }

    @Test
    void aSupervisorCreditsTheProjectAfterTheFact() {
        fixture.given(signed())
                .when(new CorrectCredit(ID, COMMERCE, " " + WHY), SUPERVISOR)
                .expectEvents(new CreditCorrected(ID, COMMERCE, WHY));
    }

    @Test
    void aSupervisorTakesTheCreditAwayWithAReason() {
        fixture.given(signedBy(COMMERCE))
                .when(new CorrectCredit(ID, "", "重复认定"), SUPERVISOR)
                .expectEvents(new CreditCorrected(ID, null, "重复认定"));
    }

    @Test
    void theLatestCorrectionIsWhatACorrectionIsComparedWith() {
        fixture.given(signed(), new CreditCorrected(ID, COMMERCE, WHY))
                .when(new CorrectCredit(ID, COMMERCE, "再次确认"), SUPERVISOR)
                .expectNoEvents().expectException(invalid("department"));
        Given.fixture().given(signed(), new CreditCorrected(ID, COMMERCE, WHY))
                .when(new CorrectCredit(ID, "dept01", "改由市委办公室"), SUPERVISOR)
                .expectEvents(new CreditCorrected(ID, "dept01", "改由市委办公室"));
    }

    @Test
    void clerksDoNotCorrectCreditNotEvenOfTheirOwnProjects() {
        fixture.given(signed())
                .when(new CorrectCredit(ID, COMMERCE, WHY), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(new CorrectCredit(ID, COMMERCE, WHY), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void aCorrectionNeedsAKnownDepartmentAndAReason() {
        fixture.given(signed())
                .when(new CorrectCredit(ID, "市商务局", " "), SUPERVISOR)
                .expectNoEvents().expectException(invalid("department", "reason"));
    }

    @Test
    void aVoidedProjectIsCreditedToNobodyAnyMore() {
        fixture.given(signed(), new ProjectVoided(ID, "重复录入"))
                .when(new CorrectCredit(ID, COMMERCE, WHY), SUPERVISOR)
                .expectNoEvents().expectException(conflict(null, "已作废"));
    }
}
