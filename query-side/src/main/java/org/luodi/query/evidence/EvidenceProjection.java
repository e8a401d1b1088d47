package org.luodi.query.evidence;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.luodi.events.EventMetadata;
import org.luodi.events.EvidenceAttached;
import org.luodi.events.EvidenceFile;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.MilestoneVerified;
import org.luodi.events.RecordedAt;
import org.luodi.events.TicketEvidenceAttached;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Read model "evidence": each attached file as a row, each finding on a milestone as a row of its history. One
 * statement per event (files are a handful per project); a redelivered event changes nothing (its key exists).
 */
@Component
@ProcessingGroup(EvidenceProjection.GROUP)
public class EvidenceProjection {
    public static final String GROUP = "evidence";

    private final JdbcTemplate jdbc;

    public EvidenceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EvidenceAttached e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        insert(e.evidenceId(), e.projectId(), null, e.milestone(), e.file(), sequence, metaData, timestamp);
    }

    @EventHandler
    void on(TicketEvidenceAttached e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        insert(e.evidenceId(), null, e.ticketId(), null, e.file(), sequence, metaData, timestamp);
    }

    @EventHandler
    void on(MilestoneVerified e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        finding(e.projectId(), sequence, e.milestone(), e.verdict().name(), e.reason(), metaData, timestamp);
    }

    /** A retracted milestone is no longer there to be verified: its finding ends (a later start is judged anew). */
    @EventHandler
    void on(MilestoneRetracted e, @SequenceNumber long sequence, MetaData metaData, @Timestamp Instant timestamp) {
        if (e.milestone() != Milestone.FUNDS) { // one arrival retracted: the project may still have funds
            finding(e.projectId(), sequence, e.milestone(), null, null, metaData, timestamp);
        }
    }

    private void insert(String evidenceId, String projectId, String ticketId, Milestone milestone, EvidenceFile f,
                        long sequence, MetaData metaData, Instant timestamp) {
        jdbc.update("INSERT INTO evidence (evidence_id, project_id, ticket_id, milestone, file_name, media_type, size, "
                        + "sha256, kind, captured_at, latitude, longitude, attached_at, attached_by, sequence_number) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (evidence_id) DO NOTHING",
                evidenceId, projectId, ticketId, milestone == null ? null : milestone.name(), f.fileName(),
                f.mediaType(), f.size(), f.sha256(), f.kind().name(),
                f.capturedAt() == null ? null : java.sql.Timestamp.valueOf(f.capturedAt()), f.latitude(),
                f.longitude(), java.sql.Timestamp.from(RecordedAt.of(metaData, timestamp)), actor(metaData), sequence);
    }

    private void finding(String projectId, long sequence, Milestone milestone, String verdict, String reason,
                         MetaData metaData, Instant timestamp) {
        jdbc.update("INSERT INTO milestone_verification (project_id, sequence_number, milestone, verdict, reason, "
                        + "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (project_id, sequence_number) DO NOTHING", projectId, sequence,
                milestone.name(), verdict, reason, java.sql.Timestamp.from(RecordedAt.of(metaData, timestamp)),
                actor(metaData));
    }

    private static String actor(MetaData metaData) {
        Object actor = metaData.get(EventMetadata.ACTOR);
        return actor == null ? null : actor.toString();
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE evidence, milestone_verification");
    }
}
