package org.luodi.query.bulletin;

import org.luodi.events.Departments;
import org.luodi.query.project.ProjectSums;
import org.luodi.query.project.UnitSums;
import org.luodi.query.stats.GroupBy;
import org.luodi.query.stats.StatsPeriod;
import org.luodi.query.stats.StatsQueries;
import org.luodi.query.stats.StatsRow;
import org.luodi.query.stats.UnitFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The department sheet of a month's bulletin: 附件2's indicators to the bulletin's day, scored by the townships'
 * rules (weighted completion; no overdue penalty, since stalled contracts are the townships' to start), ranked, and
 * the 约谈 ladder of months without 招商实效, which looks back across the turn of the year.
 */
@Component
class DepartmentStandings {
    private static final int TOP = 5;
    private static final int BOTTOM = 3;

    private final StatsQueries stats;
    private final ProjectSums sums;
    private final Scoring scoring;
    private final boolean verifiedOnly;

    DepartmentStandings(StatsQueries stats, ProjectSums sums, Scoring scoring,
                        @Value(BulletinQueries.VERIFIED_ONLY) boolean verifiedOnly) {
        this.stats = stats;
        this.sums = sums;
        this.scoring = scoring;
        this.verifiedOnly = verifiedOnly;
    }

    List<DepartmentRow> rows(StatsPeriod period, int month, Instant knownAt) {
        List<UnitFigures> units = stats.figures(GroupBy.DEPARTMENT, period, knownAt, verifiedOnly);
        Map<String, StatsRow> rows = rows(units, period);
        Map<String, BigDecimal> scores = scores(rows);
        Map<String, Integer> ranks = Scoring.ranks(scores);
        int ranked = ranks.size();
        Map<String, Integer> idle = monthsWithoutResults(YearMonth.of(period.year(), month), period.asOf(), knownAt);
        return units.stream().map(unit -> {
            StatsRow row = rows.get(unit.code());
            Integer rank = ranks.get(unit.code());
            int months = idle.getOrDefault(unit.code(), 0);
            boolean complete = StatsRow.allTargetsReached(unit);
            return new DepartmentRow(row, Departments.of(unit.code()).kind(), Departments.of(unit.code()).kindName(),
                    scores.get(unit.code()), rank, complete,
                    rank != null && rank <= TOP, rank != null && ranked > TOP && rank > ranked - BOTTOM, months,
                    months >= scoring.rules().leaderInChargeMonths(), months >= scoring.rules().topLeadersMonths());
        }).toList();
    }

    /** Every department's score and completeness to the period's day, for the year-end assessment. */
    List<YearEndScores.Unit> scores(StatsPeriod period, Instant knownAt) {
        List<UnitFigures> units = stats.figures(GroupBy.DEPARTMENT, period, knownAt, verifiedOnly);
        Map<String, StatsRow> rows = rows(units, period);
        Map<String, BigDecimal> scores = scores(rows);
        return units.stream().map(unit -> new YearEndScores.Unit(unit.code(), unit.name(), null,
                Departments.of(unit.code()).kind(), scores.get(unit.code()), StatsRow.allTargetsReached(unit),
                rows.get(unit.code()).targets())).toList();
    }

    private static Map<String, StatsRow> rows(List<UnitFigures> units, StatsPeriod period) {
        Map<String, StatsRow> rows = new LinkedHashMap<>();
        units.forEach(unit -> rows.put(unit.code(), StatsRow.of(GroupBy.DEPARTMENT, unit, period)));
        return rows;
    }

    /** The townships' weights and cap, without the overdue penalty or the production bonus (see the class). */
    private Map<String, BigDecimal> scores(Map<String, StatsRow> rows) {
        Map<String, BigDecimal> scores = new HashMap<>();
        rows.forEach((code, row) -> {
            Score score = scoring.score(row.completion(), 0, Bonuses.NONE);
            if (score != null) {
                scores.put(code, score.total());
            }
        });
        return scores;
    }

    /**
     * How many months running (the bulletin's included, at most the top leaders' months) each department has had no
     * 招商实效: no credited project of 1 亿元 or more signed, or started and stored, in the month (the bulletin's own
     * month up to its day). Earlier months are only read while some department is still on the run.
     */
    private Map<String, Integer> monthsWithoutResults(YearMonth month, LocalDate asOf, Instant knownAt) {
        Set<String> idle = Departments.all().stream().map(Departments.Department::code).collect(Collectors.toSet());
        Map<String, Integer> running = new HashMap<>();
        for (int back = 0; back < scoring.rules().topLeadersMonths() && !idle.isEmpty(); back++) {
            YearMonth which = month.minusMonths(back);
            LocalDate end = back == 0 && asOf.isBefore(which.atEndOfMonth()) ? asOf : which.atEndOfMonth();
            Map<String, UnitSums> results = sums.byUnit(ProjectSums.Unit.DEPARTMENT, which.atDay(1), end, end,
                    knownAt, verifiedOnly);
            idle = idle.stream().filter(code -> {
                UnitSums s = results.get(code);
                return s == null || s.signedCount() + s.startedStoredCount() == 0;
            }).collect(Collectors.toSet());
            idle.forEach(code -> running.merge(code, 1, Integer::sum));
        }
        return running;
    }
}
