package org.luodi.query.lead;

import org.luodi.query.lead.OverdueLeads.Obligation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What each open lead owes now, kept in its row (lead.owes, lead.owes_since; V164): the one thing it owes and the
 * day its deadline runs from, the first of
 * <ol>
 * <li>响应: any follow-up at all, from its report;</li>
 * <li>研判: from its report (or its resumption, when it was paused since);</li>
 * <li>反馈: a step after the 研判 (首谈, a review, a progress report), from the 研判 (or the resumption);</li>
 * <li>进展报告: then from its latest step.</li>
 * </ol>
 * Paused, signed and abandoned leads owe nothing; a resumed lead's clock restarts on the day it was resumed. Worked
 * out again from the lead's steps (研判 and 首谈 at their dates as corrected) after each of its events, in the
 * projection's transaction: a correction may move any of these days. How many working days each obligation has is
 * read when the deadlines are counted ({@link OverdueLeads}).
 */
@Component
public class LeadObligations {
    private static final String OPEN = "('INFO', 'ASSESSED', 'NEGOTIATING', 'REVIEWED')";

    private final JdbcTemplate jdbc;

    public LeadObligations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A lead's obligation and the day its deadline runs from. */
    record Owed(Obligation obligation, LocalDate since) {
    }

    /** A step that followed a lead up, on its day as corrected. */
    record FollowUp(long sequence, String type, LocalDate on) {
    }

    /** Works out again what the lead owes, from its row and its steps as they stand in this transaction. */
    void refresh(String leadId) {
        List<Map<String, Object>> lead = jdbc.queryForList("SELECT stage IN " + OPEN + " AS open, recorded_on, "
                + "assessed_on FROM lead WHERE lead_id = ?", leadId);
        if (!lead.isEmpty()) {
            write(leadId, lead.get(0), false);
        }
    }

    /**
     * Fills in the open leads recorded before lead.owes existed (V164), once; a lead whose events moved on meanwhile
     * was worked out by the projection and is left alone.
     */
    void fillUnknown() {
        int filled;
        do {
            filled = 0;
            for (Map<String, Object> lead : jdbc.queryForList("SELECT lead_id, true AS open, recorded_on, "
                    + "assessed_on, last_sequence FROM lead WHERE owes IS NULL AND stage IN " + OPEN + " LIMIT 1000")) {
                filled += write((String) lead.get("lead_id"), lead, true);
            }
        } while (filled > 0);
    }

    private int write(String leadId, Map<String, Object> lead, boolean unlessMovedOn) {
        Owed owed = Boolean.TRUE.equals(lead.get("open"))
                ? owed(day(lead.get("recorded_on")), day(lead.get("assessed_on")), followUps(leadId)) : null;
        String owes = owed == null ? null : owed.obligation().name();
        LocalDate since = owed == null ? null : owed.since();
        return unlessMovedOn
                ? jdbc.update("UPDATE lead SET owes = ?, owes_since = ? WHERE lead_id = ? AND owes IS NULL "
                + "AND last_sequence = ?", owes, since, leadId, lead.get("last_sequence"))
                : jdbc.update("UPDATE lead SET owes = ?, owes_since = ? WHERE lead_id = ?", owes, since, leadId);
    }

    private List<FollowUp> followUps(String leadId) {
        return new ArrayList<>(jdbc.query("SELECT e.sequence_number, e.type, CASE e.type "
                + "WHEN 'LeadAssessed' THEN l.assessed_on WHEN 'LeadNegotiationStarted' THEN l.first_talk_on "
                + "ELSE e.occurred_on END AS on_day FROM lead_event e JOIN lead l ON l.lead_id = e.lead_id "
                + "WHERE e.lead_id = ? AND e.type IN ('LeadAssessed', 'LeadNegotiationStarted', 'LeadReviewed', "
                + "'LeadProgressReported', 'LeadResumed') ORDER BY e.sequence_number", (rs, i) -> new FollowUp(
                rs.getLong("sequence_number"), rs.getString("type"), rs.getObject("on_day", LocalDate.class)),
                leadId));
    }

    /** The one thing an open lead owes now (see the class comment). */
    static Owed owed(LocalDate recorded, LocalDate assessedOn, List<FollowUp> followUps) {
        LocalDate resumed = null;
        long assessedAt = -1;
        LocalDate latest = null;
        boolean followedUp = false;
        boolean afterAssessment = false;
        for (FollowUp step : followUps) {
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
            return new Owed(Obligation.RESPOND, recorded);
        }
        if (assessedOn == null) {
            return new Owed(Obligation.ASSESSMENT, later(recorded, resumed));
        }
        if (!afterAssessment) {
            return new Owed(Obligation.FEEDBACK, later(assessedOn, resumed));
        }
        return new Owed(Obligation.REPORT, later(latest, assessedOn));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    private static LocalDate day(Object value) {
        return value == null ? null : value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
