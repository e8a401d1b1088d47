package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.SignProject;
import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectSigned;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SIGNED_ON;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.implausible;
import static org.luodi.command.Refusals.invalid;

/** 签约: creates the project; only the township's own clerk, known codes, an exact positive amount. */
class SigningTest {
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    private static SignProject sign(String township, String chain, String amount) {
        return new SignProject(ID, " 光谷智能装备产业园 ", "武汉某公司", township, chain, true,
                amount == null ? null : new BigDecimal(amount), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, "  ");
    }

    @Test
    void theTownshipsClerkSignsAndTheAmountIsKeptToTheCent() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "12000.50"), GAOXIN_CLERK)
                // 12000.50, not 12000.5: record equality compares BigDecimal scale too
                .expectEvents(new ProjectSigned(ID, "光谷智能装备产业园", "武汉某公司", "gaoxin", "smart-equipment", true,
                        new BigDecimal("12000.50"), SourceRegion.OUT_OF_PROVINCE, SIGNED_ON, null, null));
    }

    @Test
    void aClerkCannotSignForAnotherTownship() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "12000"), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void supervisorsAndAdminsDoNotRecordMilestones() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "12000"), SUPERVISOR)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "12000"), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void aCommandWithoutAnActorIsRefused() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "12000"), Map.of())
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void anUnknownTownshipCodeIsBadInput() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin-zone", "smart-equipment", "12000"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("township"));
    }

    @Test
    void aMissingTownshipIsBadInputNotACrash() {
        fixture.givenNoPriorActivity()
                .when(sign(null, "smart-equipment", "12000"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("township"));
    }

    @Test
    void anUnknownIndustryChainIsBadInput() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "steel", "12000"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("industryChain"));
    }

    @Test
    void theContractAmountMustBeAboveZero() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "0"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("contractAmountWan"));
        Given.fixture().givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "-1"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("contractAmountWan"));
    }

    @Test
    void anAmountFinerThanTheStoredPrecisionIsRefusedRatherThanRounded() {
        fixture.givenNoPriorActivity()
                .when(sign("gaoxin", "smart-equipment", "12000.0000001"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("contractAmountWan"));
    }

    @Test
    void thePlanTypesAndInvestorCategoriesAreKeptWhenGiven() {
        fixture.givenNoPriorActivity()
                .when(new SignProject(ID, "铜箔项目", "某集团", "gaoxin", "new-materials", true, new BigDecimal("35000"),
                        SourceRegion.IN_PROVINCE, SIGNED_ON, null, new BigDecimal("50000"),
                        Set.of(ProjectType.TECHNICAL_UPGRADE, ProjectType.SPECIALIZED_INNOVATIVE),
                        Set.of(InvestorCategory.PRIVATE_500), null), GAOXIN_CLERK)
                .expectEvents(new ProjectSigned(ID, "铜箔项目", "某集团", "gaoxin", "new-materials", true,
                        new BigDecimal("35000"), SourceRegion.IN_PROVINCE, SIGNED_ON, null, null,
                        new BigDecimal("50000"), Set.of(ProjectType.SPECIALIZED_INNOVATIVE, ProjectType.TECHNICAL_UPGRADE),
                        Set.of(InvestorCategory.PRIVATE_500)));
    }

    @Test
    void aStatedPlanIsAnAmountAndWeighedAgainstTheContract() {
        fixture.givenNoPriorActivity()
                .when(withPlan("0"), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("plannedInvestmentWan"));
        Given.fixture().givenNoPriorActivity()
                .when(withPlan("350001"), GAOXIN_CLERK)
                .expectNoEvents().expectException(implausible("plannedInvestmentWan", "planned-over-contract"));
    }

    @Test
    void aTypeOrCategoryThatIsNoneOfTheListIsBadInput() {
        Set<ProjectType> types = new HashSet<>();
        types.add(null);
        Set<InvestorCategory> categories = new HashSet<>();
        categories.add(null);
        fixture.givenNoPriorActivity()
                .when(new SignProject(ID, "铜箔项目", "某集团", "gaoxin", "new-materials", true, new BigDecimal("35000"),
                        SourceRegion.IN_PROVINCE, SIGNED_ON, null, null, types, categories, null), GAOXIN_CLERK)
                .expectNoEvents().expectException(invalid("types", "investorCategories"));
    }

    private static SignProject withPlan(String plannedWan) {
        return new SignProject(ID, "铜箔项目", "某集团", "gaoxin", "new-materials", true, new BigDecimal("35000"),
                SourceRegion.IN_PROVINCE, SIGNED_ON, null, new BigDecimal(plannedWan), null, null, null);
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new SignProject(ID, null, "", "gaoxin", null, null, null, null, null, null), GAOXIN_CLERK)
                .expectNoEvents()
                .expectException(invalid("name", "investor", "industryChain", "industrial", "contractAmountWan",
                        "sourceRegion", "signedOn"));
    }
}
