package org.luodi.query.bulletin;

import org.luodi.events.InvestorCategory;
import org.luodi.events.ProjectType;
import org.luodi.query.stats.StatsRow;
import org.luodi.query.targets.Indicator;
import org.luodi.query.ticket.TicketQueries;
import org.luodi.query.warning.WarningQueries;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the bulletin workbook's columns show, sheet by sheet, with the seed's 附件1 headings: a group heading
 * merged over its columns (新签约亿元以上项目 → 个数 / 投资额 / 其中工业项目), or one heading over both header rows.
 */
final class BulletinColumns {
    enum Format { TEXT, COUNT, YI, USD_WAN, PERCENT, SCORE }

    /**
     * One column: its group heading (null for a heading over both header rows), its own heading and its value in a
     * line of type {@code L} (a township's {@link Line}, or a department's {@link DepartmentRow}).
     */
    record Column<L>(String group, String heading, Format format, Function<L, Object> value) {
    }

    /** What a data row shows: a township's row, or the total (no score, rank or 约谈). */
    record Line(int number, StatsRow stats, long warnings, long overdue, long sameYearProduction,
                BulletinRow bulletin) {
    }

    private BulletinColumns() {
    }

    static List<Line> lines(Bulletin bulletin) {
        List<Line> lines = new ArrayList<>();
        for (BulletinRow row : bulletin.rows()) {
            lines.add(new Line(lines.size() + 1, row.indicators(), row.warningCount(), row.overdueCount(),
                    row.signedAndInProductionCount(), row));
        }
        Bulletin.Total total = bulletin.total();
        lines.add(new Line(0, total.indicators(), total.warningCount(), total.overdueCount(),
                total.signedAndInProductionCount(), null));
        return lines;
    }

    static List<Column<Line>> main() {
        String signed = "新签约亿元以上项目";
        String stored = "亿元以上项目开工入库";
        String domestic = "实际到位内资（亿元）";
        String foreign = "招商引贸及实际利用外资";
        String rates = "项目推进率";
        String stalled = "签约未开工项目（个）";
        return List.of(
                new Column<>(null, "序号", Format.COUNT, l -> l.bulletin() == null ? "" : l.number()),
                new Column<>(null, "责任单位", Format.TEXT, l -> l.stats().name()),
                new Column<>(signed, "个数", Format.COUNT, l -> l.stats().signedAbove1Yi().count()),
                new Column<>(signed, "投资额（亿元）", Format.YI, l -> l.stats().signedAbove1Yi().amountWan()),
                new Column<>(signed, "其中工业项目", Format.COUNT, l -> l.stats().signedAbove1Yi().industrialCount()),
                new Column<>(null, "新注册项目（个）", Format.COUNT, l -> l.stats().registered().count()),
                new Column<>(stored, "项目个数", Format.COUNT, l -> l.stats().startedStoredAbove1Yi().count()),
                new Column<>(stored, "计划投资额（亿元）", Format.YI,
                        l -> l.stats().startedStoredAbove1Yi().plannedInvestmentWan()),
                new Column<>(domestic, "总额", Format.YI, l -> l.stats().domesticFunds().totalWan()),
                new Column<>(domestic, "其中：省外资金", Format.YI, l -> l.stats().domesticFunds().outOfProvinceWan()),
                new Column<>(foreign, "新批外资企业（个）", Format.COUNT, l -> l.stats().newForeignEnterprises().count()),
                new Column<>(foreign, "实际利用外资（万美元）", Format.USD_WAN, l -> l.stats().foreignFunds().usdWan()),
                new Column<>(rates, "签约率", Format.PERCENT, l -> l.stats().rates().signingRate()),
                new Column<>(rates, "开工率", Format.PERCENT, l -> l.stats().rates().startRate()),
                new Column<>(rates, "入库率", Format.PERCENT, l -> l.stats().rates().storageRate()),
                new Column<>(rates, "投产率", Format.PERCENT, l -> l.stats().rates().productionRate()),
                new Column<>(stalled, "预警", Format.COUNT, Line::warnings),
                new Column<>(stalled, "逾期未开工", Format.COUNT, Line::overdue),
                new Column<>(null, "当年签约当年投产（个）", Format.COUNT, Line::sameYearProduction),
                new Column<>(null, "得分", Format.SCORE, l -> l.bulletin() == null ? "" : l.bulletin().score()),
                new Column<>(null, "排名", Format.COUNT, l -> l.bulletin() == null ? "" : l.bulletin().rank()),
                new Column<>(null, "类别", Format.TEXT, l -> l.bulletin() == null ? "" : l.bulletin().categoryName()),
                new Column<>(null, "类别内排名", Format.COUNT,
                        l -> l.bulletin() == null ? "" : l.bulletin().rankInCategory()),
                new Column<>(null, "约谈提醒", Format.TEXT, l -> talk(l.bulletin())));
    }

    /** The department sheet (附件2's three indicators, target and completion, score, rank and 约谈). */
    static List<Column<DepartmentRow>> departments() {
        String signed = "新签约项目（个）";
        String amount = "签约额（亿元）";
        String stored = "新开工入库项目（个）";
        return List.of(
                new Column<>(null, "责任单位", Format.TEXT, d -> d.indicators().name()),
                new Column<>(signed, "目标", Format.COUNT, d -> d.indicators().targets().get("signedAbove1Yi.count")),
                new Column<>(signed, "完成", Format.COUNT, d -> d.indicators().signedAbove1Yi().count()),
                new Column<>(amount, "目标", Format.YI, d -> d.indicators().targets().get("signedAbove1Yi.amountWan")),
                new Column<>(amount, "完成", Format.YI, d -> d.indicators().signedAbove1Yi().amountWan()),
                new Column<>(stored, "目标", Format.COUNT,
                        d -> d.indicators().targets().get("startedStoredAbove1Yi.count")),
                new Column<>(stored, "完成", Format.COUNT, d -> d.indicators().startedStoredAbove1Yi().count()),
                new Column<>(null, "得分", Format.SCORE, DepartmentRow::score),
                new Column<>(null, "排名", Format.COUNT, DepartmentRow::rank),
                new Column<>(null, "任务完成", Format.TEXT, d -> d.score() == null ? "无可计量目标"
                        : d.allTasksComplete() ? "全部完成" : "未完成"),
                new Column<>(null, "约谈", Format.TEXT, d -> d.interviewByTopLeaders()
                        ? "连续" + d.monthsWithoutResults() + "个月无实效：主要领导约谈"
                        : d.interviewByLeaderInCharge() ? "连续" + d.monthsWithoutResults() + "个月无实效：分管市领导约谈"
                        : d.topFive() ? "前五名" : d.bottomThree() ? "后三名" : null));
    }

    /** The departments' problem tickets, with a total line (name "合计"). */
    static List<Column<TicketQueries.DepartmentCount>> tickets() {
        return List.of(
                new Column<>(null, "承办单位", Format.TEXT, TicketQueries.DepartmentCount::name),
                new Column<>("交办问题（个）", "在办", Format.COUNT, TicketQueries.DepartmentCount::open),
                new Column<>("交办问题（个）", "其中逾期未答复", Format.COUNT, TicketQueries.DepartmentCount::overdue));
    }

    static List<TicketQueries.DepartmentCount> ticketLines(Bulletin bulletin) {
        List<TicketQueries.DepartmentCount> lines = new ArrayList<>(bulletin.tickets());
        lines.add(new TicketQueries.DepartmentCount(null, "合计",
                bulletin.tickets().stream().mapToLong(TicketQueries.DepartmentCount::open).sum(),
                bulletin.tickets().stream().mapToLong(TicketQueries.DepartmentCount::overdue).sum()));
        return lines;
    }

    /** The warning ladder's warnings per township, the total line last. */
    static List<Column<WarningQueries.TownshipCount>> ladder() {
        return List.of(
                new Column<>(null, "乡镇（园区）", Format.TEXT, WarningQueries.TownshipCount::name),
                new Column<>("预警项目（个次）", "红色", Format.COUNT, WarningQueries.TownshipCount::red),
                new Column<>("预警项目（个次）", "黄色", Format.COUNT, WarningQueries.TownshipCount::yellow),
                new Column<>("预警项目（个次）", "绿色", Format.COUNT, WarningQueries.TownshipCount::green),
                new Column<>(null, "红色中已提级督办", Format.COUNT, WarningQueries.TownshipCount::escalated));
    }

    static List<Column<Line>> targets() {
        List<Column<Line>> columns = new ArrayList<>();
        columns.add(new Column<>(null, "责任单位", Format.TEXT, l -> l.stats().name()));
        for (Indicator indicator : Indicator.values()) {
            String group = indicator.label() + "（" + unitLabel(indicator) + "）";
            Format format = indicator.unit() == Indicator.Unit.WAN ? Format.YI
                    : indicator.unit() == Indicator.Unit.USD_WAN ? Format.USD_WAN : Format.COUNT;
            columns.add(new Column<>(group, "目标", format, l -> l.stats().targets().get(indicator.key())));
            columns.add(new Column<>(group, "完成", format, l -> actual(l.stats(), indicator)));
            columns.add(new Column<>(group, "完成率", Format.PERCENT, l -> l.stats().completion().get(indicator.key())));
        }
        columns.add(new Column<>(null, "落后于序时进度的指标", Format.TEXT, l -> String.join("、",
                l.stats().behindSchedule().stream()
                        .map(key -> Indicator.byKey(key).map(Indicator::label).orElse(key)).toList())));
        return columns;
    }

    /**
     * The sheet of what #17 counts beside the targets: 开复工 apart (seed 004 counts their sum), the shares seed 001
     * sets as goals, the period's signings per project type and investor category, and the bonuses they earned.
     */
    static List<Column<Line>> structure() {
        String starts = "开复工项目（个）";
        String shares = "结构占比";
        String types = "当期签约项目类型（个）";
        String investors = "当期签约投资方类别（个）";
        String bonuses = "加分";
        List<Column<Line>> columns = new ArrayList<>();
        columns.add(new Column<>(null, "责任单位", Format.TEXT, l -> l.stats().name()));
        columns.add(new Column<>(starts, "新开工", Format.COUNT, l -> l.stats().starts().newlyStarted()));
        columns.add(new Column<>(starts, "复工/续建", Format.COUNT, l -> l.stats().starts().resumed()));
        columns.add(new Column<>(starts, "合计", Format.COUNT, l -> l.stats().starts().total()));
        columns.add(new Column<>(shares, "工业项目", Format.PERCENT, l -> l.stats().shares().industrial()));
        columns.add(new Column<>(shares, "10亿元以上项目", Format.PERCENT, l -> l.stats().shares().above10Yi()));
        columns.add(new Column<>(shares, "省外企业项目", Format.PERCENT, l -> l.stats().shares().outOfProvinceProjects()));
        columns.add(new Column<>(shares, "省外资金", Format.PERCENT, l -> l.stats().shares().outOfProvinceFunds()));
        for (ProjectType type : ProjectType.values()) {
            columns.add(new Column<>(types, type.label(), Format.COUNT,
                    l -> l.stats().kinds().types().get(type.name())));
        }
        for (InvestorCategory category : InvestorCategory.values()) {
            columns.add(new Column<>(investors, category.label(), Format.COUNT,
                    l -> l.stats().kinds().investorCategories().get(category.name())));
        }
        columns.add(new Column<>(null, "入库亿元以上技改项目（个）", Format.COUNT,
                l -> l.stats().kinds().storedUpgradesAbove1Yi()));
        columns.add(new Column<>(bonuses, "项目类型", Format.SCORE, l -> bonus(l, Score::typeBonus)));
        columns.add(new Column<>(bonuses, "技改入库", Format.SCORE, l -> bonus(l, Score::storedUpgradeBonus)));
        return columns;
    }

    /** A bonus of a scored township; empty for the total and for a township without a score. */
    private static Object bonus(Line line, Function<Score, Object> which) {
        return line.bulletin() == null || line.bulletin().scoreDetail() == null ? ""
                : which.apply(line.bulletin().scoreDetail());
    }

    private static String unitLabel(Indicator indicator) {
        return indicator.unit() == Indicator.Unit.WAN ? "亿元" : indicator.unit().label();
    }

    private static Object actual(StatsRow row, Indicator indicator) {
        return switch (indicator) {
            case SIGNED_COUNT -> row.signedAbove1Yi().count();
            case SIGNED_AMOUNT -> row.signedAbove1Yi().amountWan();
            case SIGNED_INDUSTRIAL_COUNT -> row.signedAbove1Yi().industrialCount();
            case SIGNED_ABOVE_100YI -> row.sizeTiers().above100Yi();
            case SIGNED_50_TO_100YI -> row.sizeTiers().from50To100Yi();
            case SIGNED_10_TO_50YI -> row.sizeTiers().from10To50Yi();
            case SIGNED_ABOVE_10YI -> row.sizeTiers().above10Yi();
            case SIGNED_ABOVE_5YI -> row.sizeTiers().above5Yi();
            case REGISTERED_COUNT -> row.registered().count();
            case STARTED_STORED_COUNT -> row.startedStoredAbove1Yi().count();
            case STARTED_STORED_PLANNED -> row.startedStoredAbove1Yi().plannedInvestmentWan();
            case DOMESTIC_TOTAL -> row.domesticFunds().totalWan();
            case DOMESTIC_OUT_OF_PROVINCE -> row.domesticFunds().outOfProvinceWan();
            case NEW_FOREIGN_ENTERPRISES -> row.newForeignEnterprises().count();
            case FOREIGN_USD -> row.foreignFunds().usdWan();
            case FOREIGN_ORIENTED_ENTITIES -> row.foreignOrientedEntities().count();
            case NEW_STARTS_COUNT -> row.starts().newlyStarted();
            case NEW_STARTS_PLANNED -> row.starts().newlyStartedPlannedWan();
            case NEW_STARTS_ABOVE_1YI -> row.starts().newlyStartedAbove1Yi();
            case IN_PRODUCTION_COUNT -> row.inProduction().count();
            case IN_PRODUCTION_PLANNED -> row.inProduction().plannedInvestmentWan();
        };
    }

    private static String talk(BulletinRow row) {
        if (row == null) {
            return "";
        }
        if (row.talkWithTopLeaders()) {
            return "连续" + row.lastPlaceMonthsRunning() + "个月排名末位，由市委市政府主要领导约谈";
        }
        if (row.talkWithLeaderInCharge()) {
            return "连续" + row.lastPlaceMonthsRunning() + "个月排名末位，由分管市领导约谈";
        }
        return row.lastPlace() ? "本月排名末位" : "";
    }
}
