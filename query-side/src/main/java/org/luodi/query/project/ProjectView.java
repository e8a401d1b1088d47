package org.luodi.query.project;

import org.luodi.events.Departments;
import org.luodi.events.InvestorCategory;
import org.luodi.events.Leaders;
import org.luodi.events.ProjectType;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * GET /api/projects/{id}: one project as it stood on {@code asOf}, as known at {@code knownAt}. {@code
 * plannedInvestmentAtSigningWan} is the 计划总投资 stated at signing, {@code plannedInvestmentWan} the one 入库 restated.
 * {@code leader} / {@code leaderName} / {@code serviceTeam}: its 包保 city leader and 服务专班, or null.
 */
public record ProjectView(String projectId, String name, String investor, String township, String townshipName,
                          String industryChain, String industryChainName, boolean industrial,
                          BigDecimal contractAmountWan, SourceRegion sourceRegion, LocalDate signedOn,
                          String introducedBy, String introducedByName, String introducedByText,
                          BigDecimal plannedInvestmentAtSigningWan, Set<ProjectType> types,
                          Set<InvestorCategory> investorCategories, LocalDate registeredOn, String companyName,
                          String creditCode, Boolean foreignInvested, Boolean exportOriented, LocalDate startedOn,
                          StartKind startKind, LocalDate storedOn,
                          BigDecimal plannedInvestmentWan, LocalDate productionOn, LocalDate terminatedOn,
                          String terminationReason, boolean voided, String leader, String leaderName,
                          String serviceTeam, String stage, List<FundArrival> funds,
                          FundTotals fundTotals, LocalDate asOf, Instant knownAt) {

    /** Sums of the arrivals shown: domestic (省内 + 省外) and out-of-province in 万元, foreign in 万美元. */
    public record FundTotals(BigDecimal domesticWan, BigDecimal outOfProvinceWan, BigDecimal foreignUsdWan) {
        static FundTotals of(List<FundArrival> funds) {
            BigDecimal domestic = BigDecimal.ZERO;
            BigDecimal outOfProvince = BigDecimal.ZERO;
            BigDecimal foreign = BigDecimal.ZERO;
            for (FundArrival f : funds) {
                if (f.source() == SourceRegion.FOREIGN) {
                    foreign = foreign.add(f.amountUsdWan());
                } else {
                    domestic = domestic.add(f.amountWan());
                    if (f.source() == SourceRegion.OUT_OF_PROVINCE) {
                        outOfProvince = outOfProvince.add(f.amountWan());
                    }
                }
            }
            return new FundTotals(domestic.stripTrailingZeros(), outOfProvince.stripTrailingZeros(),
                    foreign.stripTrailingZeros());
        }
    }

    static ProjectView of(ProjectState s, List<FundArrival> funds, String townshipName, String chainName,
                          LocalDate asOf, Instant knownAt) {
        return new ProjectView(s.projectId(), s.name(), s.investor(), s.township(), townshipName, s.industryChain(),
                chainName, s.industrial(), s.contractAmountWan(), s.sourceRegion(), s.signedOn(), s.introducedBy(),
                Departments.nameOf(s.introducedBy()), s.introducedByText(), s.plannedInvestmentAtSigningWan(),
                s.types(), s.investorCategories(), s.registeredOn(), s.companyName(), s.creditCode(),
                s.foreignInvested(), s.exportOriented(), s.startedOn(), s.startKind(),
                s.storedOn(), s.plannedInvestmentWan(), s.productionOn(), s.terminatedOn(), s.terminationReason(),
                s.voided(), s.leader(), leaderLabel(s.leader()), s.serviceTeam(), s.stage(), funds,
                FundTotals.of(funds), asOf, knownAt);
    }

    /** "王细军（市委常委、常务副市长）", or the bare code of a leader no longer on the roster. */
    static String leaderLabel(String code) {
        Leaders.Leader leader = Leaders.of(code);
        return leader == null ? code : leader.label();
    }
}
