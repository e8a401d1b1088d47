package org.luodi.query.project;

import org.junit.jupiter.api.Test;
import org.luodi.events.ProjectSigned;
import org.luodi.events.SourceRegion;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** One table decides the stage in Java and in SQL; these pin the order the lists have always shown. */
class StageTest {
    private static final LocalDate D = LocalDate.of(2024, 3, 1);
    private static final ProjectState SIGNED = ProjectState.signed(new ProjectSigned("p", "厂", "某公司", "gaoxin",
            "copper", true, BigDecimal.valueOf(20_000), SourceRegion.IN_PROVINCE, D, null, null));

    @Test
    void theLatestMilestoneWinsTerminationOverAllAndVoidingOverEverything() {
        assertThat(Stage.of(SIGNED)).isEqualTo(Stage.SIGNED);
        ProjectState registered = with(SIGNED, "registeredOn");
        assertThat(Stage.of(registered)).isEqualTo(Stage.REGISTERED);
        // started without registering (a resumed project) still reads 已开工
        assertThat(Stage.of(with(SIGNED, "startedOn"))).isEqualTo(Stage.STARTED);
        ProjectState producing = with(with(with(registered, "startedOn"), "storedOn"), "productionOn");
        assertThat(Stage.of(producing)).isEqualTo(Stage.IN_PRODUCTION);
        assertThat(Stage.of(with(producing, "terminatedOn"))).isEqualTo(Stage.TERMINATED);
        assertThat(Stage.of(with(with(producing, "terminatedOn"), "voided"))).isEqualTo(Stage.VOIDED);
    }

    @Test
    void theSqlCaseTestsTheSameColumnsLatestFirst() {
        assertThat(Stage.SQL_AS_OF).isEqualTo("(CASE WHEN p.voided THEN 'VOIDED' "
                + "WHEN p.terminated_on <= :asOf THEN 'TERMINATED' WHEN p.production_on <= :asOf THEN 'IN_PRODUCTION' "
                + "WHEN p.stored_on <= :asOf THEN 'STORED' WHEN p.started_on <= :asOf THEN 'STARTED' "
                + "WHEN p.registered_on <= :asOf THEN 'REGISTERED' ELSE 'SIGNED' END)");
    }

    /** {@code s} with one more milestone dated (or voided). */
    private static ProjectState with(ProjectState s, String field) {
        return new ProjectState(s.projectId(), s.name(), s.investor(), s.township(), s.industryChain(), s.industrial(),
                s.contractAmountWan(), s.sourceRegion(), s.signedOn(), s.introducedBy(), s.introducedByText(),
                s.plannedInvestmentAtSigningWan(), s.types(), s.investorCategories(),
                field.equals("registeredOn") ? D : s.registeredOn(), s.companyName(), s.creditCode(),
                s.foreignInvested(), s.exportOriented(), field.equals("startedOn") ? D : s.startedOn(), s.startKind(),
                field.equals("storedOn") ? D : s.storedOn(), s.plannedInvestmentWan(),
                field.equals("productionOn") ? D : s.productionOn(), field.equals("terminatedOn") ? D : s.terminatedOn(),
                s.terminationReason(), s.voided() || field.equals("voided"), s.leader(), s.serviceTeam());
    }
}
