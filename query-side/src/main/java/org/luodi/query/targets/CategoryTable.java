package org.luodi.query.targets;

import java.time.Instant;
import java.util.List;

/**
 * GET /api/targets/categories: every township's category in a year ({@code category} null: none, and
 * {@code categoryName} says 未分类), and the categories with their Chinese names and whether they are ranked.
 */
public record CategoryTable(int year, List<CategoryInfo> categories, List<TownshipCategory> townships) {

    public record CategoryInfo(String key, String name, boolean ranked) {
        static CategoryInfo of(Category category) {
            return new CategoryInfo(category.key(), category.label(), category.ranked());
        }
    }

    public record TownshipCategory(String township, String name, String category, String categoryName) {
        static TownshipCategory of(String township, String name, Category category) {
            return new TownshipCategory(township, name, category == null ? null : category.key(),
                    category == null ? Category.NONE_LABEL : category.label());
        }
    }

    /** One change of one township's category (null: none), who made it, when and why. */
    public record Change(long id, int year, String township, String townshipName, String oldCategory,
                         String newCategory, Instant changedAt, String changedBy, String changedRole, String reason) {
    }

    public record ChangeLog(int year, List<Change> changes) {
    }
}
