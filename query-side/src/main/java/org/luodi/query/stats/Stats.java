package org.luodi.query.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** GET /api/stats (SPEC §7): the rows in reference-data order and their total. */
public record Stats(int year, LocalDate asOf, Instant knownAt, BigDecimal scheduleProgress, String groupBy,
                    List<StatsRow> rows, StatsRow total) {
}
