package org.luodi.query.processing;

import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.security.Role;
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

    @GetMapping("/api/admin/dead-letters")
    public DeadLetters deadLetters() {
        requireAdmin();
        return new DeadLetters(watch.check(), admin.parked(), admin.actions(100));
    }

    @PostMapping("/api/admin/dead-letters/{id}/retry")
    public DeadLetterAdmin.Outcome retry(@PathVariable String id, @RequestBody(required = false) Reason body) {
        LuodiUser user = requireAdmin();
        DeadLetterAdmin.Outcome outcome = admin.retry(id, body == null ? null : body.reason(), user.username());
        watch.check();
        return outcome;
    }

    @PostMapping("/api/admin/dead-letters/{id}/evict")
    public DeadLetterAdmin.Outcome evict(@PathVariable String id, @RequestBody(required = false) Reason body) {
        LuodiUser user = requireAdmin();
        DeadLetterAdmin.Outcome outcome = admin.evict(id, body == null ? null : body.reason(), user.username());
        watch.check();
        return outcome;
    }

    private static LuodiUser requireAdmin() {
        LuodiUser user = LuodiUser.current();
        if (user.role() != Role.ADMIN) {
            throw new ForbiddenException("仅系统管理员可以处理搁置事件");
        }
        return user;
    }
}
