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
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "日期格式应为 YYYY-MM-DD (expected a date)");
        }
    }

    public Instant knownAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).plusDays(1).atStartOfDay(SHANGHAI).toInstant().minusNanos(1000);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("knownAt", "时间格式应为 ISO-8601，如 2024-04-01T00:00:00+08:00 (expected an instant)");
        }
    }
}
