package org.luodi.platform.workdays;

import org.luodi.events.WorkingCalendar;
import org.luodi.events.WorkingCalendar.Day;
import org.luodi.events.WorkingCalendar.DayKind;
import org.luodi.platform.problem.FieldProblem;
import org.luodi.platform.problem.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The working-day calendar in force: the shipped schedules with the supervisors' changes laid over them
 * (table working_day_change, owned here). The command side reads it when it sets a ticket's deadline; the query side
 * shows it and records the changes. Read afresh each time: a handful of rows, asked once per assignment, so a change
 * counts from the next deadline on, on every instance, without a cache to keep in step.
 */
@Component
public class WorkingDays {
    private final JdbcTemplate jdbc;

    /** One change as recorded: the day's new entry and who made it, when and why. */
    public record Change(long id, LocalDate day, DayKind kind, String name, Instant recordedAt, String recordedBy,
                         String reason) {
    }

    public WorkingDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The shipped schedules only, for tests that have no database. */
    public static WorkingDays shippedOnly() {
        return new WorkingDays(null);
    }

    public WorkingCalendar calendar() {
        return WorkingCalendar.shipped().with(changes().stream()
                .map(c -> new Day(c.day(), c.kind(), c.name())).toList());
    }

    /** Every change, oldest first. */
    public List<Change> changes() {
        if (jdbc == null) {
            return List.of();
        }
        return jdbc.query("SELECT id, day, kind, name, recorded_at, recorded_by, reason FROM working_day_change "
                + "ORDER BY id", (rs, i) -> new Change(rs.getLong("id"), rs.getObject("day", LocalDate.class),
                DayKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), rs.getString("reason")));
    }

    /** Records a change after checking it; a refusal (400) names every wrong field and writes nothing. */
    public Change record(LocalDate day, DayKind kind, String name, String reason, String who, Instant at) {
        List<FieldProblem> problems = new ArrayList<>();
        if (day == null) {
            problems.add(new FieldProblem("day", "必填"));
        } else if (day.getYear() < 2000 || day.getYear() > 2100) {
            problems.add(new FieldProblem("day", "年份须在 2000–2100 之间"));
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "必填：HOLIDAY、WORKDAY 或 WEEKDAY_RULE"));
        }
        String cleanName = name == null || name.isBlank() ? null : name.strip();
        if (cleanName != null && (cleanName.length() > 50 || hasControl(cleanName))) {
            problems.add(new FieldProblem("name", "不超过 50 个字符，不含控制字符"));
        }
        if (kind != null && kind != DayKind.WEEKDAY_RULE && cleanName == null) {
            problems.add(new FieldProblem("name", "必填（如 春节、国庆节调休上班）"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new FieldProblem("reason", "必填"));
        } else if (reason.strip().length() > 500 || hasControl(reason.replaceAll("[\r\n\t]", " "))) {
            // a reason may run over several lines, as every other reason may; other control characters are junk
            problems.add(new FieldProblem("reason", "不超过 500 个字符，除换行外不含控制字符"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String strippedReason = reason.strip();
        Long id = jdbc.queryForObject("INSERT INTO working_day_change (day, kind, name, recorded_at, recorded_by, "
                        + "reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING id", Long.class, day, kind.name(), cleanName,
                Timestamp.from(at), who, strippedReason);
        return new Change(id, day, kind, cleanName, at, who, strippedReason);
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}
