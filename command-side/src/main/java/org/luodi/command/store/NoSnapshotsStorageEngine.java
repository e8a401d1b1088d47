package org.luodi.command.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.Optional;

/**
 * Axon's JDBC storage engine for an event store that holds no snapshots. Axon's event store asks for a snapshot
 * before every aggregate load, a SELECT on {@code snapshot_event_entry} per command that can only find nothing here:
 * no snapshotter is configured, because a project's stream stays short (tens of events). To take snapshots one day,
 * configure a snapshotter and drop this class: until then storing one fails loudly rather than write rows that are
 * never read.
 */
class NoSnapshotsStorageEngine extends JdbcEventStorageEngine {

    NoSnapshotsStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("this event store keeps no snapshots (see NoSnapshotsStorageEngine)");
    }
}
