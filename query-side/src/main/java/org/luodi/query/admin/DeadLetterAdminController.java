package org.luodi.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.processing.DeadLetterAdmin;
import org.luodi.query.processing.ReadModelWatch;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Administrators' view of the parked events (GET /api/admin/dead-letters, with the read models' health and the
 * latest actions), and what they do with one: POST …/{id}/retry and …/{id}/evict, each with a reason.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
public class DeadLetterAdminController {
    private final DeadLetterAdmin admin;
    private final ReadModelWatch watch;

    public DeadLetterAdminController(DeadLetterAdmin admin, ReadModelWatch watch) {
        this.admin = admin;
        this.watch = watch;
    }

    public record DeadLetters(List<ReadModelWatch.Problem> problems, List<DeadLetterAdmin.Parked> letters,
                              List<DeadLetterAdmin.Action> actions) {
    }

    public record Reason(String reason) {
    }

    @Operation(summary = "Parked events with their error, and the actions taken on them (admins)")
    @GetMapping("/api/admin/dead-letters")
    public DeadLetters deadLetters() {
        return new DeadLetters(watch.check(), admin.parked(), admin.actions(100));
    }

    @Operation(summary = "Retry a parked event (admins)",
            description = "With a reason, logged: the project's parked events are applied again, in order, by the "
                    + "read model's own handlers; they stay parked if they fail again.")
    @PostMapping("/api/admin/dead-letters/{id}/retry")
    public DeadLetterAdmin.Outcome retry(@PathVariable String id, @RequestBody(required = false) Reason body) {
        LuodiUser user = LuodiUser.current();
        DeadLetterAdmin.Outcome outcome = admin.retry(id, body == null ? null : body.reason(), user.username());
        watch.check();
        return outcome;
    }

    @Operation(summary = "Evict a parked event (admins)",
            description = "With a reason, logged: the event is dropped; the project's later parked events, if any, "
                    + "stay for a retry.")
    @PostMapping("/api/admin/dead-letters/{id}/evict")
    public DeadLetterAdmin.Outcome evict(@PathVariable String id, @RequestBody(required = false) Reason body) {
        LuodiUser user = LuodiUser.current();
        DeadLetterAdmin.Outcome outcome = admin.evict(id, body == null ? null : body.reason(), user.username());
        watch.check();
        return outcome;
    }

}
