package org.luodi.query.targets;

import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The townships' categories of a year: set by supervisors with a reason, every change kept with who, when and why;
 * read like the targets beside them (a clerk: its own township; the bulletin publishes the ranking within them).
 */
@Service
public class TownshipCategories {
    private final Categories categories;
    private final ReferenceData reference;
    private final Clock clock;

    public TownshipCategories(Categories categories, ReferenceData reference, Clock clock) {
        this.categories = categories;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * Every township the user may read, in the reference order, with its category as it stood at {@code knownAt}
     * (null: now).
     */
    public CategoryTable table(LuodiUser user, int year, Instant knownAt) {
        Map<String, Category> byTownship = categories.of(year, knownAt);
        return new CategoryTable(year, Arrays.stream(Category.values()).map(CategoryTable.CategoryInfo::of).toList(),
                reference.townships().stream().filter(t -> user.mayAccessTownship(t.code()))
                        .map(t -> CategoryTable.TownshipCategory.of(t.code(), t.name(), byTownship.get(t.code())))
                        .toList());
    }

    /** The year's changes, newest first; a clerk sees its own township's. */
    public CategoryTable.ChangeLog changes(LuodiUser user, int year, Instant knownAt) {
        return new CategoryTable.ChangeLog(year, categories.changes(year, user.isClerk() ? user.township() : null,
                knownAt).stream().map(r -> new CategoryTable.Change(r.id(), year, r.township(), name(r.township()),
                r.oldCategory(), r.newCategory(), r.changedAt(), r.changedBy(), r.changedRole(), r.reason())).toList());
    }

    /** Applies {@code update} whole or not at all, and answers the year's table after it. */
    @Transactional
    @PreAuthorize("hasRole('SUPERVISOR')")
    public CategoryTable set(LuodiUser user, int year, CategoryUpdate update) {
        validate(year, update);
        Targets.Author author = new Targets.Author(user.username(), user.role().name(), clock.instant(),
                update.reason().strip());
        categories.lock(year);
        update.categories().forEach((township, key) -> categories.set(year, township,
                key == null ? null : Category.byKey(key).orElseThrow(), author));
        return table(user, year, null);
    }

    private void validate(int year, CategoryUpdate update) {
        List<FieldProblem> errors = new ArrayList<>();
        TargetUpdates.yearProblem(year).ifPresent(errors::add);
        TargetUpdates.reasonProblem(update == null ? null : update.reason(), "请填写调整乡镇类别的原因")
                .ifPresent(errors::add);
        if (update == null || update.categories() == null || update.categories().isEmpty()) {
            errors.add(new FieldProblem("categories", "请至少填写一个乡镇的类别"));
        } else {
            update.categories().forEach((township, key) -> {
                String field = "categories." + township;
                if (!reference.isTownship(township)) {
                    errors.add(new FieldProblem(field, "未知的乡镇代码: " + township));
                } else if (key != null && Category.byKey(key).isEmpty()) {
                    errors.add(new FieldProblem(field, "未知的类别: " + key + "（可选 " + Arrays.stream(Category.values())
                            .map(Category::key).collect(Collectors.joining("、")) + "，或 null 表示未分类）"));
                }
            });
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private String name(String township) {
        var known = reference.township(township);
        return known == null ? null : known.name();
    }
}
