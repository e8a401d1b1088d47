package org.luodi.query.alert;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.FilterCodes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * GET /api/alerts/stream: server-sent events named {@code alert}, one per announced {@link AlertChange}, with the
 * announcement id as event id. A clerk receives its own township's only; a department only the lapses of its own
 * leads and tickets. The Last-Event-ID header (or the
 * {@code lastEventId} parameter, for clients that cannot set headers) replays what the client missed.
 */
@RestController
public class AlertStreamController {
    private final AlertBroadcaster broadcaster;
    private final FilterCodes codes;

    public AlertStreamController(AlertBroadcaster broadcaster, FilterCodes codes) {
        this.broadcaster = broadcaster;
        this.codes = codes;
    }

    @Operation(summary = "Alert changes as server-sent events",
            description = "One event named alert per announced change, its id the announcement's; the "
                    + "Last-Event-ID header (or lastEventId) replays what a reconnecting client missed. A clerk "
                    + "receives its own township's only; a department only the lapses of its own leads and tickets.")
    @GetMapping("/api/alerts/stream")
    public SseEmitter stream(@RequestParam(required = false) String township,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                             @RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
        LuodiUser user = LuodiUser.current();
        String wanted = codes.township(township);
        if (wanted != null && !user.mayAccessTownship(wanted)) {
            throw ForbiddenException.otherTownship("不能接收其他乡镇的预警");
        }
        String lastEventId = lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParameter;
        return broadcaster.subscribe(user, wanted, eventId(lastEventId));
    }

    private static Long eventId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Last-Event-ID", "应为之前收到的事件编号");
        }
    }
}
