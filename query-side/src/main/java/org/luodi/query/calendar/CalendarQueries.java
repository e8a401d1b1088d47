package org.luodi.query.calendar;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link DefaultPeriod} decides from: the signings per year (current versions, voided ones left out) and the
 * years that have targets (a removed target leaves a row with a null value, which does not count).
 */
@Service
public class CalendarQueries {
    private final NamedParameterJdbcTemplate jdbc;

    public CalendarQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Calendar calendar(LocalDate today) {
        Map<Integer, Long> signings = new TreeMap<>();
        jdbc.query("""
                SELECT extract(YEAR FROM signed_on)::int AS year, count(*) AS signings FROM project_version
                WHERE recorded_to IS NULL AND NOT voided GROUP BY 1""",
                Map.of(), rs -> {
                    signings.put(rs.getInt("year"), rs.getLong("signings"));
                });
        Set<Integer> targeted = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT year FROM target WHERE value IS NOT NULL", Map.of(), Integer.class));
        int year = DefaultPeriod.year(today, signings, targeted);
        TreeSet<Integer> years = new TreeSet<>(java.util.Comparator.reverseOrder());
        years.addAll(targeted);
        signings.forEach((y, n) -> years.add(y));
        years.add(today.getYear());
        return new Calendar(today, year, DefaultPeriod.asOf(year, today), List.copyOf(years),
                targeted.stream().filter(y -> y <= today.getYear()).max(Integer::compare).orElse(null));
    }
}
