package org.luodi.query.assessment;

import org.luodi.events.Departments;
import org.luodi.query.targets.Category;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * {@code luodi.assessment}: the year-end rewards of seed 000 line 108 and seed 001 lines 485-515, and the bounds of
 * a manual adjustment. Amounts in 万元. Nothing has a default in code: the table is the county's decision of the
 * year and lives in application.yml beside the bulletin's weights; a missing or impossible entry stops the start.
 * <ul>
 * <li>{@code apartRewardWan}: 高新区 (单列考核) completing every task (100).</li>
 * <li>{@code categoryRewardsWan}: per ranked category, the reward of rank 1, 2, … for a township that completed
 * every task (first: 80, 50; second: 50; third: 30).</li>
 * <li>{@code departmentRewardPlaces} / {@code departmentRewardWan}: the departments ranked within the first places
 * that completed every task, and their reward (5, 20).</li>
 * <li>{@code departmentBarredPlaces}: a department among the last places that did not complete its tasks may not be
 * rated 优秀 (3); a township that did not and is last of its category may not either.</li>
 * <li>{@code keyDepartments} and {@code fundingBySigningTargetWan}: the yearly 招商工作经费 (seed 000 line 106): 30 for
 * the fifteen named departments, else by the unit's target of new signings (2: 15, 1: 8).</li>
 * <li>{@code maxPoints}: the most one adjustment may add or deduct.</li>
 * </ul>
 */
@ConfigurationProperties("luodi.assessment")
public record AssessmentProperties(BigDecimal apartRewardWan, Map<String, List<BigDecimal>> categoryRewardsWan,
                                   Integer departmentRewardPlaces, BigDecimal departmentRewardWan,
                                   Integer departmentBarredPlaces, List<String> keyDepartments,
                                   BigDecimal keyDepartmentFundingWan,
                                   Map<Integer, BigDecimal> fundingBySigningTargetWan, BigDecimal maxPoints) {

    public AssessmentProperties {
        require(apartRewardWan, "apart-reward-wan");
        require(categoryRewardsWan, "category-rewards-wan");
        require(departmentRewardPlaces, "department-reward-places");
        require(departmentRewardWan, "department-reward-wan");
        require(departmentBarredPlaces, "department-barred-places");
        require(keyDepartments, "key-departments");
        require(keyDepartmentFundingWan, "key-department-funding-wan");
        require(fundingBySigningTargetWan, "funding-by-signing-target-wan");
        require(maxPoints, "max-points");
        categoryRewardsWan.forEach((key, amounts) -> {
            if (Category.byKey(key).filter(Category::ranked).isEmpty()) {
                throw new IllegalArgumentException("luodi.assessment.category-rewards-wan: no ranked category " + key);
            }
            amounts.forEach(amount -> notNegative(amount, "category-rewards-wan." + key));
        });
        keyDepartments.forEach(code -> {
            if (!Departments.isDepartment(code)) {
                throw new IllegalArgumentException("luodi.assessment.key-departments: unknown department " + code);
            }
        });
        fundingBySigningTargetWan.forEach((target, amount) -> notNegative(amount, "funding-by-signing-target-wan"));
        notNegative(apartRewardWan, "apart-reward-wan");
        notNegative(departmentRewardWan, "department-reward-wan");
        notNegative(keyDepartmentFundingWan, "key-department-funding-wan");
        if (departmentRewardPlaces < 0 || departmentBarredPlaces < 0 || maxPoints.signum() <= 0) {
            throw new IllegalArgumentException("luodi.assessment: places must not be negative, max-points positive");
        }
        categoryRewardsWan = Map.copyOf(categoryRewardsWan);
        keyDepartments = List.copyOf(keyDepartments);
        fundingBySigningTargetWan = Map.copyOf(fundingBySigningTargetWan);
    }

    /** The rewards of a category by rank (index 0: rank 1); empty for a category without any. */
    List<BigDecimal> categoryRewards(Category category) {
        return categoryRewardsWan.getOrDefault(category.key(), List.of());
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("luodi.assessment." + name + " is not configured");
        }
    }

    private static void notNegative(BigDecimal amount, String name) {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("luodi.assessment." + name + ": an amount missing or negative");
        }
    }
}
