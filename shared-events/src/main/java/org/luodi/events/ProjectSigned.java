package org.luodi.events;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 签约: the contract is signed; creates the project. {@code introducedBy} (引荐单位) is the code of the department
 * credited with the project, or null ({@link Departments}); {@code introducedByText} keeps what a revision-1 event
 * said in free text where it names no department (uncredited), and is null in every event recorded since.
 * Revision 3 adds {@code plannedInvestmentWan} (计划总投资 as stated at signing, null when not stated; 入库 restates
 * it), the project's {@code types} and the investor's {@code investorCategories} (empty sets when none).
 * Revision 4 adds the lead the project was signed from ({@code leadId}, 项目线索, #20; null when signed without one)
 * and the units the lead's signing is credited to ({@code creditedLeadUnits}: the confirmed first reporter of
 * 首报确认制; empty without a lead).
 */
@Revision("4")
public record ProjectSigned(String projectId, String name, String investor, String township, String industryChain,
                            boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                            LocalDate signedOn, String introducedBy, String introducedByText,
                            BigDecimal plannedInvestmentWan, Set<ProjectType> types,
                            Set<InvestorCategory> investorCategories, String leadId,
                            List<String> creditedLeadUnits) implements ProjectEvent {

    public ProjectSigned {
        types = Flags.of(ProjectType.class, types);
        investorCategories = Flags.of(InvestorCategory.class, investorCategories);
        creditedLeadUnits = creditedLeadUnits == null ? List.of() : List.copyOf(creditedLeadUnits);
    }

    /** A signing without a lead (what every signing before revision 4 was). */
    public ProjectSigned(String projectId, String name, String investor, String township, String industryChain,
                         boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                         LocalDate signedOn, String introducedBy, String introducedByText,
                         BigDecimal plannedInvestmentWan, Set<ProjectType> types,
                         Set<InvestorCategory> investorCategories) {
        this(projectId, name, investor, township, industryChain, industrial, contractAmountWan, sourceRegion,
                signedOn, introducedBy, introducedByText, plannedInvestmentWan, types, investorCategories, null,
                List.of());
    }

    /** A signing without a stated plan, types or investor categories (what every signing before revision 3 was). */
    public ProjectSigned(String projectId, String name, String investor, String township, String industryChain,
                         boolean industrial, BigDecimal contractAmountWan, SourceRegion sourceRegion,
                         LocalDate signedOn, String introducedBy, String introducedByText) {
        this(projectId, name, investor, township, industryChain, industrial, contractAmountWan, sourceRegion,
                signedOn, introducedBy, introducedByText, null, Set.of(), Set.of());
    }

    /** The attributes a correction may change, as signed. */
    public ProjectAttributes attributes() {
        return new ProjectAttributes(name, investor, township, industryChain, industrial, sourceRegion,
                contractAmountWan, plannedInvestmentWan, types, investorCategories);
    }

    @Override
    public LocalDate occurredOn() {
        return signedOn;
    }
}
