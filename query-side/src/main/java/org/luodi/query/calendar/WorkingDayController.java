package org.luodi.query.calendar;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.events.WorkingCalendar;
import org.luodi.events.WorkingCalendar.DayKind;
import org.luodi.platform.problem.ForbiddenException;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.workdays.WorkingDays;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The working-day calendar the tickets' deadlines are counted on (platform.workdays): a year's holidays and make-up
 * working days, whether the year is in the calendar at all, and every change with who and why; supervisors add a
 * year the State Council published after this release, or put a day right.
 */
@RestController
public class WorkingDayController {
    private final WorkingDays workingDays;
    private final Clock clock;

    public WorkingDayController(WorkingDays workingDays, Clock clock) {
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public record YearView(int year, boolean inCalendar, String note, List<WorkingCalendar.Day> days,
                           List<WorkingDays.Change> changes) {
    }

    public record ChangeRequest(LocalDate day, DayKind kind, String name, String reason) {
    }

    @Operation(summary = "A year's holidays and make-up working days, and the changes made to them",
            description = "inCalendar false: no schedule is known for the year, and deadlines in it count Monday to "
                    + "Friday.")
    @GetMapping("/api/working-days")
    public YearView year(@RequestParam(required = false) Integer year) {
        int y = year == null ? LocalDate.now(clock.withZone(org.luodi.platform.time.ClockConfig.ZONE)).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidInputException("year", "须在 2000–2100 之间");
        }
        WorkingCalendar calendar = workingDays.calendar();
        boolean known = calendar.knows(y);
        return new YearView(y, known, known ? null : y + " 年的节假日安排尚未录入，期限按周一至周五计算",
                calendar.days().values().stream().filter(d -> d.date().getYear() == y).toList(),
                workingDays.changes().stream().filter(c -> c.day().getYear() == y).toList());
    }

    @Operation(summary = "Set one day of the calendar (supervisors)",
            description = "kind HOLIDAY (放假) or WORKDAY (调休上班) with its name, or WEEKDAY_RULE to let the day "
                    + "follow Monday–Friday again; with a reason. Counts for the deadlines set from now on; deadlines "
                    + "already given do not move.")
    @PostMapping("/api/working-days")
    @ResponseStatus(HttpStatus.CREATED)
    public WorkingDays.Change change(@RequestBody ChangeRequest body) {
        LuodiUser user = LuodiUser.current();
        if (!user.isSupervisor()) {
            throw new ForbiddenException("只有市级督查人员可以修改工作日历");
        }
        return workingDays.record(body.day(), body.kind(), body.name(), body.reason(), user.username(),
                clock.instant());
    }
}
