package org.luodi.query.calendar;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.query.web.QueryTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/calendar: see {@link Calendar}. The same answer for every role: it names years and dates, no figures. */
@RestController
public class CalendarController {
    private final CalendarQueries queries;
    private final QueryTime time;

    public CalendarController(CalendarQueries queries, QueryTime time) {
        this.queries = queries;
        this.time = time;
    }

    @Operation(summary = "The year and date every page opens on, and the years with data")
    @GetMapping("/api/calendar")
    public Calendar calendar() {
        return queries.calendar(time.today());
    }
}
