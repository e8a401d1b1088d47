package org.luodi.query.bulletin;

import org.luodi.platform.security.LuodiUser;
import org.luodi.query.alert.AlertLevel;
import org.luodi.query.alert.AlertQueries;
import org.luodi.query.audit.AuditDigests;
import org.luodi.query.stats.GroupBy;
import org.luodi.query.stats.StatsPeriod;
import org.luodi.query.stats.StatsQueries;
import org.luodi.query.stats.StatsRow;
import org.luodi.query.ticket.TicketQueries;
import org.luodi.query.warning.WarningQueries;
import org.luodi.query.stats.UnitFigures;
import org.luodi.query.targets.Categories;
import org.luodi.query.targets.Category;
import org.luodi.query.targets.Indicator;
import org.luodi.query.web.QueryTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly bulletin: the statistics of every township on the month's last day, its stalled contracts, a score,
 * a rank among all townships and one within its category of the year, and the 约谈 ladder, which looks back at the
 * ranks of the previous months as known at the same {@code knownAt}, across the turn of the year (a township last
 * in November, December and January has been last three months running). Ranks are always computed over all
 * townships; a clerk is then shown its own row, and of the others only their rank. A month not over on today (or on
 * knownAt's day) is counted up to that day. The ladder goes by the overall rank: seed 001 (line 347) speaks of
 * the township "排名倒数第一" in the monthly 通报, not of a category.
 */
@Service
public class BulletinQueries {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /**
     * luodi.bulletin.verified-only (#19 实证): a city that wants its bulletin to count only milestones a supervisor has
     * found 已核实 (注册, 开工, 入库, 投产; the latest finding known at knownAt) sets it; by default every recorded one.
     */
    static final String VERIFIED_ONLY = "${luodi.bulletin.verified-only:false}";

    private final StatsQueries stats;
    private final AlertQueries alerts;
    private final Scoring scoring;
    private final QueryTime time;
    private final AuditDigests digests;
    private final Categories categories;
    private final DepartmentStandings departments;
    private final TicketQueries tickets;
    private final WarningQueries warnings;
    private final boolean verifiedOnly;

    public BulletinQueries(StatsQueries stats, AlertQueries alerts, Scoring scoring, QueryTime time,
                           AuditDigests digests, Categories categories, DepartmentStandings departments,
                           TicketQueries tickets, WarningQueries warnings,
                           @Value(VERIFIED_ONLY) boolean verifiedOnly) {
        this.verifiedOnly = verifiedOnly;
        this.stats = stats;
        this.alerts = alerts;
        this.scoring = scoring;
        this.time = time;
        this.digests = digests;
        this.categories = categories;
        this.departments = departments;
        this.tickets = tickets;
        this.warnings = warnings;
    }

    /** One township in one month's standings, before a user's view is cut out of them. */
    private record Standing(UnitFigures unit, StatsRow row, long warnings, long overdue, Score score, Integer rank,
                            Category category, PoolRanking.Place<Category> place) {
    }

    private record Standings(StatsPeriod period, List<Standing> townships) {
        /** Last place: the worst rank, unless every ranked township shares it (then nobody is behind the others). */
        Set<String> lastPlace() {
            int worst = townships.stream().filter(s -> s.rank() != null).mapToInt(Standing::rank).max().orElse(1);
            if (worst == 1) {
                return Set.of();
            }
            return townships.stream().filter(s -> s.rank() != null && s.rank() == worst)
                    .map(s -> s.unit().code()).collect(Collectors.toSet());
        }
    }

    public Bulletin bulletin(LuodiUser user, int year, int month, Instant knownAt) {
        LocalDate until = until(knownAt);
        Standings current = standings(year, month, knownAt, until);
        Map<String, Integer> lastRunning = lastPlaceMonthsRunning(current, year, month, knownAt, until);
        List<Standing> shown = current.townships().stream()
                .filter(s -> user.mayAccessTownship(s.unit().code()))
                .toList();
        List<BulletinRow> rows = shown.stream().map(s -> {
            int running = lastRunning.getOrDefault(s.unit().code(), 0);
            return new BulletinRow(s.row(), s.warnings(), s.overdue(), s.unit().sums().signedAndInProduction(),
                    s.score() == null ? null : s.score().total(), s.score(), s.rank(),
                    s.category() == null ? null : s.category().key(),
                    s.category() == null ? Category.NONE_LABEL : s.category().label(),
                    s.place() == null ? null : s.place().rank(), s.place() == null ? null : s.place().ranked(),
                    running > 0, running, running >= scoring.rules().leaderInChargeMonths(),
                    running >= scoring.rules().topLeadersMonths());
        }).toList();
        UnitFigures sum = UnitFigures.total(shown.stream().map(Standing::unit).toList());
        Bulletin.Total total = new Bulletin.Total(StatsRow.of(GroupBy.TOWNSHIP, sum, current.period()),
                shown.stream().mapToLong(Standing::warnings).sum(), shown.stream().mapToLong(Standing::overdue).sum(),
                sum.sums().signedAndInProduction());
        List<Bulletin.Ranked> ranking = current.townships().stream().filter(s -> s.rank() != null)
                .map(s -> new Bulletin.Ranked(s.unit().code(), s.unit().name(), s.rank()))
                .sorted(Comparator.comparingInt(Bulletin.Ranked::rank)).toList();
        LocalDate asOf = current.period().asOf();
        boolean monthEnded = !asOf.isBefore(YearMonth.of(year, month).atEndOfMonth());
        return new Bulletin(year, month, asOf, monthEnded, unfinishedNote(year, month, asOf), knownAt,
                title(year, month), current.period().scheduleProgress(), rules(), ranking.size(), ranking,
                categoryRankings(current), rows, total,
                departments.rows(current.period(), month, knownAt).stream()
                        .filter(d -> user.mayAccessDepartment(d.indicators().department())).toList(),
                tickets.perDepartment(asOf, knownAt, time.today(), user.township(), user.department()),
                user.isClerk() ? warnings.countsByTownship(asOf, knownAt, Set.of(user.township()))
                        : user.isDepartment() ? List.of() : warnings.countsByTownship(asOf, knownAt, null),
                digests.asOf(knownAt));
    }

    /**
     * Every township and department scored as in the December bulletin of {@code year} known at {@code knownAt}
     * (counted to today, or to knownAt's day, while the year is not over), whoever asks: the year-end assessment
     * decides what a user may see of it.
     */
    public YearEndScores yearEnd(int year, Instant knownAt) {
        Standings standings = standings(year, 12, knownAt, until(knownAt));
        List<YearEndScores.Unit> townships = standings.townships().stream()
                .map(s -> new YearEndScores.Unit(s.unit().code(), s.unit().name(),
                        s.category() == null ? null : s.category().key(), null,
                        s.score() == null ? null : s.score().total(), StatsRow.allTargetsReached(s.unit()),
                        s.row().targets()))
                .toList();
        LocalDate asOf = standings.period().asOf();
        return new YearEndScores(year, asOf, !asOf.isBefore(LocalDate.of(year, 12, 31)), townships,
                departments.scores(standings.period(), knownAt));
    }

    /** Each ranked category's places, best first (ties in the reference order). */
    private static List<Bulletin.CategoryRanking> categoryRankings(Standings standings) {
        return Arrays.stream(Category.values()).filter(Category::ranked)
                .map(category -> new Bulletin.CategoryRanking(category.key(), category.label(), standings.townships()
                        .stream().filter(s -> s.place() != null && s.place().pool() == category)
                        .map(s -> new Bulletin.Ranked(s.unit().code(), s.unit().name(), s.place().rank()))
                        .sorted(Comparator.comparingInt(Bulletin.Ranked::rank)).toList()))
                .toList();
    }

    /**
     * The last day a bulletin can count: today, or the day of {@code knownAt} when the bulletin is reproduced as it
     * could be published then. A month not over by that day is counted up to it, 序时进度 included.
     */
    private LocalDate until(Instant knownAt) {
        LocalDate today = time.today();
        if (knownAt == null) {
            return today;
        }
        LocalDate known = knownAt.atZone(SHANGHAI).toLocalDate();
        return known.isBefore(today) ? known : today;
    }

    /** "截至 12月4日，本月未结束" for a month not over yet; null for a finished month. */
    static String unfinishedNote(int year, int month, LocalDate asOf) {
        YearMonth which = YearMonth.of(year, month);
        if (!asOf.isBefore(which.atEndOfMonth())) {
            return null;
        }
        if (asOf.isBefore(which.atDay(1))) {
            return "截至 " + asOf.getYear() + "年" + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日，本月尚未开始";
        }
        return "截至 " + asOf.getMonthValue() + "月" + asOf.getDayOfMonth() + "日，本月未结束";
    }

    /** "大冶市2024年1—6月招商选资工作通报". */
    public String title(int year, int month) {
        String months = month == 1 ? "1月" : "1—" + month + "月";
        return scoring.rules().city() + year + "年" + months + "招商选资工作通报";
    }

    private Standings standings(int year, int month, Instant knownAt, LocalDate until) {
        LocalDate monthEnd = YearMonth.of(year, month).atEndOfMonth();
        StatsPeriod period = new StatsPeriod(year, until.isBefore(monthEnd) ? until : monthEnd);
        List<UnitFigures> units = stats.figures(GroupBy.TOWNSHIP, period, knownAt, verifiedOnly);
        Map<String, Map<AlertLevel, Long>> stalled = alerts.countsByTownship(period.asOf(), knownAt);
        Map<String, StatsRow> rows = new LinkedHashMap<>();
        Map<String, Score> scores = new LinkedHashMap<>();
        for (UnitFigures unit : units) {
            StatsRow row = StatsRow.of(GroupBy.TOWNSHIP, unit, period);
            rows.put(unit.code(), row);
            long overdue = stalled.getOrDefault(unit.code(), Map.of()).getOrDefault(AlertLevel.OVERDUE, 0L);
            Score score = scoring.score(row.completion(), overdue, Bonuses.of(unit.sums()));
            if (score != null) {
                scores.put(unit.code(), score);
            }
        }
        Map<String, BigDecimal> totals = scores.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().total()));
        Map<String, Integer> ranks = Scoring.ranks(totals);
        Map<String, Category> byTownship = categories.of(year, knownAt);
        Map<String, PoolRanking.Place<Category>> places = PoolRanking.within(totals,
                township -> byTownship.containsKey(township) && byTownship.get(township).ranked()
                        ? byTownship.get(township) : null);
        List<Standing> standings = units.stream().map(unit -> {
            Map<AlertLevel, Long> counts = stalled.getOrDefault(unit.code(), Map.of());
            return new Standing(unit, rows.get(unit.code()), counts.getOrDefault(AlertLevel.WARNING, 0L),
                    counts.getOrDefault(AlertLevel.OVERDUE, 0L), scores.get(unit.code()), ranks.get(unit.code()),
                    byTownship.get(unit.code()), places.get(unit.code()));
        }).toList();
        return new Standings(period, standings);
    }

    /**
     * How many months running (this one included, at most the top leaders' months) each township has been last;
     * January looks back at the previous year's December and November bulletins (each year ranked against its own
     * targets). Earlier months are only computed while someone is still on the run.
     */
    private Map<String, Integer> lastPlaceMonthsRunning(Standings current, int year, int month, Instant knownAt,
                                                        LocalDate until) {
        Set<String> stillLast = current.lastPlace();
        Map<String, Integer> running = stillLast.stream().collect(Collectors.toMap(Function.identity(), t -> 1));
        YearMonth thisMonth = YearMonth.of(year, month);
        for (int back = 1; back < scoring.rules().topLeadersMonths() && !stillLast.isEmpty(); back++) {
            YearMonth before = thisMonth.minusMonths(back);
            Set<String> earlier = standings(before.getYear(), before.getMonthValue(), knownAt, until).lastPlace();
            stillLast = stillLast.stream().filter(earlier::contains).collect(Collectors.toSet());
            stillLast.forEach(t -> running.merge(t, 1, Integer::sum));
        }
        return Collections.unmodifiableMap(running);
    }

    private Bulletin.ScoringRules rules() {
        BulletinProperties rules = scoring.rules();
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        rules.indicatorWeights().forEach((Indicator indicator, BigDecimal weight) -> weights.put(indicator.key(), weight));
        Map<String, BigDecimal> typeBonuses = new LinkedHashMap<>();
        rules.typeBonuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(bonus -> typeBonuses.put(bonus.getKey().name(), bonus.getValue()));
        return new Bulletin.ScoringRules(weights, rules.totalWeight(), rules.completionCap(), rules.overduePenalty(),
                rules.sameYearProductionBonus(), typeBonuses, rules.storedUpgradeBonus(), rules.leaderInChargeMonths(),
                rules.topLeadersMonths());
    }
}
