package org.luodi.query.audit;

import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.Role;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A project's history (its own clerk and supervisors) and the audit search (supervisors and admins). */
@RestController
public class AuditController {
    private final HistoryQueries queries;
    private final ChainVerifier verifier;
    private final QueryTime time;

    public AuditController(HistoryQueries queries, ChainVerifier verifier, QueryTime time) {
        this.queries = queries;
        this.verifier = verifier;
        this.time = time;
    }

    /** Re-checks the hash chain of every project's stored events (supervisors and admins). */
    @GetMapping("/api/audit/verify")
    public ChainVerifier.Report verify() {
        if (LuodiUser.current().role() == Role.CLERK) {
            throw new ForbiddenException("审计核验仅限市级督查人员 (supervisors only)");
        }
        return verifier.verify();
    }

    @GetMapping("/api/projects/{id}/history")
    public HistoryQueries.History history(@PathVariable String id, @RequestParam(required = false) String knownAt) {
        return queries.history(LuodiUser.current(), id, time.knownAt(knownAt));
    }

    /** {@code from} and {@code to} bound the record time; a bare date covers that whole day (Asia/Shanghai). */
    @GetMapping("/api/audit")
    public HistoryQueries.AuditPage search(@RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String township,
                                           @RequestParam(required = false) String type,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        LuodiUser user = LuodiUser.current();
        if (user.role() == Role.CLERK) {
            throw new ForbiddenException("审计查询仅限市级督查人员 (supervisors only)");
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException("size", "page ≥ 0, 1 ≤ size ≤ 500");
        }
        return queries.search(new HistoryQueries.AuditFilter(blankToNull(actor), blankToNull(township),
                blankToNull(type), start(from), time.knownAt(to)), page, size);
    }

    private Instant start(String from) {
        if (from != null && from.strip().length() == 10) {
            try {
                return QueryTime.within("from", LocalDate.parse(from.strip())).atStartOfDay(ZoneId.of("Asia/Shanghai"))
                        .toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("from", "日期格式应为 YYYY-MM-DD (expected a date)");
            }
        }
        return time.knownAt(from);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
