package org.luodi.query.stats;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** GET /api/stats?year=&asOf=&knownAt=&groupBy=township|chain (SPEC §3, §7). */
@RestController
public class StatsController {
    private final StatsQueries queries;
    private final QueryTime time;

    public StatsController(StatsQueries queries, QueryTime time) {
        this.queries = queries;
        this.time = time;
    }

    /** {@code asOf} defaults to today, {@code year} to asOf's year, {@code groupBy} to township. */
    @Operation(summary = "The year's indicators against targets, by township, industry chain or department",
            description = "A milestone counts when its date lies in the year up to asOf. year defaults to asOf's "
                    + "year, groupBy to township; a clerk sees its own township only.")
    @GetMapping("/api/stats")
    public Stats stats(@RequestParam(required = false) Integer year,
                       @RequestParam(required = false) String asOf,
                       @RequestParam(required = false) String knownAt,
                       @RequestParam(required = false) String groupBy) {
        LocalDate day = time.asOf(asOf);
        int statsYear = year == null ? day.getYear() : year;
        if (statsYear < 2000 || statsYear > 2100) {
            throw new InvalidInputException("year", "年份须在 2000–2100 之间");
        }
        GroupBy grouping = groupBy == null || groupBy.isBlank() ? GroupBy.TOWNSHIP : GroupBy.of(groupBy.strip());
        if (grouping == null) {
            throw new InvalidInputException("groupBy", "可选 township（按乡镇）、chain（按产业链）或 department（按部门单位）");
        }
        return queries.stats(LuodiUser.current(), statsYear, day, time.knownAt(knownAt), grouping);
    }
}
