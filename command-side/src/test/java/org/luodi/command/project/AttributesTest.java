package org.luodi.command.project;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.luodi.command.project.ProjectCommands.CorrectAttributes;
import org.luodi.command.project.ProjectCommands.StartConstruction;
import org.luodi.events.AttributesCorrected;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.InvestorCategory;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectTerminated;
import org.luodi.events.ProjectType;
import org.luodi.events.ProjectVoided;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import static org.luodi.command.project.Given.ADMIN;
import static org.luodi.command.project.Given.CHENGUI_CLERK;
import static org.luodi.command.project.Given.GAOXIN_CLERK;
import static org.luodi.command.project.Given.ID;
import static org.luodi.command.project.Given.SUPERVISOR;
import static org.luodi.command.project.Given.day;
import static org.luodi.command.project.Given.domesticFunds;
import static org.luodi.command.project.Given.signed;
import static org.luodi.command.project.Given.started;
import static org.luodi.command.project.Given.stored;
import static org.luodi.command.Refusals.conflict;
import static org.luodi.command.Refusals.forbidden;
import static org.luodi.command.Refusals.implausible;
import static org.luodi.command.Refusals.invalid;

/**
 * 更正项目信息 (#17): a supervisor, or the clerk of the project's township, corrects what the project is, with a
 * reason; only a supervisor moves it to another township, after which it is the new township's. The event carries
 * the attributes before and after whole.
 */
class AttributesTest {
    private static final String WHY = "合同文本核对后更正";
    /** The attributes of {@link Given#signed()}. */
    private static final ProjectAttributes SIGNED = signed().attributes();
    private final AggregateTestFixture<InvestmentProject> fixture = Given.fixture();

    /** A correction of nothing but what {@code change} sets, with a reason. */
    private static Correction correct() {
        return new Correction();
    }

    @Test
    void aSupervisorCorrectsWhatTheProjectIsAndTheEventCarriesBeforeAndAfter() {
        ProjectAttributes after = new ProjectAttributes("光谷智能装备产业园二期", "武汉某集团", "gaoxin", "new-materials",
                false, SourceRegion.FOREIGN, new BigDecimal("15000"), new BigDecimal("40000"),
                Set.of(ProjectType.SECOND_ROUND, ProjectType.CAPITAL_EXPANSION), Set.of(InvestorCategory.LISTED));
        fixture.given(signed())
                .when(correct().name(" 光谷智能装备产业园二期 ").investor("武汉某集团 ").chain("new-materials")
                        .industrial(false).source(SourceRegion.FOREIGN).contract("15000").planned("40000")
                        .types(ProjectType.CAPITAL_EXPANSION, ProjectType.SECOND_ROUND)
                        .categories(InvestorCategory.LISTED).reason(" " + WHY + " ").command(), SUPERVISOR)
                .expectEvents(new AttributesCorrected(ID, SIGNED, after, WHY));
    }

    @Test
    void theProjectsOwnClerkCorrectsItsAttributesAndLeftOutOnesStay() {
        fixture.given(signed())
                .when(correct().name("光谷智能装备产业园（一期）").command(), GAOXIN_CLERK)
                .expectEvents(new AttributesCorrected(ID, SIGNED, withName("光谷智能装备产业园（一期）"), WHY));
    }

    @Test
    void noOtherTownshipsClerkNorAnAdministratorCorrects() {
        fixture.given(signed())
                .when(correct().name("改名").command(), CHENGUI_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(correct().name("改名").command(), ADMIN)
                .expectNoEvents().expectException(forbidden());
    }

    @Test
    void onlyASupervisorMovesAProjectToAnotherTownship() {
        fixture.given(signed())
                .when(correct().township("chengui").command(), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed())
                .when(correct().township("chengui").command(), SUPERVISOR)
                .expectEvents(new AttributesCorrected(ID, SIGNED, withTownship("chengui"), WHY));
        // naming its own township is no move: the clerk's other corrections pass
        Given.fixture().given(signed())
                .when(correct().township("gaoxin").name("改名").command(), GAOXIN_CLERK)
                .expectEvents(new AttributesCorrected(ID, SIGNED, withName("改名"), WHY));
    }

    @Test
    void aMovedProjectIsTheNewTownshipsFromThen() {
        AttributesCorrected moved = new AttributesCorrected(ID, SIGNED, withTownship("chengui"), WHY);
        fixture.given(signed(), moved)
                .when(new StartConstruction(ID, day("2024-05-01"), StartKind.NEW), CHENGUI_CLERK)
                .expectEvents(new ConstructionStarted(ID, day("2024-05-01"), StartKind.NEW));
        Given.fixture().given(signed(), moved)
                .when(new StartConstruction(ID, day("2024-05-01"), StartKind.NEW), GAOXIN_CLERK)
                .expectNoEvents().expectException(forbidden());
        Given.fixture().given(signed(), moved)
                .when(correct().name("改名").command(), CHENGUI_CLERK)
                .expectEvents(new AttributesCorrected(ID, withTownship("chengui"),
                        new ProjectAttributes("改名", SIGNED.investor(), "chengui", SIGNED.industryChain(), true,
                                SIGNED.sourceRegion(), SIGNED.contractAmountWan(), null, Set.of(), Set.of()), WHY));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefusedForTheRequestAsAWhole() {
        fixture.given(signed())
                .when(correct().command(), SUPERVISOR)
                .expectNoEvents().expectException(invalid((String) null));
        // 12000.5 is the signed 12000.50; the same township, chain and flags are no change either
        Given.fixture().given(signed())
                .when(correct().contract("12000.5").township("gaoxin").chain("smart-equipment").industrial(true)
                        .types().categories().command(), SUPERVISOR)
                .expectNoEvents().expectException(invalid((String) null));
    }

    @Test
    void theLatestCorrectionIsWhatAnotherIsComparedWith() {
        ProjectAttributes typed = new ProjectAttributes(SIGNED.name(), SIGNED.investor(), "gaoxin",
                SIGNED.industryChain(), true, SIGNED.sourceRegion(), SIGNED.contractAmountWan(), null,
                Set.of(ProjectType.FUND_MATCHED), Set.of());
        fixture.given(signed(), new AttributesCorrected(ID, SIGNED, typed, WHY))
                .when(correct().types(ProjectType.FUND_MATCHED).command(), SUPERVISOR)
                .expectNoEvents().expectException(invalid((String) null));
        Given.fixture().given(signed(), new AttributesCorrected(ID, SIGNED, typed, WHY))
                .when(correct().types().command(), SUPERVISOR)
                .expectEvents(new AttributesCorrected(ID, typed, SIGNED, WHY));
    }

    @Test
    void aContractAmountCorrectedAsAMilestoneIsTheAmountBefore() {
        fixture.given(signed(), new MilestoneCorrected(ID, Milestone.SIGNING, null, null, new BigDecimal("13000"),
                        null, "合同金额录错"))
                .when(correct().name("改名").command(), SUPERVISOR)
                .expectEvents(new AttributesCorrected(ID, SIGNED.withContractAmountWan(new BigDecimal("13000")),
                        new ProjectAttributes("改名", SIGNED.investor(), "gaoxin", SIGNED.industryChain(), true,
                                SIGNED.sourceRegion(), new BigDecimal("13000"), null, Set.of(), Set.of()), WHY));
    }

    @Test
    void unknownCodesBlankTextsBadAmountsAndAMissingReasonAreNamedAtOnce() {
        Set<ProjectType> withNull = new HashSet<>();
        withNull.add(null);
        fixture.given(signed())
                .when(new CorrectAttributes(ID, " ", "", "gaoxin-zone", "steel", null, null, new BigDecimal("0"),
                        new BigDecimal("-1"), withNull, null, " ", null), SUPERVISOR)
                .expectNoEvents().expectException(invalid("name", "investor", "township", "industryChain", "types",
                        "reason", "contractAmountWan", "plannedInvestmentWan"));
    }

    @Test
    void aVoidedProjectIsCorrectedNoMore() {
        fixture.given(signed(), new ProjectVoided(ID, "重复录入"))
                .when(correct().name("改名").command(), SUPERVISOR)
                .expectNoEvents().expectException(conflict(null, "已作废"));
    }

    @Test
    void aTerminatedProjectIsStillCorrected() {
        fixture.given(signed(), new ProjectTerminated(ID, day("2024-09-01"), "资金链断裂"))
                .when(correct().name("改名").command(), GAOXIN_CLERK)
                .expectEvents(new AttributesCorrected(ID, SIGNED, withName("改名"), WHY));
    }

    @Test
    void amountsAreWeighedAsAtSigning() {
        // a contract above 1,000 亿元
        fixture.given(signed())
                .when(correct().contract("10000001").command(), SUPERVISOR)
                .expectNoEvents().expectException(implausible("contractAmountWan", "contract-over-limit"));
        // a plan above 10 times the contract
        Given.fixture().given(signed())
                .when(correct().planned("120006").command(), SUPERVISOR)
                .expectNoEvents().expectException(implausible("plannedInvestmentWan", "planned-over-contract"));
        // a contract lowered below a third of the funds arrived, or below a tenth of the plan stated at 入库
        Given.fixture().given(signed(), domesticFunds(1, day("2024-04-01")))
                .when(correct().contract("100").command(), SUPERVISOR)
                .expectNoEvents().expectException(implausible("contractAmountWan", "funds-over-contract"));
        Given.fixture().given(signed(), started(day("2024-04-01")), stored(day("2024-05-01")))
                .when(correct().contract("1000").command(), SUPERVISOR)
                .expectNoEvents().expectException(implausible("contractAmountWan", "planned-over-contract"));
        // … unless confirmed
        Given.fixture().given(signed())
                .when(correct().planned("120006").confirm().command(), SUPERVISOR)
                .expectEvents(new AttributesCorrected(ID, SIGNED, new ProjectAttributes(SIGNED.name(),
                        SIGNED.investor(), "gaoxin", SIGNED.industryChain(), true, SIGNED.sourceRegion(),
                        SIGNED.contractAmountWan(), new BigDecimal("120006"), Set.of(), Set.of()), WHY));
    }

    @Test
    void anAmountConfirmedEarlierIsNotAskedAgainWhenSomethingElseIsCorrected() {
        ProjectAttributes huge = SIGNED.withContractAmountWan(new BigDecimal("20000000"));
        fixture.given(signed(), new AttributesCorrected(ID, SIGNED, huge, "确认无误"))
                .when(correct().name("改名").command(), SUPERVISOR)
                .expectEvents(new AttributesCorrected(ID, huge, new ProjectAttributes("改名", SIGNED.investor(),
                        "gaoxin", SIGNED.industryChain(), true, SIGNED.sourceRegion(), new BigDecimal("20000000"),
                        null, Set.of(), Set.of()), WHY));
    }

    private static ProjectAttributes withName(String name) {
        return new ProjectAttributes(name, SIGNED.investor(), SIGNED.township(), SIGNED.industryChain(),
                SIGNED.industrial(), SIGNED.sourceRegion(), SIGNED.contractAmountWan(), null, Set.of(), Set.of());
    }

    private static ProjectAttributes withTownship(String township) {
        return new ProjectAttributes(SIGNED.name(), SIGNED.investor(), township, SIGNED.industryChain(),
                SIGNED.industrial(), SIGNED.sourceRegion(), SIGNED.contractAmountWan(), null, Set.of(), Set.of());
    }

    /** Builds a {@link CorrectAttributes}: every attribute left out unless set, the reason {@link #WHY}. */
    private static final class Correction {
        private String name;
        private String investor;
        private String township;
        private String chain;
        private Boolean industrial;
        private SourceRegion source;
        private BigDecimal contract;
        private BigDecimal planned;
        private Set<ProjectType> types;
        private Set<InvestorCategory> categories;
        private String reason = WHY;
        private Boolean confirm;

        Correction name(String value) {
            name = value;
            return this;
        }

        Correction investor(String value) {
            investor = value;
            return this;
        }

        Correction township(String value) {
            township = value;
            return this;
        }

        Correction chain(String value) {
            chain = value;
            return this;
        }

        Correction industrial(boolean value) {
            industrial = value;
            return this;
        }

        Correction source(SourceRegion value) {
            source = value;
            return this;
        }

        Correction contract(String wan) {
            contract = new BigDecimal(wan);
            return this;
        }

        Correction planned(String wan) {
            planned = new BigDecimal(wan);
            return this;
        }

        Correction types(ProjectType... values) {
            types = Set.of(values);
            return this;
        }

        Correction categories(InvestorCategory... values) {
            categories = Set.of(values);
            return this;
        }

        Correction reason(String value) {
            reason = value;
            return this;
        }

        Correction confirm() {
            confirm = true;
            return this;
        }

        CorrectAttributes command() {
            return new CorrectAttributes(ID, name, investor, township, chain, industrial, source, contract, planned,
                    types, categories, reason, confirm);
        }
    }
}
