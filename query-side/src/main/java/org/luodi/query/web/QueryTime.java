package org.luodi.query.web;

import org.luodi.platform.problem.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The two times of SPEC §6 as query parameters: {@code asOf}, a business date (default: today in Asia/Shanghai),
 * and {@code knownAt}, a record-time instant (ISO-8601, e.g. 2024-04-01T00:00:00+08:00; a bare date means the end
 * of that day in Asia/Shanghai; default: everything recorded so far).
 */
@Component
public class QueryTime {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /**
     * The dates a query may name. Java parses years up to ±999,999,999 but PostgreSQL's dates and timestamps end
     * far earlier; a year past them was a server error. Nothing in Luodi lies outside these years.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private final Clock clock;

    public QueryTime(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDate asOf(String text) {
        if (text == null || text.isBlank()) {
            return today();
        }
        LocalDate day;
        try {
            day = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "日期格式应为 YYYY-MM-DD");
        }
        return within("asOf", day);
    }

    /** {@code day} when it lies between 1900-01-01 and 9999-12-31; a 400 naming {@code field} otherwise. */
    public static LocalDate within(String field, LocalDate day) {
        if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
            throw new InvalidInputException(field, "日期须在 1900-01-01 与 9999-12-31 之间");
        }
        return day;
    }

    /** {@code instant} when it lies within those years (Asia/Shanghai); a 400 naming {@code field} otherwise. */
    public static Instant within(String field, Instant instant) {
        if (instant.isBefore(EARLIEST.atStartOfDay(SHANGHAI).toInstant())
                || !instant.isBefore(LATEST.plusDays(1).atStartOfDay(SHANGHAI).toInstant())) {
            throw new InvalidInputException(field, "时间须在 1900 年与 9999 年之间");
        }
        return instant;
    }

    public Instant knownAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return within("knownAt", LocalDate.parse(value)).plusDays(1).atStartOfDay(SHANGHAI).toInstant()
                        .minusNanos(1000);
            }
            return within("knownAt", OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("knownAt", "时间格式应为 ISO-8601，如 2024-04-01T00:00:00+08:00");
        }
    }
}
