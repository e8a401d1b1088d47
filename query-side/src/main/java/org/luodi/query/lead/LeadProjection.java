package org.luodi.query.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.luodi.events.EventDescriptions;
import org.luodi.events.EventJson;
import org.luodi.events.EventMetadata;
import org.luodi.events.LeadAbandoned;
import org.luodi.events.LeadAssessed;
import org.luodi.events.LeadDateCorrected;
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadFirstReportConfirmed;
import org.luodi.events.LeadNegotiationStarted;
import org.luodi.events.LeadProgressReported;
import org.luodi.events.LeadRecorded;
import org.luodi.events.LeadResumed;
import org.luodi.events.LeadReviewed;
import org.luodi.events.LeadSigned;
import org.luodi.events.LeadStage;
import org.luodi.events.LeadSuspended;
import org.luodi.events.RecordedAt;
import org.luodi.events.ReviewKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Read model "leads": folds each lead event into the lead's row and appends it, with who and why and the stage after
 * it, to the lead's timeline. One statement or two per event, as the tickets': leads are a few per signing. A
 * redelivered event (its sequence not above the row's) changes nothing.
 */
@Component
@ProcessingGroup(LeadProjection.GROUP)
public class LeadProjection {
    public static final String GROUP = "leads";
    /**
     * A step that follows the lead up (首谈, a review, a progress report): from these facts and the row's dates a
     * trigger works out what the lead owes next (lead_obligation, V165).
     */
    private static final String FOLLOWED_UP = "followed_up = true, "
            + "after_assessment = after_assessment OR assessed_on IS NOT NULL";
    /** A review, a progress report or a resumption on its day. */
    private static final String LATEST_STEP = "latest_step_on = greatest(latest_step_on, ?)";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final JdbcTemplate jdbc;

    public LeadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(LeadRecorded e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        Instant at = RecordedAt.of(metaData, timestamp);
        jdbc.update("INSERT INTO lead (lead_id, unit, township, investor, credit_code, project, expected_amount_wan, "
                        + "target_companies, source, stage, recorded_on, possible_duplicates, updated_at, last_sequence) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id) DO NOTHING",
                e.leadId(), e.unit(), e.township(), e.investor(), e.creditCode(), e.project(), e.expectedAmountWan(),
                json(e.targetCompanies()), e.source().name(), LeadStage.INFO.name(), e.recordedOn(),
                json(e.possibleDuplicates()), java.sql.Timestamp.from(at), sequence);
        history(e, sequence, metaData, at);
    }

    @EventHandler
    void on(LeadAssessed e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "stage = 'ASSESSED', assessed_on = ?, followed_up = true",
                e.assessedOn());
    }

    @EventHandler
    void on(LeadNegotiationStarted e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "stage = 'NEGOTIATING', first_talk_on = ?, led_by = ?, "
                + FOLLOWED_UP, e.firstTalkOn(), e.ledBy());
    }

    @EventHandler
    void on(LeadReviewed e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        if (e.passed()) {
            change(e, sequence, metaData, timestamp, "stage = 'REVIEWED', contract_reviewed = contract_reviewed OR ?, "
                    + "last_report_on = ?, " + FOLLOWED_UP + ", " + LATEST_STEP, e.kind() == ReviewKind.CONTRACT_REVIEW,
                    e.reviewedOn(), e.reviewedOn());
        } else {
            change(e, sequence, metaData, timestamp, "last_report_on = ?, " + FOLLOWED_UP + ", " + LATEST_STEP,
                    e.reviewedOn(), e.reviewedOn());
        }
    }

    @EventHandler
    void on(LeadProgressReported e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "last_report_on = ?, " + FOLLOWED_UP + ", " + LATEST_STEP,
                e.reportedOn(), e.reportedOn());
    }

    @EventHandler
    void on(LeadFirstReportConfirmed e, @SequenceNumber long sequence, MetaData metaData,
            @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "first_unit = ?", e.firstUnit());
    }

    @EventHandler
    void on(LeadSuspended e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "stage = 'SUSPENDED', suspended_at = ?", e.stage().name());
    }

    @EventHandler
    void on(LeadResumed e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "stage = ?, suspended_at = NULL, last_report_on = ?, "
                + "resumed_on = greatest(resumed_on, ?), " + LATEST_STEP, e.stage().name(), e.resumedOn(),
                e.resumedOn(), e.resumedOn());
    }

    @EventHandler
    void on(LeadAbandoned e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "stage = 'ABANDONED', closed_on = ?", e.abandonedOn());
    }

    @EventHandler
    void on(LeadSigned e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        change(e, sequence, metaData, timestamp, "stage = 'SIGNED', closed_on = ?, project_id = ?, credited_units = ?",
                e.signedOn(), e.projectId(), String.join(",", e.creditedUnits()));
    }

    @EventHandler
    void on(LeadDateCorrected e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        String column = "LeadAssessed".equals(e.step()) ? "assessed_on" : "first_talk_on";
        change(e, sequence, metaData, timestamp, column + " = ?", e.date());
    }

    private void change(LeadEvent e, long sequence, MetaData metaData, Instant timestamp, String assignments,
                        Object... values) {
        Instant at = RecordedAt.of(metaData, timestamp);
        Object[] args = new Object[values.length + 4];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = java.sql.Timestamp.from(at);
        args[values.length + 1] = sequence;
        args[values.length + 2] = e.leadId();
        args[values.length + 3] = sequence;
        jdbc.update("UPDATE lead SET " + assignments + ", updated_at = ?, last_sequence = ? "
                + "WHERE lead_id = ? AND last_sequence < ?", args);
        history(e, sequence, metaData, at);
    }

    /** The event as the lead's timeline shows it, with the lead's stage after it. */
    private void history(LeadEvent e, long sequence, MetaData metaData, Instant at) {
        jdbc.update("INSERT INTO lead_event (lead_id, sequence_number, type, occurred_on, recorded_at, actor, role, "
                        + "reason, summary, stage) SELECT lead_id, ?, ?, ?, ?, ?, ?, ?, ?, stage FROM lead "
                        + "WHERE lead_id = ? ON CONFLICT (lead_id, sequence_number) DO NOTHING",
                sequence, e.getClass().getSimpleName(), e.occurredOn(), java.sql.Timestamp.from(at),
                text(metaData, EventMetadata.ACTOR), text(metaData, EventMetadata.ROLE),
                text(metaData, EventMetadata.REASON), EventDescriptions.describe(e), e.leadId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE lead, lead_event");
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
