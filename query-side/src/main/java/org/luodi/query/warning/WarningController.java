package org.luodi.query.warning;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.FilterCodes;
import org.luodi.query.web.Paging;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** GET /api/warnings: the warning ladder (红黄绿, #19); a clerk sees its own township's warnings only. */
@RestController
public class WarningController {
    private final WarningQueries queries;
    private final QueryTime time;
    private final FilterCodes codes;

    public WarningController(WarningQueries queries, QueryTime time, FilterCodes codes) {
        this.queries = queries;
        this.time = time;
        this.codes = codes;
    }

    /**
     * One page of the warnings, most urgent first; {@code total} and {@code colours} count every warning that
     * matches, not only the page's.
     */
    public record Warnings(LocalDate asOf, Map<Colour, Long> colours, long total, int page, int size,
                           List<Warning> warnings) {
    }

    @Operation(summary = "The warning ladder: stalled contracts, 开工即停, 入库滞后 and funds behind, in three colours",
            description = "rule: STALLED_CONTRACT, STOPPED_AFTER_START, STORAGE_LAGGING or FUNDS_BEHIND; colour: "
                    + "GREEN, YELLOW or RED. Each warning has the day it reached its colour and its escalation "
                    + "(TOWNSHIP, COUNTY_OFFICE, GOVERNMENT: a red warning rises with the months it stays red). "
                    + "Thresholds: luodi.warnings (docs/contract.md §5c). A clerk sees its own township only. "
                    + "leader: the projects that 包保 leader has. Paged (size ≤ 1000, default 100): total and colours "
                    + "count every matching warning.")
    @GetMapping("/api/warnings")
    public Warnings warnings(@RequestParam(required = false) String township,
                             @RequestParam(required = false) String rule,
                             @RequestParam(required = false) String colour,
                             @RequestParam(required = false) String leader,
                             @RequestParam(required = false) String asOf,
                             @RequestParam(required = false) String knownAt,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size) {
        Paging.check(page, size, 1000);
        LuodiUser user = LuodiUser.current();
        Set<String> townships = codes.visibleTownships(user, township, "不能查看其他乡镇的预警");
        LocalDate day = time.asOf(asOf);
        WarningLadder.Page found = queries.page(day, time.knownAt(knownAt), townships, codes.leader(leader),
                parse(WarningRule.class, "rule", rule), parse(Colour.class, "colour", colour), (long) page * size, size);
        return new Warnings(day, found.colours(), found.total(), page, size, found.warnings());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "可选 " + String.join("、",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
