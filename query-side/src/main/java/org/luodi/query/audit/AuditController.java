package org.luodi.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.events.ProjectEvent;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.FilterCodes;
import org.luodi.query.web.Paging;
import org.luodi.query.web.QueryTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.luodi.query.web.FilterCodes.blankToNull;

/** A project's history (its own clerk and supervisors) and the audit search (supervisors and admins). */
@RestController
public class AuditController {
    /** Audit is the city's: clerks see their own projects' history only (GET /api/projects/{id}/history). */
    private static final String SUPERVISORS_AND_ADMINS = "hasAnyRole('SUPERVISOR', 'ADMIN')";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The event types one can search for: a misspelt type is an error, not an empty result. */
    private static final Set<String> TYPES = new TreeSet<>(Arrays.stream(ProjectEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).toList());

    private final HistoryQueries queries;
    private final ChainVerifier verifier;
    private final DigestVerifier digestVerifier;
    private final AuditDigests digests;
    private final QueryTime time;
    private final FilterCodes codes;

    public AuditController(HistoryQueries queries, ChainVerifier verifier, DigestVerifier digestVerifier,
                           AuditDigests digests, QueryTime time, FilterCodes codes) {
        this.queries = queries;
        this.verifier = verifier;
        this.digestVerifier = digestVerifier;
        this.digests = digests;
        this.time = time;
        this.codes = codes;
    }

    /**
     * {@code digest}: the store's sealed events, checked against a digest published earlier. {@code projects} is
     * null then: only the events that digest covered (and nothing added among them) are checked.
     */
    public record VerifyReport(boolean intact, Long projects, long events, String digest, Long sealedThrough,
                               List<ChainVerifier.Problem> problems) {
    }

    /**
     * Without {@code digest}: every project's hash chain and every seal (supervisors and admins). With it: that the
     * store still holds, unchanged and in order, everything the digest covered (docs/audit-digest.md).
     */
    @PreAuthorize(SUPERVISORS_AND_ADMINS)
    @Operation(summary = "Re-check the hash chains and seals of the event store (supervisors and admins)",
            description = "Names any stored row that was changed, inserted or removed; with a digest (LD1-…), also "
                    + "that the store still holds everything it covered (docs/audit-digest.md).")
    @GetMapping("/api/audit/verify")
    public VerifyReport verify(@RequestParam(required = false) String digest) {
        if (blankToNull(digest) != null) {
            DigestVerifier.Result sealed = digestVerifier.verify(Digest.parse(digest));
            return new VerifyReport(sealed.problems().isEmpty(), null, sealed.events(), sealed.digest(),
                    sealed.sealedThrough(), sealed.problems());
        }
        ChainVerifier.Report chains = verifier.verify();
        DigestVerifier.Result sealed = digestVerifier.verify(null);
        List<ChainVerifier.Problem> problems = new ArrayList<>(chains.problems());
        problems.addAll(sealed.problems());
        return new VerifyReport(problems.isEmpty(), chains.projects(), chains.events(), sealed.digest(),
                sealed.sealedThrough(), problems);
    }

    /** The current digest, or with {@code at} (an instant, or a date meaning its end) the last one sealed by then. */
    @PreAuthorize(SUPERVISORS_AND_ADMINS)
    @Operation(summary = "The audit digest, now or as of a moment (supervisors and admins)",
            description = "at: an instant, or a date meaning its end; the last digest sealed by then.")
    @GetMapping("/api/audit/digest")
    public AuditDigests.DigestView digest(@RequestParam(required = false) String at) {
        Instant moment = instant("at", at, true);
        return digests.view(moment).orElseThrow(() -> new NotFoundException(NotFoundException.Kind.AUDIT_DIGEST, null, moment == null
                ? "事件库尚未封存，稍后再试" : "该时刻之前尚无封存记录"));
    }

    @Operation(summary = "A project's events, oldest first, with who recorded them, when and why")
    @GetMapping("/api/projects/{id}/history")
    public HistoryQueries.History history(@PathVariable String id, @RequestParam(required = false) String knownAt) {
        return queries.history(LuodiUser.current(), id, time.knownAt(knownAt));
    }

    /** {@code from} and {@code to} bound the record time; a bare date covers that whole day (Asia/Shanghai). */
    @PreAuthorize(SUPERVISORS_AND_ADMINS)
    @Operation(summary = "Search the audit trail across projects (supervisors and admins)",
            description = "from and to bound the record time; a bare date covers that whole day (Asia/Shanghai).")
    @GetMapping("/api/audit")
    public HistoryQueries.AuditPage search(@RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String township,
                                           @RequestParam(required = false) String type,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        LuodiUser user = LuodiUser.current();
        Paging.check(page, size, 500);
        String eventType = blankToNull(type);
        if (eventType != null && !TYPES.contains(eventType)) {
            throw new InvalidInputException("type", "未知的事件类型，可选 " + TYPES);
        }
        return queries.search(new HistoryQueries.AuditFilter(blankToNull(actor), codes.township(township), eventType,
                instant("from", from, false), instant("to", to, true)), page, size);
    }

    /** An ISO instant, or a bare date meaning the start (or the end) of that day in Asia/Shanghai. */
    private static Instant instant(String field, String text, boolean endOfDay) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = QueryTime.within(field, LocalDate.parse(value));
                return endOfDay ? day.plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusNanos(1000)
                        : day.atStartOfDay(SHANGHAI).toInstant();
            }
            // within PostgreSQL's range: a year past it was a server error
            return QueryTime.within(field, OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field,
                    "应为日期或 ISO-8601 时间，如 2024-04-01 或 2024-04-01T08:00:00+08:00");
        }
    }
}
