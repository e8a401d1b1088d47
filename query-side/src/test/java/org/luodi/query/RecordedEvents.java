package org.luodi.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.luodi.events.EventMetadata;
import org.luodi.events.ProjectEvent;
import org.luodi.events.TicketEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes events into the real event store as the command side would (same table, same metadata), so that
 * query-side tests exercise the whole read path: event store, processors, projections, queries.
 */
public class RecordedEvents {
    private final EventStore eventStore;
    private final Map<String, Long> nextSequence = new HashMap<>();

    public RecordedEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Appends {@code event} as recorded at {@code recordedAt} by a clerk of {@code actorTownship}. */
    public void record(ProjectEvent event, Instant recordedAt, String actor, String role, String actorTownship,
                       String reason) {
        long sequence = nextSequence.merge(event.projectId(), 0L, (old, zero) -> old + 1);
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventMetadata.ACTOR, actor);
        meta.put(EventMetadata.ROLE, role);
        meta.put(EventMetadata.TOWNSHIP, actorTownship);
        meta.put(EventMetadata.RECORDED_AT, recordedAt.toString());
        meta.put(EventMetadata.REASON, reason);
        eventStore.publish(new GenericDomainEventMessage<>("InvestmentProject", event.projectId(), sequence, event,
                MetaData.from(meta)));
    }

    /** Appends a ticket's event as recorded at {@code recordedAt} by {@code actor} in {@code role}. */
    public void ticket(TicketEvent event, Instant recordedAt, String actor, String role, String township,
                       String department, String reason) {
        long sequence = nextSequence.merge(event.ticketId(), 0L, (old, zero) -> old + 1);
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventMetadata.ACTOR, actor);
        meta.put(EventMetadata.ROLE, role);
        meta.put(EventMetadata.TOWNSHIP, township);
        if (department != null) {
            meta.put(EventMetadata.DEPARTMENT, department);
        }
        meta.put(EventMetadata.RECORDED_AT, recordedAt.toString());
        meta.put(EventMetadata.REASON, reason);
        eventStore.publish(new GenericDomainEventMessage<>("Ticket", event.ticketId(), sequence, event,
                MetaData.from(meta)));
    }

    /** Appends a lead's event as recorded at {@code recordedAt} by {@code actor} in {@code role}. */
    public void lead(org.luodi.events.LeadEvent event, Instant recordedAt, String actor, String role, String township,
                     String department, String reason) {
        long sequence = nextSequence.merge(event.leadId(), 0L, (old, zero) -> old + 1);
        Map<String, Object> meta = new HashMap<>();
        meta.put(EventMetadata.ACTOR, actor);
        meta.put(EventMetadata.ROLE, role);
        meta.put(EventMetadata.TOWNSHIP, township);
        if (department != null) {
            meta.put(EventMetadata.DEPARTMENT, department);
        }
        meta.put(EventMetadata.RECORDED_AT, recordedAt.toString());
        meta.put(EventMetadata.REASON, reason);
        eventStore.publish(new GenericDomainEventMessage<>("Lead", event.leadId(), sequence, event,
                MetaData.from(meta)));
    }

    public void byClerk(String township, ProjectEvent event, Instant recordedAt) {
        record(event, recordedAt, township, "CLERK", township, null);
    }

    public void bySupervisor(ProjectEvent event, Instant recordedAt, String reason) {
        record(event, recordedAt, "supervisor", "SUPERVISOR", null, reason);
    }
}
