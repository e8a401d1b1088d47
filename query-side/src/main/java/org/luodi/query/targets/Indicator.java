package org.luodi.query.targets;

import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of SPEC §3, named by the keys the API uses for targets, completion and weights; in the order of the
 * seed's 附件1 table (招商选资 tasks), then of seed 000's 项目建设任务分解表 (the construction tasks of 有效投资行动, a
 * plan of its own: {@link #attraction()} false). Amounts are in 万元 ({@link Unit#WAN}) or 万美元 ({@link Unit#USD_WAN}).
 */
public enum Indicator {
    SIGNED_COUNT("signedAbove1Yi.count", "新签约亿元以上项目个数", Unit.COUNT, "新签约亿元以上项目", "个数"),
    SIGNED_AMOUNT("signedAbove1Yi.amountWan", "新签约亿元以上项目投资额", Unit.WAN, "新签约亿元以上项目",
            "投资额(亿元)"),
    SIGNED_INDUSTRIAL_COUNT("signedAbove1Yi.industrialCount", "其中工业项目", Unit.COUNT, "新签约亿元以上项目",
            "其中工业"),
    // 附件1's cells carry sub-targets by size (seed 000 lines 134-147), counted among the same signings
    SIGNED_ABOVE_100YI("sizeTiers.above100Yi", "其中100亿元以上项目", Unit.COUNT, "新签约亿元以上项目",
            "其中100亿元以上"),
    SIGNED_50_TO_100YI("sizeTiers.from50To100Yi", "其中50~100亿元项目", Unit.COUNT, "新签约亿元以上项目",
            "其中50~100亿元"),
    SIGNED_10_TO_50YI("sizeTiers.from10To50Yi", "其中10~50亿元项目", Unit.COUNT, "新签约亿元以上项目",
            "其中10~50亿元"),
    SIGNED_ABOVE_10YI("sizeTiers.above10Yi", "其中10亿元以上项目", Unit.COUNT, "新签约亿元以上项目",
            "其中10亿元以上"),
    SIGNED_ABOVE_5YI("sizeTiers.above5Yi", "其中5亿元以上项目", Unit.COUNT, "新签约亿元以上项目",
            "其中5亿元以上"),
    REGISTERED_COUNT("registered.count", "新注册项目", Unit.COUNT, null, "新注册项目(个)"),
    STARTED_STORED_COUNT("startedStoredAbove1Yi.count", "亿元以上项目开工入库个数", Unit.COUNT, "亿元以上项目开工入库",
            "项目个数"),
    STARTED_STORED_PLANNED("startedStoredAbove1Yi.plannedInvestmentWan", "开工入库项目计划投资额", Unit.WAN,
            "亿元以上项目开工入库", "计划投资额(亿元)"),
    DOMESTIC_TOTAL("domesticFunds.totalWan", "实际到位内资", Unit.WAN, "实际到位内资(亿元)", "总额"),
    DOMESTIC_OUT_OF_PROVINCE("domesticFunds.outOfProvinceWan", "其中省外资金", Unit.WAN, "实际到位内资(亿元)",
            "其中:省外资金"),
    FOREIGN_ORIENTED_ENTITIES("foreignOrientedEntities.count", "外向型市场主体", Unit.COUNT, "招商引贸及实际利用外资",
            "外向型市场主体(个)"),
    NEW_FOREIGN_ENTERPRISES("newForeignEnterprises.count", "新批外资企业", Unit.COUNT, "招商引贸及实际利用外资",
            "新批外资企业(个)"),
    FOREIGN_USD("foreignFunds.usdWan", "实际利用外资", Unit.USD_WAN, "招商引贸及实际利用外资",
            "实际利用外资(万美元)"),
    // seed 000 lines 476-492: 全年新开工项目 (个数, 计划总投资, 其中亿元以上) and 全年投产项目 (个数, 计划总投资)
    NEW_STARTS_COUNT("starts.newlyStarted", "全年新开工项目", Unit.COUNT, "全年新开工项目", "个数"),
    NEW_STARTS_PLANNED("starts.newlyStartedPlannedWan", "新开工项目计划总投资", Unit.WAN, "全年新开工项目",
            "计划总投资(亿元)"),
    NEW_STARTS_ABOVE_1YI("starts.newlyStartedAbove1Yi", "其中亿元以上新开工项目", Unit.COUNT, "全年新开工项目",
            "其中:亿元以上项目个数"),
    IN_PRODUCTION_COUNT("inProduction.count", "全年投产项目", Unit.COUNT, "全年投产项目", "个数"),
    IN_PRODUCTION_PLANNED("inProduction.plannedInvestmentWan", "投产项目计划总投资", Unit.WAN, "全年投产项目",
            "计划总投资(亿元)");


    public enum Unit {
        COUNT("个"), WAN("万元"), USD_WAN("万美元");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String key;
    private final String label;
    private final Unit unit;
    private final String group;
    private final String column;

    Indicator(String key, String label, Unit unit, String group, String column) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.group = group;
        this.column = column;
    }

    /** The heading over this indicator's column in 附件1's table (shared by the columns under it), or null. */
    public String group() {
        return group;
    }

    /** This indicator's own column heading in 附件1's table, with the unit the table shows it in. */
    public String column() {
        return column;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }


    /**
     * Whether this indicator is one of 附件1's 招商选资 tasks, which "完成各项招商任务" (seed 000 line 108) and the
     * year-end reward are about; the construction tasks are reported beside them but are not part of that test.
     */
    public boolean attraction() {
        return ordinal() < NEW_STARTS_COUNT.ordinal();
    }

    public static Optional<Indicator> byKey(String key) {
        return Arrays.stream(values()).filter(i -> i.key.equals(key)).findFirst();
    }
}
