package org.luodi.command.lead;

import org.luodi.events.LeadRecorded.EarlierReport;

import java.time.LocalDate;
import java.util.List;

/**
 * The leads recorded so far, by investor, for 首报确认制: which earlier leads of other units look like the same
 * investor and project. {@link JdbcLeadRegistry} keeps them in the command side's table {@code lead_investor},
 * written in the transaction of the command that records the lead.
 */
public interface LeadRegistry {

    /** The earlier leads of units other than {@code unit} with this credit code, or this investor and a like project. */
    List<EarlierReport> earlierReports(String unit, String creditCode, String investor, String project);

    void remember(String leadId, String unit, String creditCode, String investor, String project,
                  LocalDate recordedOn);
}
