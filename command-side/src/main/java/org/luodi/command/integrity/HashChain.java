package org.luodi.command.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.luodi.events.EventHash;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Chains every project's events as they are appended (see {@link EventHash}). The previous event's hash comes from
 * a cache of committed events, or from the event store when another instance appended last; the payload is
 * hashed exactly as the storage engine will store it (same serializer; the engine stores the very bytes hashed, see
 * {@link HashedEvent}), so the query side can verify stored rows.
 */
@Component
public class HashChain implements MessageDispatchInterceptor<EventMessage<?>> {
    private static final int CACHE_LIMIT = 100_000;

    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    /**
     * aggregate id → (sequence, hash) of its last committed event in this instance; the projects least recently
     * written give way first, and a miss costs one read of the event store.
     */
    private final Cache<String, Link> lastCommitted = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();

    private record Link(long sequence, String hash) {
    }

    public HashChain(Serializer serializer, JdbcTemplate jdbc) {
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @Autowired
    void register(EventStore eventStore) {
        eventStore.registerDispatchInterceptor(this);
    }

    /**
     * Chains one unit of work's events, in order. The events of one pass are appended together and none is stored
     * yet while the pass runs: a project's second event of the pass chains to its first through {@code inThisPass}
     * (a 台账 import appends the events of many commands at once, several of them per project).
     */
    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Link> inThisPass = new HashMap<>();
        return (index, message) -> message instanceof DomainEventMessage<?> event ? chain(event, inThisPass) : message;
    }

    private EventMessage<?> chain(DomainEventMessage<?> event, Map<String, Link> inThisPass) {
        String aggregateId = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Link before = inThisPass.get(aggregateId);
        String previous = sequence == 0 ? ""
                : before != null && before.sequence() == sequence - 1 ? before.hash()
                : previousHash(aggregateId, sequence - 1);
        SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
        String hash = EventHash.of(previous, aggregateId, sequence, payload.getType().getName(),
                payload.getType().getRevision(), payload.getData(), event.getMetaData());
        inThisPass.put(aggregateId, new Link(sequence, hash));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> committed(aggregateId, sequence, hash));
        }
        return hashed(event, event.getMetaData().and(EventHash.PREVIOUS, previous).and(EventHash.HASH, hash), payload);
    }

    private <T> HashedEvent<T> hashed(DomainEventMessage<T> event, MetaData metaData,
                                      SerializedObject<byte[]> payload) {
        return new HashedEvent<>(event, metaData, serializer, payload);
    }

    private String previousHash(String aggregateId, long previousSequence) {
        Map<String, Link> pending = pending(false);
        Link uncommitted = pending == null ? null : pending.get(aggregateId);
        if (uncommitted != null && uncommitted.sequence() == previousSequence) {
            return uncommitted.hash();
        }
        Link cached = lastCommitted.getIfPresent(aggregateId);
        if (cached != null && cached.sequence() == previousSequence) {
            return cached.hash();
        }
        List<byte[]> rows = jdbc.queryForList("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, aggregateId, previousSequence);
        if (rows.isEmpty()) {
            return "";
        }
        try {
            JsonNode hash = json.readTree(rows.get(0)).get(EventHash.HASH);
            return hash == null ? "" : hash.asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable metadata of " + aggregateId + "#" + previousSequence, e);
        }
    }

    private void remember(String aggregateId, long sequence, String hash) {
        lastCommitted.put(aggregateId, new Link(sequence, hash));
    }

    /**
     * The unit of work committed. Usually its own transaction committed with it; but when the command ran inside a
     * longer transaction (a 台账 import sends thousands of commands in one), the events are not committed yet: the
     * link is kept with that transaction, read by the next event of the same project in it, and remembered only
     * once the transaction commits (a rollback forgets it, so no later event chains to a hash never stored).
     */
    private void committed(String aggregateId, long sequence, String hash) {
        Map<String, Link> pending = pending(true);
        if (pending == null) {
            remember(aggregateId, sequence, hash);
        } else {
            pending.put(aggregateId, new Link(sequence, hash));
        }
    }

    /** The links of the open outer transaction (null when there is none), created on first use if asked. */
    @SuppressWarnings("unchecked")
    private Map<String, Link> pending(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, Link> pending = (Map<String, Link>) TransactionSynchronizationManager.getResource(this);
        if (pending == null && create) {
            Map<String, Link> links = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, links);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HashChain.this);
                    if (status == STATUS_COMMITTED) {
                        links.forEach((id, link) -> remember(id, link.sequence(), link.hash()));
                    }
                }
            });
            pending = links;
        }
        return pending;
    }
}
