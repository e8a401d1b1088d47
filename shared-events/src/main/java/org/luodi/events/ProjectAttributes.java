package org.luodi.events;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * What a project is, as signed and as corrected since ({@link AttributesCorrected}): not its milestones. {@code
 * plannedInvestmentWan} is the 计划总投资 stated at signing (null when not stated), which 入库 restates for the
 * statistics; sets are never null.
 */
public record ProjectAttributes(String name, String investor, String township, String industryChain,
                                boolean industrial, SourceRegion sourceRegion, BigDecimal contractAmountWan,
                                BigDecimal plannedInvestmentWan, Set<ProjectType> types,
                                Set<InvestorCategory> investorCategories) {

    public ProjectAttributes {
        types = Flags.of(ProjectType.class, types);
        investorCategories = Flags.of(InvestorCategory.class, investorCategories);
    }

    public ProjectAttributes withContractAmountWan(BigDecimal amountWan) {
        return new ProjectAttributes(name, investor, township, industryChain, industrial, sourceRegion, amountWan,
                plannedInvestmentWan, types, investorCategories);
    }

    /** The same attributes, amounts compared by value (12000 and 12000.00 are one amount). */
    public boolean sameAs(ProjectAttributes other) {
        return Objects.equals(name, other.name) && Objects.equals(investor, other.investor)
                && Objects.equals(township, other.township) && Objects.equals(industryChain, other.industryChain)
                && industrial == other.industrial && sourceRegion == other.sourceRegion
                && sameAmount(contractAmountWan, other.contractAmountWan)
                && sameAmount(plannedInvestmentWan, other.plannedInvestmentWan)
                && types.equals(other.types) && investorCategories.equals(other.investorCategories);
    }

    public static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
