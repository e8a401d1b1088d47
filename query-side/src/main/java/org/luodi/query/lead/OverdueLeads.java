package org.luodi.query.lead;

import org.luodi.events.WorkingCalendar;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.workdays.WorkingDays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The leads whose follow-up is late ({@link LeadServiceLevels}), counted in working days on the calendar in force
 * (the shipped holidays with the supervisors' changes). Each open lead owes one thing at a time, kept in its row
 * with the day it runs from (lead.owes and lead.owes_since, set by a trigger from what the projection keeps: V165
 * says the rule): 响应 ({@code respond} working days), 研判 ({@code assessment}), 反馈 ({@code feedback}), then a
 * 进展报告 every {@code report-every}. A deadline is the n-th working day after the day it runs from, and is late from
 * the day after.
 * <p>
 * A deadline only moves later with the day it runs from, so the days that make an obligation late today are every
 * day from the earliest one owed up to a last one: those days and their deadlines, counted here on each read (a few
 * thousand at most), are joined to the leads in SQL, which reads only the late ones' index entries and fetches a
 * page of rows. A change to the calendar or the service levels counts from the next read.
 */
@Component
@EnableConfigurationProperties(LeadServiceLevels.class)
public class OverdueLeads {
    private final LeadQueries queries;
    private final LeadServiceLevels levels;
    private final WorkingDays workingDays;

    public OverdueLeads(LeadQueries queries, LeadServiceLevels levels, WorkingDays workingDays) {
        this.queries = queries;
        this.levels = levels;
        this.workingDays = workingDays;
    }

    /** What a lead owes, in the order it owes them. */
    public enum Obligation {
        RESPOND("响应"), ASSESSMENT("研判"), FEEDBACK("反馈"), REPORT("进展报告");

        private final String label;

        Obligation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A late lead: what it owes since when, the deadline, and by how many calendar days it is late.
     * {@code calendarAssumed}: the deadline crosses a year whose holidays are not in the calendar (Monday to Friday
     * counted).
     */
    public record Overdue(LeadQueries.Row lead, Obligation obligation, String obligationName, LocalDate since,
                          int workingDays, LocalDate dueOn, boolean calendarAssumed, long daysOverdue) {
    }

    /** One page of the late leads, longest late first, and how many there are in all. */
    public record LatePage(List<Overdue> content, int page, int size, long totalElements) {
    }

    /** A page of the late leads this caller may see (of one unit, or all), the longest late first. */
    public LatePage page(LuodiUser user, String unit, LocalDate today, int page, int size) {
        LeadQueries.OwingPage late = owing(user, unit, today, (long) page * size, size, false);
        return new LatePage(overdue(late, today), page, size, late.total());
    }

    /** Every late lead whose lapse has not been announced yet (lead_overdue_announcement), the longest late first. */
    public List<Overdue> unannounced(LuodiUser user, LocalDate today) {
        return overdue(owing(user, null, today, 0, Integer.MAX_VALUE, true), today);
    }

    private LeadQueries.OwingPage owing(LuodiUser user, String unit, LocalDate today, long offset, int limit,
                                        boolean unannouncedOnly) {
        return queries.owing(user, unit, dueDays(today), offset, limit, unannouncedOnly);
    }

    /** For each obligation, every day from the earliest one owed whose deadline has passed by today. */
    private LeadQueries.DueDays dueDays(LocalDate today) {
        WorkingCalendar calendar = workingDays.calendar();
        List<String> owed = new ArrayList<>();
        List<LocalDate> since = new ArrayList<>();
        List<LocalDate> dueOn = new ArrayList<>();
        List<Boolean> assumed = new ArrayList<>();
        Map<String, LocalDate> earliest = queries.earliestOwing(
                Arrays.stream(Obligation.values()).map(Obligation::name).toList());
        earliest.forEach((obligation, first) -> {
            int days = days(Obligation.valueOf(obligation));
            for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
                WorkingCalendar.Deadline deadline = calendar.deadline(day, days);
                if (!today.isAfter(deadline.dueOn())) {
                    break;
                }
                owed.add(obligation);
                since.add(day);
                dueOn.add(deadline.dueOn());
                assumed.add(deadline.assumed());
            }
        });
        return new LeadQueries.DueDays(owed, since, dueOn, assumed);
    }

    private List<Overdue> overdue(LeadQueries.OwingPage late, LocalDate today) {
        return late.content().stream().map(o -> {
            Obligation obligation = Obligation.valueOf(o.obligation());
            return new Overdue(o.lead(), obligation, obligation.label(), o.since(), days(obligation), o.dueOn(),
                    o.assumed(), ChronoUnit.DAYS.between(o.dueOn(), today));
        }).toList();
    }

    private int days(Obligation obligation) {
        return switch (obligation) {
            case RESPOND -> levels.respond();
            case ASSESSMENT -> levels.assessment();
            case FEEDBACK -> levels.feedback();
            case REPORT -> levels.reportEvery();
        };
    }
}
