package org.luodi.query.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * GET /api/calendar: the year and as-of date every page opens on ({@link DefaultPeriod}), today (from the server's
 * clock, so that the pages and the server agree on it), the years there is anything about (targets or signings,
 * newest first, this year included) and the latest year up to this one with targets (null: none).
 */
public record Calendar(LocalDate today, int year, LocalDate asOf, List<Integer> years, Integer latestTargetYear) {
}
