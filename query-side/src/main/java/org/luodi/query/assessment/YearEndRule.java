package org.luodi.query.assessment;

import org.luodi.query.bulletin.PoolRanking;
import org.luodi.query.bulletin.Scoring;
import org.luodi.query.bulletin.YearEndScores;
import org.luodi.query.targets.Category;
import org.luodi.query.targets.Indicator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The year-end rule of seed 000 line 108 and seed 001 lines 485-515, on the bulletin's scores plus the manual
 * adjustments. Read literally: a reward goes to the unit that completed every task AND holds the rewarded rank
 * (一类乡镇 rank 1: 80 万, rank 2: 50 万; 二类 rank 1: 50 万; 三类 rank 1: 30 万; departments rank 1-5: 20 万) — a
 * rank held by a unit that did not complete its tasks is not passed on to the next. Units tied at a rank share it,
 * and its reward. 高新区 (单列考核) is not ranked: 100 万 for completing its tasks.
 */
final class YearEndRule {
    static final String DEPARTMENTS = "departments";
    private static final String DEPARTMENTS_NAME = "部门单位";

    private final AssessmentProperties table;

    YearEndRule(AssessmentProperties table) {
        this.table = table;
    }

    List<Assessment.Row> townships(List<YearEndScores.Unit> units, Map<String, BigDecimal> adjustments) {
        Map<String, BigDecimal> finals = finals(units, adjustments);
        Map<String, Category> categories = new HashMap<>();
        units.forEach(u -> Category.byKey(u.category()).ifPresent(c -> categories.put(u.code(), c)));
        Map<String, PoolRanking.Place<Category>> places = PoolRanking.within(finals,
                code -> categories.containsKey(code) && categories.get(code).ranked() ? categories.get(code) : null);
        Map<Category, Integer> worst = new HashMap<>();
        places.values().forEach(p -> worst.merge(p.pool(), p.rank(), Math::max));
        return units.stream().map(unit -> {
            Category category = categories.get(unit.code());
            PoolRanking.Place<Category> place = places.get(unit.code());
            BigDecimal reward = null;
            String note;
            boolean barred = false;
            if (unit.score() == null) {
                note = "无考核目标，不参与排名";
            } else if (category == Category.APART) {
                reward = unit.allTasksComplete() ? table.apartRewardWan() : null;
                note = unit.allTasksComplete() ? "单列考核，完成各项招商任务：奖励" + wan(reward)
                        : "单列考核，未完成各项招商任务";
            } else if (place == null) {
                note = "未分类，不参与类别内排名";
            } else {
                List<BigDecimal> rewards = table.categoryRewards(category);
                String where = category.label() + "第" + place.rank() + "名";
                if (unit.allTasksComplete() && place.rank() <= rewards.size()) {
                    reward = rewards.get(place.rank() - 1);
                    note = where + "且完成各项招商任务：奖励" + wan(reward);
                } else if (!unit.allTasksComplete()) {
                    int last = worst.get(category);
                    barred = place.rank() == last && last > 1;
                    note = where + "，未完成各项招商任务" + (barred ? "且排名最后：年度考核不得评为优秀" : "");
                } else {
                    note = where + "，完成各项招商任务";
                }
            }
            return row("township", unit, category == null ? null : category.key(),
                    category == null ? Category.NONE_LABEL : category.label(), adjustments, finals,
                    place == null ? null : place.pool().key(), place == null ? null : place.pool().label(),
                    place == null ? null : place.rank(), place == null ? null : place.ranked(), reward, note, barred,
                    null);
        }).toList();
    }

    List<Assessment.Row> departments(List<YearEndScores.Unit> units, Map<String, BigDecimal> adjustments) {
        Map<String, BigDecimal> finals = finals(units, adjustments);
        Map<String, Integer> ranks = Scoring.ranks(finals);
        int ranked = ranks.size();
        return units.stream().map(unit -> {
            Integer rank = ranks.get(unit.code());
            BigDecimal reward = null;
            boolean barred = false;
            String note;
            if (rank == null) {
                note = "无可计量的考核目标，不参与排名";
            } else if (unit.allTasksComplete() && rank <= table.departmentRewardPlaces()) {
                reward = table.departmentRewardWan();
                note = "第" + rank + "名且完成各项招商任务：奖励" + wan(reward);
            } else if (!unit.allTasksComplete()) {
                // as the bulletin's bottom three: only once there are more ranked than rewarded places
                barred = ranked > table.departmentRewardPlaces() && rank > ranked - table.departmentBarredPlaces();
                note = "第" + rank + "名，未完成各项招商任务" + (barred ? "且排名后" + table.departmentBarredPlaces()
                        + "名：年度考核不得评为优秀" : "");
            } else {
                note = "第" + rank + "名，完成各项招商任务";
            }
            return row("department", unit, null, null, adjustments, finals, rank == null ? null : DEPARTMENTS,
                    rank == null ? null : DEPARTMENTS_NAME, rank, rank == null ? null : ranked, reward, note, barred,
                    funding(unit));
        }).toList();
    }

    /** 招商工作经费 (seed 000 line 106): the named key departments, else by the target of new signings. */
    private BigDecimal funding(YearEndScores.Unit unit) {
        if (table.keyDepartments().contains(unit.code())) {
            return table.keyDepartmentFundingWan();
        }
        BigDecimal signings = unit.targets().get(Indicator.SIGNED_COUNT.key());
        if (signings == null || signings.stripTrailingZeros().scale() > 0) {
            return null;
        }
        return table.fundingBySigningTargetWan().get(signings.intValueExact());
    }

    private static Map<String, BigDecimal> finals(List<YearEndScores.Unit> units, Map<String, BigDecimal> adjustments) {
        Map<String, BigDecimal> finals = new HashMap<>();
        units.stream().filter(u -> u.score() != null).forEach(u ->
                finals.put(u.code(), u.score().add(adjustments.getOrDefault(u.code(), BigDecimal.ZERO))));
        return finals;
    }

    private static Assessment.Row row(String unitKind, YearEndScores.Unit unit, String category, String categoryName,
                                      Map<String, BigDecimal> adjustments, Map<String, BigDecimal> finals, String pool,
                                      String poolName, Integer rank, Integer ranked, BigDecimal reward, String note,
                                      boolean barred, BigDecimal funding) {
        return new Assessment.Row(unitKind, unit.code(), unit.name(), category, categoryName, unit.kind(),
                unit.allTasksComplete(), unit.score(), adjustments.getOrDefault(unit.code(), BigDecimal.ZERO)
                .setScale(2), finals.get(unit.code()), pool, poolName, rank, ranked, reward, note, barred, funding);
    }

    private static String wan(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString() + "万元";
    }
}
