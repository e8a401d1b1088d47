package org.luodi.query.project;

import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectType;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the database sums up for one township or chain (or for a total of them): the SPEC §3 indicators, the cohort
 * behind the rates (projects counted in signedAbove1Yi, terminated ones included) and how many projects were
 * signed and in production in the year (当年签约当年投产, scored by the bulletin); the year's signings by size tier and
 * how many of them an investor from outside 湖北 signed (sourceRegion other than IN_PROVINCE), and the year's starts
 * by kind (#17).
 */
public record UnitSums(long signedCount, BigDecimal signedAmountWan, long signedIndustrialCount,
                       long registeredCount, long startedStoredCount, BigDecimal startedStoredPlannedWan,
                       BigDecimal domesticWan, BigDecimal outOfProvinceWan, BigDecimal foreignUsdWan,
                       long newForeignEnterprises, long exportOrientedEntities, long cohortStarted, long cohortStored,
                       long cohortInProduction,
                       long signedAndInProduction, SizeTiers tiers, long signedFromOutsideProvince, Starts starts,
                       InProduction inProduction, Kinds kinds) {

    public static final UnitSums NONE = new UnitSums(0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0, SizeTiers.NONE, 0, Starts.NONE, InProduction.NONE, Kinds.NONE);

    /**
     * The year's signings (those counted in signedAbove1Yi) by contract amount, in the tiers 附件1's cells set
     * sub-targets in (seed 000 lines 134-147). Lower bounds inclusive, upper bounds exclusive: 10 亿 exactly is
     * 10~50亿, 50 亿 exactly is 50~100亿. The first two tiers overlap the others ("以上" counts everything above).
     */
    public record SizeTiers(long above5Yi, long above10Yi, long from10To50Yi, long from50To100Yi, long above100Yi) {
        public static final SizeTiers NONE = new SizeTiers(0, 0, 0, 0, 0);

        SizeTiers plus(SizeTiers o) {
            return new SizeTiers(above5Yi + o.above5Yi, above10Yi + o.above10Yi, from10To50Yi + o.from10To50Yi,
                    from50To100Yi + o.from50To100Yi, above100Yi + o.above100Yi);
        }
    }

    /**
     * Projects of any size whose construction started in the period: 新开工 (new) and 复工/续建 (resumed) apart,
     * as recorded; seed 004 counts 开复工 as their sum. Terminated projects keep the start they reached. For the
     * new ones also their 计划总投资 as known and how many plan 1 亿 or more (seed 000's 项目建设任务).
     */
    public record Starts(long newlyStarted, long resumed, BigDecimal newlyStartedPlannedWan,
                         long newlyStartedAbove1Yi) {
        public static final Starts NONE = new Starts(0, 0, BigDecimal.ZERO, 0);

        public long total() {
            return newlyStarted + resumed;
        }

        Starts plus(Starts o) {
            return new Starts(newlyStarted + o.newlyStarted, resumed + o.resumed,
                    newlyStartedPlannedWan.add(o.newlyStartedPlannedWan), newlyStartedAbove1Yi + o.newlyStartedAbove1Yi);
        }
    }

    /**
     * The projects signed in the period (any amount) per project type and per investor category, and the 技改
     * projects of 1 亿 or more stored in the period, which seed 001 (lines 246-258) rewards apart.
     */
    public record Kinds(Map<ProjectType, Long> types, Map<InvestorCategory, Long> investorCategories,
                        long storedUpgradesAbove1Yi) {
        public static final Kinds NONE = new Kinds(Map.of(), Map.of(), 0);

        /** How many of the period's signings have this type (0 when none). */
        public long of(ProjectType type) {
            return types.getOrDefault(type, 0L);
        }

        public long of(InvestorCategory category) {
            return investorCategories.getOrDefault(category, 0L);
        }

        Kinds plus(Kinds o) {
            Map<ProjectType, Long> t = new EnumMap<>(ProjectType.class);
            Map<InvestorCategory, Long> c = new EnumMap<>(InvestorCategory.class);
            for (ProjectType type : ProjectType.values()) {
                t.put(type, of(type) + o.of(type));
            }
            for (InvestorCategory category : InvestorCategory.values()) {
                c.put(category, of(category) + o.of(category));
            }
            return new Kinds(t, c, storedUpgradesAbove1Yi + o.storedUpgradesAbove1Yi);
        }
    }

    /** Projects of any size in production in the period (全年投产项目), with their 计划总投资 as known. */
    public record InProduction(long count, BigDecimal plannedInvestmentWan) {
        public static final InProduction NONE = new InProduction(0, BigDecimal.ZERO);

        InProduction plus(InProduction o) {
            return new InProduction(count + o.count, plannedInvestmentWan.add(o.plannedInvestmentWan));
        }
    }

    public UnitSums plus(UnitSums o) {
        return new UnitSums(signedCount + o.signedCount, signedAmountWan.add(o.signedAmountWan),
                signedIndustrialCount + o.signedIndustrialCount, registeredCount + o.registeredCount,
                startedStoredCount + o.startedStoredCount, startedStoredPlannedWan.add(o.startedStoredPlannedWan),
                domesticWan.add(o.domesticWan), outOfProvinceWan.add(o.outOfProvinceWan),
                foreignUsdWan.add(o.foreignUsdWan), newForeignEnterprises + o.newForeignEnterprises,
                exportOrientedEntities + o.exportOrientedEntities,
                cohortStarted + o.cohortStarted, cohortStored + o.cohortStored,
                cohortInProduction + o.cohortInProduction, signedAndInProduction + o.signedAndInProduction,
                tiers.plus(o.tiers), signedFromOutsideProvince + o.signedFromOutsideProvince, starts.plus(o.starts),
                inProduction.plus(o.inProduction), kinds.plus(o.kinds));
    }
}
