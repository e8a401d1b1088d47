package org.luodi.query.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectType;
import org.luodi.query.project.UnitSums;
import org.luodi.query.targets.Indicator;
import org.luodi.query.targets.TargetQueries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of GET /api/stats (SPEC §7; field names fixed there): a township's or a chain's indicators, rates,
 * targets, completion and the indicators behind 序时进度. {@code township}, {@code chain} or {@code department} names
 * the row; a total carries none. {@code cohort} shows the counts behind the rates.
 */
public record StatsRow(@JsonInclude(JsonInclude.Include.NON_NULL) String township,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String chain,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String department,
                       String name,
                       SignedAbove1Yi signedAbove1Yi,
                       UnitSums.SizeTiers sizeTiers,
                       Count registered,
                       StartedStoredAbove1Yi startedStoredAbove1Yi,
                       DomesticFunds domesticFunds,
                       ForeignFunds foreignFunds,
                       Count newForeignEnterprises,
                       Count foreignOrientedEntities,
                       Starts starts,
                       UnitSums.InProduction inProduction,
                       Kinds kinds,
                       Rates rates,
                       Shares shares,
                       Cohort cohort,
                       Map<String, BigDecimal> targets,
                       Map<String, BigDecimal> completion,
                       List<String> behindSchedule) {

    public record SignedAbove1Yi(long count, BigDecimal amountWan, long industrialCount) {
    }

    public record Count(long count) {
    }

    public record StartedStoredAbove1Yi(long count, BigDecimal plannedInvestmentWan) {
    }

    public record DomesticFunds(BigDecimal totalWan, BigDecimal outOfProvinceWan) {
    }

    public record ForeignFunds(BigDecimal usdWan) {
    }

    /** SPEC §3's targets for the rates of the year's 亿元以上 projects: 开工率 ≥ 65%, 入库率 ≥ 45%. */
    public static final BigDecimal START_RATE_TARGET = new BigDecimal("0.65");
    public static final BigDecimal STORAGE_RATE_TARGET = new BigDecimal("0.45");

    /** 签约率, 开工率, 入库率, 投产率; null where the denominator is empty (or there is no signing target). */
    public record Rates(BigDecimal signingRate, BigDecimal startRate, BigDecimal storageRate,
                        BigDecimal productionRate) {
    }

    /**
     * Projects of any size that started construction in the period: 新开工, 复工/续建, and 开复工 as their sum; for the
     * new ones their 计划总投资 as known (at 入库) and how many plan 1 亿 or more.
     */
    public record Starts(long newlyStarted, long resumed, long total, BigDecimal newlyStartedPlannedWan,
                         long newlyStartedAbove1Yi) {
        static Starts of(UnitSums.Starts s) {
            return new Starts(s.newlyStarted(), s.resumed(), s.total(), s.newlyStartedPlannedWan(),
                    s.newlyStartedAbove1Yi());
        }
    }

    /**
     * The shares seed 001 sets as goals ({@link ShareTargets}): industrial and 10亿元以上 projects among the year's
     * 新签约亿元以上 projects, those an investor from outside 湖北 signed (省外企业投资项目), 省外资金 of 实际到位内资;
     * null where the denominator is empty.
     */
    public record Shares(BigDecimal industrial, BigDecimal above10Yi, BigDecimal outOfProvinceProjects,
                         BigDecimal outOfProvinceFunds) {
    }

    /**
     * The period's signings of any amount per project type and per investor category (every name present, in the
     * enums' order), and the 技改 projects of 1 亿 or more stored in the period.
     */
    public record Kinds(Map<String, Long> types, Map<String, Long> investorCategories, long storedUpgradesAbove1Yi) {
        static Kinds of(UnitSums.Kinds k) {
            Map<String, Long> types = new LinkedHashMap<>();
            for (ProjectType type : ProjectType.values()) {
                types.put(type.name(), k.of(type));
            }
            Map<String, Long> investors = new LinkedHashMap<>();
            for (InvestorCategory category : InvestorCategory.values()) {
                investors.put(category.name(), k.of(category));
            }
            return new Kinds(types, investors, k.storedUpgradesAbove1Yi());
        }
    }

    /** The year's 亿元以上 projects behind the rates: how many, and how many have started, are stored, produce. */
    public record Cohort(long count, long started, long stored, long inProduction) {
    }

    public static StatsRow of(GroupBy groupBy, UnitFigures unit, StatsPeriod period) {
        UnitSums s = unit.sums();
        Map<Indicator, BigDecimal> actuals = actuals(s);
        Map<String, BigDecimal> completion = new LinkedHashMap<>();
        List<String> behind = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            BigDecimal target = unit.targets().get(indicator);
            BigDecimal actual = actuals.get(indicator);
            if (target == null || actual == null) {
                continue;
            }
            BigDecimal ratio = Ratios.of(actual, target);
            completion.put(indicator.key(), ratio);
            if (ratio != null && period.behindSchedule(actual, target)) {
                behind.add(indicator.key());
            }
        }
        Rates rates = new Rates(Ratios.of(BigDecimal.valueOf(s.signedCount()), unit.targets().get(Indicator.SIGNED_COUNT)),
                Ratios.of(s.cohortStarted(), s.signedCount()), Ratios.of(s.cohortStored(), s.signedCount()),
                Ratios.of(s.cohortInProduction(), s.signedCount()));
        boolean total = unit.code() == null;
        return new StatsRow(!total && groupBy == GroupBy.TOWNSHIP ? unit.code() : null,
                !total && groupBy == GroupBy.CHAIN ? unit.code() : null,
                !total && groupBy == GroupBy.DEPARTMENT ? unit.code() : null, unit.name(),
                new SignedAbove1Yi(s.signedCount(), s.signedAmountWan(), s.signedIndustrialCount()), s.tiers(),
                new Count(s.registeredCount()),
                new StartedStoredAbove1Yi(s.startedStoredCount(), s.startedStoredPlannedWan()),
                new DomesticFunds(s.domesticWan(), s.outOfProvinceWan()), new ForeignFunds(s.foreignUsdWan()),
                new Count(s.newForeignEnterprises()), new Count(s.exportOrientedEntities()),
                Starts.of(s.starts()), s.inProduction(), Kinds.of(s.kinds()), rates,
                new Shares(Ratios.of(s.signedIndustrialCount(), s.signedCount()),
                        Ratios.of(s.tiers().above10Yi(), s.signedCount()),
                        Ratios.of(s.signedFromOutsideProvince(), s.signedCount()),
                        Ratios.of(s.outOfProvinceWan(), s.domesticWan())),
                new Cohort(s.signedCount(), s.cohortStarted(), s.cohortStored(), s.cohortInProduction()),
                TargetQueries.keyed(unit.targets()), completion, behind);
    }

    /**
     * Whether the unit reached every target Luodi measures ("完成各项招商任务", seed 000 line 108), compared exactly:
     * the completion shown is rounded to four decimals, and 9,999.6 of 10,000 would show as 1 without being reached.
     * Only 附件1's 招商选资 tasks count ({@link Indicator#attraction()}): the construction tasks are another plan's.
     * A target of 0 is reached; a unit without any target has no task to complete and answers false.
     */
    public static boolean allTargetsReached(UnitFigures unit) {
        Map<Indicator, BigDecimal> actual = actuals(unit.sums());
        boolean any = false;
        for (Map.Entry<Indicator, BigDecimal> target : unit.targets().entrySet()) {
            BigDecimal reached = actual.get(target.getKey());
            if (reached == null || !target.getKey().attraction()) {
                continue;
            }
            any = true;
            if (reached.compareTo(target.getValue()) < 0) {
                return false;
            }
        }
        return any;
    }

    /** The actual value of every measured indicator, to set against its target. */
    private static Map<Indicator, BigDecimal> actuals(UnitSums s) {
        Map<Indicator, BigDecimal> actual = new EnumMap<>(Indicator.class);
        actual.put(Indicator.SIGNED_COUNT, BigDecimal.valueOf(s.signedCount()));
        actual.put(Indicator.SIGNED_AMOUNT, s.signedAmountWan());
        actual.put(Indicator.SIGNED_INDUSTRIAL_COUNT, BigDecimal.valueOf(s.signedIndustrialCount()));
        actual.put(Indicator.SIGNED_ABOVE_100YI, BigDecimal.valueOf(s.tiers().above100Yi()));
        actual.put(Indicator.SIGNED_50_TO_100YI, BigDecimal.valueOf(s.tiers().from50To100Yi()));
        actual.put(Indicator.SIGNED_10_TO_50YI, BigDecimal.valueOf(s.tiers().from10To50Yi()));
        actual.put(Indicator.SIGNED_ABOVE_10YI, BigDecimal.valueOf(s.tiers().above10Yi()));
        actual.put(Indicator.SIGNED_ABOVE_5YI, BigDecimal.valueOf(s.tiers().above5Yi()));
        actual.put(Indicator.REGISTERED_COUNT, BigDecimal.valueOf(s.registeredCount()));
        actual.put(Indicator.STARTED_STORED_COUNT, BigDecimal.valueOf(s.startedStoredCount()));
        actual.put(Indicator.STARTED_STORED_PLANNED, s.startedStoredPlannedWan());
        actual.put(Indicator.DOMESTIC_TOTAL, s.domesticWan());
        actual.put(Indicator.DOMESTIC_OUT_OF_PROVINCE, s.outOfProvinceWan());
        actual.put(Indicator.NEW_FOREIGN_ENTERPRISES, BigDecimal.valueOf(s.newForeignEnterprises()));
        actual.put(Indicator.FOREIGN_ORIENTED_ENTITIES, BigDecimal.valueOf(s.exportOrientedEntities()));
        actual.put(Indicator.FOREIGN_USD, s.foreignUsdWan());
        actual.put(Indicator.NEW_STARTS_COUNT, BigDecimal.valueOf(s.starts().newlyStarted()));
        actual.put(Indicator.NEW_STARTS_PLANNED, s.starts().newlyStartedPlannedWan());
        actual.put(Indicator.NEW_STARTS_ABOVE_1YI, BigDecimal.valueOf(s.starts().newlyStartedAbove1Yi()));
        actual.put(Indicator.IN_PRODUCTION_COUNT, BigDecimal.valueOf(s.inProduction().count()));
        actual.put(Indicator.IN_PRODUCTION_PLANNED, s.inProduction().plannedInvestmentWan());
        return actual;
    }
}
