package org.luodi.query.reference;

import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/targets, PUT /api/targets/{year}/{township} and GET /api/targets/changes (SPEC §7). */
@RestController
public class TargetController {
    private final TargetQueries queries;
    private final TargetUpdates updates;
    private final QueryTime time;

    public TargetController(TargetQueries queries, TargetUpdates updates, QueryTime time) {
        this.queries = queries;
        this.updates = updates;
        this.time = time;
    }

    /** {@code year} defaults to the current year. */
    @GetMapping("/api/targets")
    public TargetTable targets(@RequestParam(required = false) Integer year) {
        return queries.table(LuodiUser.current(), year == null ? time.today().getYear() : year);
    }

    @GetMapping("/api/targets/changes")
    public TargetQueries.ChangeLog changes(@RequestParam(required = false) Integer year) {
        return queries.changes(LuodiUser.current(), year == null ? time.today().getYear() : year);
    }

    @PutMapping("/api/targets/{year}/{township}")
    public TargetTable.UnitTargets set(@PathVariable int year, @PathVariable String township,
                                       @RequestBody TargetUpdate update) {
        return updates.set(LuodiUser.current(), year, township, update);
    }
}
