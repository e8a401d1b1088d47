package org.luodi.query.project;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.FilterCodes;
import org.luodi.query.web.Paging;
import org.luodi.query.web.QueryTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

import static org.luodi.query.web.FilterCodes.blankToNull;

/** GET /api/projects and /api/projects/{id} (SPEC §7): translates parameters, the queries decide. */
@RestController
public class ProjectQueryController {
    private final ProjectQueries queries;
    private final QueryTime time;
    private final FilterCodes codes;

    public ProjectQueryController(ProjectQueries queries, QueryTime time, FilterCodes codes) {
        this.queries = queries;
        this.time = time;
        this.codes = codes;
    }

    @Operation(summary = "Projects, paged, filtered by township, chain, stage, signing date, name and 包保 leader",
            description = "Each project as it stood on asOf. A clerk sees its own township only. leader: a code of "
                    + "reference/leaders-daye.csv, the projects that leader 包保s (at knownAt).")
    @GetMapping("/api/projects")
    public ProjectQueries.Page list(@RequestParam(required = false) String township,
                                    @RequestParam(required = false) String chain,
                                    @RequestParam(required = false) String stage,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedFrom,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedTo,
                                    @RequestParam(required = false) String name,
                                    @RequestParam(required = false) String leader,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String knownAt,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        if (stage != null && !stage.isBlank() && Stage.byCode(stage) == null) {
            throw new InvalidInputException("stage", "未知的阶段，可选 " + java.util.Arrays.toString(Stage.values()));
        }
        Paging.check(page, size, 200);
        var filter = new ProjectQueries.Filter(codes.township(township), codes.chain(chain), blankToNull(stage),
                signedFrom, signedTo, name, codes.leader(leader));
        return queries.list(LuodiUser.current(), filter, time.asOf(asOf), time.knownAt(knownAt), page, size);
    }

    @Operation(summary = "One project's state on a date")
    @GetMapping("/api/projects/{id}")
    public ProjectView project(@PathVariable String id, @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String knownAt) {
        return queries.project(LuodiUser.current(), id, time.asOf(asOf), time.knownAt(knownAt));
    }
}
