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
 * GET /api/targets, PUT /api/targets/{year}/{township}, PUT /api/targets/{year}/chains/{chain},
 * PUT /api/targets/{year}/leads and GET /api/targets/changes (SPEC §7). The two reads accept
 * {@code knownAt}, as the stats and the bulletin do, so that the targets beside a past bulletin can be read too.
 */
@RestController
public class TargetController {
    private final TargetQueries queries;
    private final TargetUpdates updates;
    private final LeadInfoTargets leads;
    private final QueryTime time;

    public TargetController(TargetQueries queries, TargetUpdates updates, LeadInfoTargets leads, QueryTime time) {
        this.queries = queries;
        this.updates = updates;
        this.leads = leads;
        this.time = time;
    }

    /** {@code year} defaults to the current year; {@code knownAt}: the targets as they stood at that moment. */
    @Operation(summary = "A year's targets per township (and, for supervisors, per chain and department)",
            description = "year defaults to the current year; knownAt: the targets as they stood at that moment.")
    @GetMapping("/api/targets")
    public TargetTable targets(@RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String knownAt) {
        return queries.table(LuodiUser.current(), year == null ? time.today().getYear() : year,
                time.knownAt(knownAt));
    }

    /** {@code knownAt}: only the changes made by then. */
    @Operation(summary = "Every change of a year's targets, with who and why",
            description = "knownAt: only the changes made by then.")
    @GetMapping("/api/targets/changes")
    public TargetQueries.ChangeLog changes(@RequestParam(required = false) Integer year,
                                           @RequestParam(required = false) String knownAt) {
        return queries.changes(LuodiUser.current(), year == null ? time.today().getYear() : year,
                time.knownAt(knownAt));
    }

    @Operation(summary = "Set a township's targets of a year (supervisors)",
            description = "A reason is required; every change is kept with who and why.")
    @PutMapping("/api/targets/{year}/{township}")
    public TargetTable.UnitTargets set(@PathVariable int year, @PathVariable String township,
                                       @RequestBody TargetUpdate update) {
        return updates.set(LuodiUser.current(), year, township, update);
    }

    /** An industry chain's targets, by the rules of a township's (reason required, supervisors only, logged). */
    @Operation(summary = "Set an industry chain's targets of a year (supervisors)",
            description = "By the rules of a township's: reason required, logged with unitKind chain.")
    @PutMapping("/api/targets/{year}/chains/{chain}")
    public TargetTable.UnitTargets setChain(@PathVariable int year, @PathVariable String chain,
                                            @RequestBody TargetUpdate update) {
        return updates.setChain(LuodiUser.current(), year, chain, update);
    }

    /** The 项目信息 targets (#20) of the county or of one unit, by the rules of a township's. */
    @Operation(summary = "Set the 项目信息 targets of a year (supervisors)",
            description = "targets: by key (leadInfo.year, leadInfo.Q1.BUSINESS_REFERRAL…; null removes one), in 条; "
                    + "unit: a township or department code, absent for the county as a whole. Reason required, "
                    + "logged in the targets' change log.")
    @PutMapping("/api/targets/{year}/leads")
    public java.util.List<LeadInfoTargets.LeadTarget> setLeads(@PathVariable int year,
                                                                @RequestBody LeadInfoTargets.Update update) {
        return leads.set(LuodiUser.current(), year, update);
    }
}
