package org.luodi.query.lead;

import org.luodi.events.WorkingCalendar;
import org.luodi.platform.security.LuodiUser;
import org.luodi.platform.workdays.WorkingDays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The leads whose follow-up is late ({@link LeadServiceLevels}), counted in working days on the calendar in force
 * (the shipped holidays with the supervisors' changes). Each open lead owes one thing at a time, the first of:
 * <ol>
 * <li>响应: any follow-up at all, {@code respond} working days after its report;</li>
 * <li>研判: {@code assessment} after its report (or its resumption, when it was paused since);</li>
 * <li>反馈: a step after the 研判 (首谈, a review, a progress report), {@code feedback} after the 研判 (or the
 * resumption);</li>
 * <li>进展报告: then {@code report-every} after its latest step.</li>
 * </ol>
 * A deadline is the n-th working day after the day it runs from, and is late from the day after. Paused, signed and
 * abandoned leads owe nothing; a resumed lead's clock restarts on the day it was resumed.
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

    /** What a lead owes: its kind, the day the deadline runs from, and the working days it has. */
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

    /** The late leads this caller may see (of one unit, or all), the longest late first. */
    public List<Overdue> overdue(LuodiUser user, String unit, LocalDate today) {
        WorkingCalendar calendar = workingDays.calendar();
        List<Overdue> late = new ArrayList<>();
        for (LeadQueries.OpenLead lead : queries.open(user, unit)) {
            Owed owed = owed(lead);
            WorkingCalendar.Deadline deadline = calendar.deadline(owed.since(), owed.days());
            if (today.isAfter(deadline.dueOn())) {
                late.add(new Overdue(lead.lead(), owed.obligation(), owed.obligation().label(), owed.since(),
                        owed.days(), deadline.dueOn(), deadline.assumed(),
                        ChronoUnit.DAYS.between(deadline.dueOn(), today)));
            }
        }
        late.sort(Comparator.comparing(Overdue::dueOn).thenComparing(o -> o.lead().leadId()));
        return late;
    }

    private record Owed(Obligation obligation, LocalDate since, int days) {
    }

    /** The one thing an open lead owes now (see the class comment). */
    Owed owed(LeadQueries.OpenLead lead) {
        LocalDate recorded = lead.lead().recordedOn();
        LocalDate resumed = null;
        long assessedAt = -1;
        LocalDate latest = null;
        boolean followedUp = false;
        boolean afterAssessment = false;
        for (LeadQueries.FollowUp step : lead.followUps()) {
            latest = later(latest, step.on());
            switch (step.type()) {
                case "LeadResumed" -> resumed = later(resumed, step.on());
                case "LeadAssessed" -> {
                    assessedAt = step.sequence();
                    followedUp = true;
                }
                default -> {
                    followedUp = true;
                    afterAssessment |= assessedAt >= 0 && step.sequence() > assessedAt;
                }
            }
        }
        if (!followedUp && resumed == null) {
            return new Owed(Obligation.RESPOND, recorded, levels.respond());
        }
        if (lead.assessedOn() == null) {
            return new Owed(Obligation.ASSESSMENT, later(recorded, resumed), levels.assessment());
        }
        if (!afterAssessment) {
            return new Owed(Obligation.FEEDBACK, later(lead.assessedOn(), resumed), levels.feedback());
        }
        return new Owed(Obligation.REPORT, later(latest, lead.assessedOn()), levels.reportEvery());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
