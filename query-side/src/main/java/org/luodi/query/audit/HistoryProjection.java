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
import org.luodi.events.AttributesCorrected;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
     * Each project's township after its latest event this instance wrote, with that event's sequence number: saves
     * reading the last row back for every batch, about a tenth of PostgreSQL's work in a rebuild. It is trusted only
     * for the event right after it (sequence + 1), so that an entry left by a batch that was rolled back, or outdated
     * by a move another instance wrote, is read again from the table instead.
     */
    private final Cache<String, Known> townshipOf = Caffeine.newBuilder().maximumSize(KNOWN_TOWNSHIPS).build();

    /** A project's township after its event {@code sequence}. */
    private record Known(long sequence, String township) {
    }

    public HistoryProjection(JdbcTemplate jdbc, SetAsideIndexes indexes) {
        this.jdbc = jdbc;
        this.indexes = indexes;
    }

    /** One row of project_event, still without the project's township. */
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
                townships.get(r.eventId()), text(r.metaData(), EventMetadata.REASON),
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

    /**
     * The project's township after each event, by event identifier: from its signing, or from the project's township
     * before the batch (remembered, or its latest row), followed through the batch's moves ({@link
     * AttributesCorrected}), so that a clerk's access and the audit search by township follow the project.
     */
    private Map<String, String> townships(List<Row> rows) {
        Map<String, Known> current = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row first : rows) {
            String id = first.event().projectId();
            if (!seen.add(id) || first.event() instanceof ProjectSigned) {
                continue;
            }
            Known known = townshipOf.getIfPresent(id);
            if (known != null && known.sequence() == first.sequence() - 1) {
                current.put(id, known);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            jdbc.query("SELECT u.id, e.sequence_number, e.project_township FROM unnest(?::varchar[]) AS u(id) "
                    + "CROSS JOIN LATERAL (SELECT sequence_number, project_township FROM project_event p "
                    + "WHERE p.project_id = u.id ORDER BY sequence_number DESC LIMIT 1) e", rs -> {
                current.put(rs.getString(1), new Known(rs.getLong(2), rs.getString(3)));
            }, (Object) unknown.toArray(String[]::new));
        }
        Map<String, String> townships = new HashMap<>();
        for (Row r : rows) {
            String id = r.event().projectId();
            Known before = current.get(id);
            String township = townshipAfter(r.event(), before);
            current.put(id, new Known(r.sequence(), township));
            townships.put(r.eventId(), township);
        }
        current.forEach(townshipOf::put);
        return townships;
    }

    private static String townshipAfter(ProjectEvent event, Known before) {
        if (event instanceof ProjectSigned signed) {
            return signed.township();
        }
        if (event instanceof AttributesCorrected corrected) {
            return corrected.after().township();
        }
        if (before == null) {
            throw new IllegalStateException("no signing seen yet for project " + event.projectId());
        }
        return before.township();
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
