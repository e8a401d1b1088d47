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
import org.luodi.events.LeadEvent;
import org.luodi.events.LeadRecorded;
import org.luodi.events.RecordedAt;
import org.luodi.query.jdbc.CopyBatch;
import org.luodi.query.jdbc.TypedBatch;
import org.luodi.query.processing.SetAsideIndexes;
import org.luodi.query.processing.UnitOfWorkBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Read model "leads": folds each lead event into the lead's row ({@link LeadRow}) and appends it, with who and why and
 * the stage after it, to the lead's timeline. Written per processor batch: the batch's leads are read in one
 * statement, changed in memory event by event, and written with one COPY of the new leads, one JDBC batch of
 * updates and one COPY of the timeline (a statement or three per event made the leads the slowest read model of a
 * national rebuild). A redelivered event (its sequence not above the row's) changes nothing. Triggers on the row
 * keep the funnel's counts (V161) and what the lead owes (V165).
 */
@Component
@ProcessingGroup(LeadProjection.GROUP)
public class LeadProjection {
    public static final String GROUP = "leads";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final CopyBatch INSERT = new CopyBatch("lead", "lead_id", "unit", "township", "investor",
            "credit_code", "project", "expected_amount_wan", "target_companies", "source", "stage", "suspended_at",
            "recorded_on", "assessed_on", "first_talk_on", "led_by", "contract_reviewed", "closed_on", "project_id",
            "credited_units", "possible_duplicates", "first_unit", "last_report_on", "followed_up",
            "after_assessment", "resumed_on", "latest_step_on", "updated_at", "last_sequence");
    private static final TypedBatch UPDATE = new TypedBatch("UPDATE lead SET stage = ?, suspended_at = ?, "
            + "assessed_on = ?, first_talk_on = ?, led_by = ?, contract_reviewed = ?, closed_on = ?, project_id = ?, "
            + "credited_units = ?, first_unit = ?, last_report_on = ?, followed_up = ?, after_assessment = ?, "
            + "resumed_on = ?, latest_step_on = ?, updated_at = ?, last_sequence = ? WHERE lead_id = ?",
            Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR, Types.BOOLEAN, Types.DATE,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.BOOLEAN, Types.BOOLEAN, Types.DATE,
            Types.DATE, Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR);
    private static final CopyBatch TIMELINE = new CopyBatch("lead_event", "lead_id", "sequence_number", "type",
            "occurred_on", "recorded_at", "actor", "role", "reason", "summary", "stage");

    private final JdbcTemplate jdbc;
    private final SetAsideIndexes indexes;

    public LeadProjection(JdbcTemplate jdbc, SetAsideIndexes indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /** One event of the batch, with what its timeline entry needs. */
    private record Applied(LeadEvent event, long sequence, MetaData metaData, Instant at) {
    }

    @EventHandler
    void on(LeadEvent event, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        UnitOfWorkBatch.add(GROUP, new Applied(event, sequence, metaData, RecordedAt.of(metaData, timestamp)),
                this::write);
    }

    private void write(List<Applied> batch) {
        Map<String, LeadRow> rows = stored(batch);
        Set<LeadRow> added = new LinkedHashSet<>();
        Set<LeadRow> changed = new LinkedHashSet<>();
        List<Object[]> timeline = new ArrayList<>();
        for (Applied a : batch) {
            String leadId = a.event().leadId();
            LeadRow row = rows.get(leadId);
            if (a.event() instanceof LeadRecorded e) {
                if (row != null) {
                    continue; // reported already: a redelivery
                }
                row = reported(e);
                rows.put(leadId, row);
                added.add(row);
            } else if (row == null || a.sequence() <= row.lastSequence) {
                continue; // a lead never reported here, or a redelivery
            } else {
                row.apply(a.event());
                if (!added.contains(row)) {
                    changed.add(row);
                }
            }
            row.updatedAt = a.at();
            row.lastSequence = a.sequence();
            timeline.add(new Object[]{leadId, a.sequence(), a.event().getClass().getSimpleName(),
                    a.event().occurredOn(), TypedBatch.timestamp(a.at()), text(a.metaData(), EventMetadata.ACTOR),
                    text(a.metaData(), EventMetadata.ROLE), text(a.metaData(), EventMetadata.REASON),
                    EventDescriptions.describe(a.event()), row.stage});
        }
        INSERT.execute(jdbc, added.stream().map(LeadProjection::insert).toList());
        UPDATE.execute(jdbc, changed.stream().map(LeadProjection::update).toList());
        TIMELINE.execute(jdbc, timeline);
    }

    /** The batch's leads already stored, by id. */
    private Map<String, LeadRow> stored(List<Applied> batch) {
        Map<String, LeadRow> rows = new HashMap<>();
        jdbc.query("SELECT * FROM lead WHERE lead_id = ANY (?)", rs -> {
            LeadRow row = LeadRow.read(rs);
            rows.put(row.leadId, row);
        }, (Object) batch.stream().map(a -> a.event().leadId()).distinct().toArray(String[]::new));
        return rows;
    }

    private static LeadRow reported(LeadRecorded e) {
        return new LeadRow(e.leadId(), e.unit(), e.township(), e.investor(), e.creditCode(), e.project(),
                e.expectedAmountWan(), json(e.targetCompanies()), e.source().name(), e.recordedOn(),
                json(e.possibleDuplicates()));
    }

    private static Object[] insert(LeadRow r) {
        return new Object[]{r.leadId, r.unit, r.township, r.investor, r.creditCode, r.project, r.expectedAmountWan,
                r.targetCompanies, r.source, r.stage, r.suspendedAt, r.recordedOn, r.assessedOn, r.firstTalkOn,
                r.ledBy, r.contractReviewed, r.closedOn, r.projectId, r.creditedUnits, r.possibleDuplicates,
                r.firstUnit, r.lastReportOn, r.followedUp, r.afterAssessment, r.resumedOn, r.latestStepOn,
                TypedBatch.timestamp(r.updatedAt), r.lastSequence};
    }

    private static Object[] update(LeadRow r) {
        return new Object[]{r.stage, r.suspendedAt, r.assessedOn, r.firstTalkOn, r.ledBy, r.contractReviewed,
                r.closedOn, r.projectId, r.creditedUnits, r.firstUnit, r.lastReportOn, r.followedUp,
                r.afterAssessment, r.resumedOn, r.latestStepOn, TypedBatch.timestamp(r.updatedAt), r.lastSequence,
                r.leadId};
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE lead, lead_event");
        indexes.setAside(GROUP, "lead", "lead_event");
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
