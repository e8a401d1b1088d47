package org.luodi.query.lead;

import org.luodi.events.WorkingCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How soon a lead must be followed up, in working days ({@code luodi.leads.service-levels.*}): a first response after
 * its report ({@code respond}, 1), its 研判 ({@code assessment}, 3 after the report), a feedback after the 研判
 * ({@code feedback}, 5: the first talk, a review or a progress report), then a progress report every
 * {@code report-every} (10) while it stays open. {@link OverdueLeads} applies them.
 */
@ConfigurationProperties("luodi.leads.service-levels")
public record LeadServiceLevels(Integer respond, Integer assessment, Integer feedback, Integer reportEvery) {
    public LeadServiceLevels {
        respond = days("respond", respond, 1);
        assessment = days("assessment", assessment, 3);
        feedback = days("feedback", feedback, 5);
        reportEvery = days("report-every", reportEvery, 10);
    }

    /** The configured days, or the default; refuses to start on a deadline the calendar cannot count. */
    private static Integer days(String name, Integer configured, int otherwise) {
        int days = configured == null ? otherwise : configured;
        if (days < 1 || days > WorkingCalendar.MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("luodi.leads.service-levels." + name + " must lie in [1, "
                    + WorkingCalendar.MAX_WORKING_DAYS + "], got " + days);
        }
        return days;
    }
}
