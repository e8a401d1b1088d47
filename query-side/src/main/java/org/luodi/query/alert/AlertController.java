package org.luodi.query.alert;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.query.web.FilterCodes;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** GET /api/alerts (SPEC §4, §7); a clerk sees its own township's alerts only. */
@RestController
public class AlertController {
    private final AlertQueries queries;
    private final QueryTime time;
    private final FilterCodes codes;

    public AlertController(AlertQueries queries, QueryTime time, FilterCodes codes) {
        this.queries = queries;
        this.time = time;
        this.codes = codes;
    }

    public record Alerts(LocalDate asOf, List<Alert> alerts) {
    }

    @Operation(summary = "Signed but not started: WARNING and OVERDUE projects on a date",
            description = "The level goes by calendar months from signing to asOf (luodi.alerts: 5 and 6 by "
                    + "default). A clerk sees its own township only.")
    @GetMapping("/api/alerts")
    public Alerts alerts(@RequestParam(required = false) String township,
                         @RequestParam(required = false) String level,
                         @RequestParam(required = false) String asOf,
                         @RequestParam(required = false) String knownAt) {
        LuodiUser user = LuodiUser.current();
        Set<String> townships = codes.visibleTownships(user, township, "不能查看其他乡镇的预警");
        LocalDate day = time.asOf(asOf);
        return new Alerts(day, queries.alerts(day, time.knownAt(knownAt), townships, level(level)));
    }

    private static AlertLevel level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return AlertLevel.valueOf(level.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("level", "可选 WARNING 或 OVERDUE");
        }
    }
}
