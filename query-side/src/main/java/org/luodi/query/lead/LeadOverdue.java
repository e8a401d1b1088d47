package org.luodi.query.lead;

import java.time.LocalDate;

/**
 * A lead whose follow-up has just lapsed ({@link OverdueLeads}), announced once per lapse and pushed on the alert
 * stream as {@code leadOverdue} (query.alert.AlertBroadcaster). Never the investor nor the project's name: the event
 * says which lead and what it owed, the lead's page says the rest to whoever may read it.
 * {@code township}: where the lead would settle, whose clerks see it too (null if none named).
 */
public record LeadOverdue(String leadId, String unit, String unitName, String township,
                          OverdueLeads.Obligation obligation, String obligationName, LocalDate since, LocalDate dueOn,
                          String message) {
}
