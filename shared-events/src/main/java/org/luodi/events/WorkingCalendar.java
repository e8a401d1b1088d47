package org.luodi.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * China's working days: Monday to Friday, except the public holidays, plus the make-up working days (调休) on which
 * a weekend day is worked. The State Council publishes each year's schedule late in the year before; Luodi ships
 * 2024–2026 (reference/working-days-cn.csv, from 国办发明电〔2023〕7号, 〔2024〕12号 and 〔2025〕7号) and supervisors add
 * later years, or a local change, through the calendar's own table (platform {@code workdays}). A year with no day
 * listed is not in the calendar: it counts Monday to Friday, and every deadline that crosses it says so.
 */
public final class WorkingCalendar {
    /** What a listed day is; {@link #WEEKDAY_RULE} removes an earlier listing (the day follows Monday–Friday again). */
    public enum DayKind {
        HOLIDAY("放假"), WORKDAY("调休上班"), WEEKDAY_RULE("按周一至周五");

        private final String label;

        DayKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One listed day: a holiday or a make-up working day, with its name (春节, 国庆节调休上班). */
    public record Day(LocalDate date, DayKind kind, String name) {
    }

    /** A deadline: the day, and whether a year it crossed was not in the calendar (Monday–Friday was assumed). */
    public record Deadline(LocalDate dueOn, boolean assumed) {
    }

    /** How far a deadline may lie: beyond this, the request is a mistake, not a county's deadline. */
    public static final int MAX_WORKING_DAYS = 250;

    private static final WorkingCalendar SHIPPED = shippedCalendar();

    private final Map<LocalDate, Day> days;
    private final Set<Integer> years;

    private WorkingCalendar(Map<LocalDate, Day> days, Set<Integer> years) {
        this.days = Collections.unmodifiableMap(new TreeMap<>(days));
        this.years = Set.copyOf(years);
    }

    /** The shipped schedules only. */
    public static WorkingCalendar shipped() {
        return SHIPPED;
    }

    /**
     * This calendar with {@code changes} laid over it in their order (a later entry of a date replaces an earlier
     * one; {@link DayKind#WEEKDAY_RULE} removes the date's listing). A change puts its year in the calendar.
     */
    public WorkingCalendar with(Iterable<Day> changes) {
        Map<LocalDate, Day> merged = new TreeMap<>(days);
        Set<Integer> known = new HashSet<>(years);
        for (Day change : changes) {
            if (change.kind() == DayKind.WEEKDAY_RULE) {
                merged.remove(change.date());
            } else {
                merged.put(change.date(), change);
            }
            known.add(change.date().getYear());
        }
        return new WorkingCalendar(merged, known);
    }

    /** Whether any day of {@code year} is listed, that is, whether its schedule is known. */
    public boolean knows(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return years;
    }

    /** The listed days (holidays and make-up working days), in date order. */
    public Map<LocalDate, Day> days() {
        return days;
    }

    public boolean isWorkingDay(LocalDate date) {
        Day listed = days.get(date);
        if (listed != null) {
            return listed.kind() == DayKind.WORKDAY;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code workingDays}-th working day after {@code from} ("在 5 个工作日内回复": the day of assignment does not
     * count, the fifth working day after it is the last day to answer).
     */
    public Deadline deadline(LocalDate from, int workingDays) {
        if (workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days out of range: " + workingDays);
        }
        LocalDate day = from;
        boolean assumed = !knows(from.getYear());
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            assumed |= !knows(day.getYear());
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(day, assumed);
    }

    private static WorkingCalendar shippedCalendar() {
        Map<LocalDate, Day> days = new TreeMap<>();
        for (String[] row : ReferenceCsv.read("reference/working-days-cn.csv").rows()) {
            LocalDate date = LocalDate.parse(row[0]);
            DayKind kind = DayKind.valueOf(row[1].toUpperCase(java.util.Locale.ROOT));
            if (days.put(date, new Day(date, kind, row[2])) != null) {
                throw new IllegalStateException("working-days-cn.csv lists " + date + " twice");
            }
        }
        Set<Integer> years = new HashSet<>();
        days.keySet().forEach(d -> years.add(d.getYear()));
        return new WorkingCalendar(days, years);
    }
}
