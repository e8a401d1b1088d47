package org.luodi.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.luodi.events.RecordedAt;
import org.luodi.query.jdbc.CopyBatch;
import org.luodi.query.jdbc.TypedBatch;
import org.luodi.query.processing.SetAsideIndexes;
import org.luodi.query.processing.UnitOfWorkBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read model "project-history": one row per event with who recorded it, when, and why, for a project's timeline,
 * the audit search and time travel by record time. Written per processor batch.
 */
@Component
@ProcessingGroup(HistoryProjection.GROUP)
public class HistoryProjection {
    public static final String GROUP = "project-history";
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final CopyBatch APPEND = new CopyBatch("project_event", "global_index", "event_identifier",
            "project_id", "sequence_number", "type", "occurred_on", "recorded_at", "actor", "role", "actor_township",
            "project_township", "reason", "idempotency_key", "data");

    /** How many projects' townships {@link #townshipOf} keeps: those active in about the last few years, nationally. */
    private static final int KNOWN_TOWNSHIPS = 200_000;

    private final JdbcTemplate jdbc;
    private final SetAsideIndexes indexes;
    /**
     * Each project's township, from its signing: no event changes it afterwards (V31 relies on the same), so what this
     * remembers stays true whatever is rolled back or delivered again. Saves reading the signing's row back for
     * every batch, about a tenth of PostgreSQL's work in a rebuild.
     */
    private final Cache<String, String> townshipOf = Caffeine.newBuilder().maximumSize(KNOWN_TOWNSHIPS).build();

    public HistoryProjection(JdbcTemplate jdbc, SetAsideIndexes indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /** One row of project_event, still without the project's township unless the event is its signing. */
    private record Row(String eventId, ProjectEvent event, long sequence, Instant recordedAt, MetaData metaData) {
    }

    @EventHandler
    void on(ProjectEvent event, EventMessage<?> message, @SequenceNumber long sequence, MetaData metaData,
            @Timestamp Instant timestamp) {
        UnitOfWorkBatch.add(GROUP, new Row(message.getIdentifier(), event, sequence,
                RecordedAt.of(metaData, timestamp), metaData), this::write);
    }

    /** Appends a processor batch of events with one COPY, leaving out those already there (a redelivery). */
    private void write(List<Row> rows) {
        Map<String, Long> globalIndexes = globalIndexesOfNewEvents(rows);
        List<Row> fresh = rows.stream().filter(r -> globalIndexes.containsKey(r.eventId())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, String> townships = townships(fresh);
        APPEND.execute(jdbc, fresh.stream().map(r -> new Object[]{globalIndexes.get(r.eventId()), r.eventId(),
                r.event().projectId(), r.sequence(), r.event().getClass().getSimpleName(), r.event().occurredOn(),
                TypedBatch.timestamp(r.recordedAt()), text(r.metaData(), EventMetadata.ACTOR),
                text(r.metaData(), EventMetadata.ROLE), text(r.metaData(), EventMetadata.TOWNSHIP),
                townships.get(r.event().projectId()), text(r.metaData(), EventMetadata.REASON),
                text(r.metaData(), EventMetadata.IDEMPOTENCY_KEY), json(r.event())}).toList());
    }

    /**
     * Each event's own global index, for the events project_event does not hold yet. Not the tracking token's
     * position: when writers commit out of index order, an event that fills a gap arrives with a token still at the
     * highest index seen, which belongs to another event. Whether a row is there is asked per event in the select
     * list, one primary-key probe each: as an anti-join, a table just emptied for a rebuild (its statistics saying it
     * is tiny) would be hashed whole on every batch.
     */
    private Map<String, Long> globalIndexesOfNewEvents(List<Row> rows) {
        Map<String, Long> found = new HashMap<>();
        jdbc.query("SELECT d.event_identifier, d.global_index, (SELECT true FROM project_event p "
                        + "WHERE p.global_index = d.global_index) AS present "
                        + "FROM domain_event_entry d WHERE d.event_identifier = ANY (?)",
                rs -> {
                    if (rs.getObject("present") == null) {
                        found.put(rs.getString(1), rs.getLong(2));
                    }
                }, (Object) rows.stream().map(Row::eventId).toArray(String[]::new));
        return found;
    }

    /** The township of every project in the batch: from its signing, in this batch, remembered or stored. */
    private Map<String, String> townships(List<Row> rows) {
        Map<String, String> townships = new HashMap<>();
        rows.forEach(r -> {
            if (r.event() instanceof ProjectSigned signed) {
                townshipOf.put(signed.projectId(), signed.township());
            }
            String id = r.event().projectId();
            String known = townshipOf.getIfPresent(id);
            if (known != null) {
                townships.put(id, known);
            }
        });
        String[] unknown = rows.stream().map(r -> r.event().projectId()).filter(id -> !townships.containsKey(id))
                .distinct().toArray(String[]::new);
        if (unknown.length > 0) {
            jdbc.query("SELECT project_id, project_township FROM project_event WHERE sequence_number = 0 "
                    + "AND project_id = ANY (?)", rs -> {
                townships.put(rs.getString(1), rs.getString(2));
                townshipOf.put(rs.getString(1), rs.getString(2));
            }, (Object) unknown);
        }
        for (String id : unknown) {
            if (!townships.containsKey(id)) {
                throw new IllegalStateException("no signing seen yet for project " + id);
            }
        }
        return townships;
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE project_event");
        indexes.setAside(GROUP, "project_event");
    }

    private static String json(ProjectEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
