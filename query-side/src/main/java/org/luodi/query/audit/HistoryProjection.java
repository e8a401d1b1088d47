package org.luodi.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.luodi.events.EventJson;
import org.luodi.events.EventMetadata;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.luodi.query.project.ProjectVersionProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.util.List;

/**
 * Read model "project-history": one row per event with who recorded it, when, and why, for a project's timeline,
 * the audit search and time travel by record time. Idempotent: a redelivered event hits the primary key.
 */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class HistoryProjection {
    public static final String GROUP = "project-history";
    private static final ObjectMapper JSON = EventJson.mapper();

    private final JdbcTemplate jdbc;

    public HistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectEvent event, EventMessage<?> message, @SequenceNumber long sequence, MetaData metaData,
            @Timestamp Instant timestamp) throws JsonProcessingException {
        String township = event instanceof ProjectSigned signed ? signed.township() : projectTownship(event);
        // The event's own global index. Not the tracking token's position: when writers commit out of index order,
        // an event that fills a gap arrives with a token still at the highest index seen, which belongs to another
        // event (whose row the primary key would then silently refuse).
        long globalIndex = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                Long.class, message.getIdentifier());
        jdbc.update("""
                        INSERT INTO project_event (global_index, event_identifier, project_id, sequence_number, type,
                            occurred_on, recorded_at, actor, role, actor_township, project_township, reason,
                            idempotency_key, data)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                        ON CONFLICT DO NOTHING""",
                globalIndex, message.getIdentifier(), event.projectId(), sequence,
                event.getClass().getSimpleName(), event.occurredOn() == null ? null : Date.valueOf(event.occurredOn()),
                java.sql.Timestamp.from(ProjectVersionProjection.recordedAt(metaData, timestamp)),
                text(metaData, EventMetadata.ACTOR), text(metaData, EventMetadata.ROLE),
                text(metaData, EventMetadata.TOWNSHIP), township, text(metaData, EventMetadata.REASON),
                text(metaData, EventMetadata.IDEMPOTENCY_KEY), JSON.writeValueAsString(event));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE project_event");
    }

    private String projectTownship(ProjectEvent event) {
        List<String> found = jdbc.queryForList("SELECT project_township FROM project_event WHERE project_id = ? "
                + "AND sequence_number = 0", String.class, event.projectId());
        if (found.isEmpty()) {
            throw new IllegalStateException("no signing seen yet for project " + event.projectId());
        }
        return found.get(0);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
