package org.luodi.query.targets;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/targets/categories, PUT /api/targets/{year}/categories and GET /api/targets/categories/changes: the
 * townships' categories of the year-end ranking (一类 / 二类 / 三类乡镇, 单列考核), per year, beside the targets.
 */
@RestController
public class CategoryController {
    private final TownshipCategories categories;
    private final QueryTime time;

    public CategoryController(TownshipCategories categories, QueryTime time) {
        this.categories = categories;
        this.time = time;
    }

    /** {@code year} defaults to the current year; {@code knownAt}: the categories as they stood at that moment. */
    @Operation(summary = "Every township's category of the year (一类/二类/三类乡镇)",
            description = "year defaults to the current year; knownAt: the categories as they stood at that moment. "
                    + "A clerk sees its own township's row.")
    @GetMapping("/api/targets/categories")
    public CategoryTable table(@RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String knownAt) {
        return categories.table(LuodiUser.current(), year == null ? time.today().getYear() : year,
                time.knownAt(knownAt));
    }

    /** {@code knownAt}: only the changes made by then. */
    @Operation(summary = "Every change of the year's categories, with who and why",
            description = "knownAt: only the changes made by then.")
    @GetMapping("/api/targets/categories/changes")
    public CategoryTable.ChangeLog changes(@RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) String knownAt) {
        return categories.changes(LuodiUser.current(), year == null ? time.today().getYear() : year,
                time.knownAt(knownAt));
    }

    @Operation(summary = "Set townships' categories of a year (supervisors)",
            description = "Townships left out keep theirs; an unknown township or category is refused whole (400); "
                    + "a reason is required and logged.")
    @PutMapping("/api/targets/{year}/categories")
    public CategoryTable set(@PathVariable int year, @RequestBody CategoryUpdate update) {
        return categories.set(LuodiUser.current(), year, update);
    }
}
