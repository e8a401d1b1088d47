package org.luodi.command;

import org.junit.jupiter.api.Test;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.luodi.events.ProjectVoided;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Axon-on-PostgreSQL traps, checked on a real PostgreSQL: no oid columns, a gap-free global index, duplicate
 * keys recognised as conflicts. Shares the API tests' context rather than starting one of its own.
 */
@RunningCommandSide
class EventStoreSchemaTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStorageEngine storage;

    @Test
    void everySerializedColumnIsByteaAndNoneIsOid() {
        List<String> serialized = jdbc.queryForList("""
                SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
                WHERE table_schema = 'public' AND column_name IN
                  ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')
                ORDER BY 1""", String.class);
        assertThat(serialized).containsExactly(
                "dead_letter_entry.diagnostics:bytea", "dead_letter_entry.meta_data:bytea",
                "dead_letter_entry.payload:bytea", "dead_letter_entry.token:bytea",
                "domain_event_entry.meta_data:bytea", "domain_event_entry.payload:bytea",
                "saga_entry.serialized_saga:bytea", "snapshot_event_entry.meta_data:bytea",
                "snapshot_event_entry.payload:bytea", "token_entry.token:bytea");
        Integer oidColumns = jdbc.queryForObject(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type = 'oid'",
                Integer.class);
        assertThat(oidColumns).isZero();
    }

    @Test
    void theGlobalIndexHasItsOwnSequenceThatStepsByOne() {
        var sequence = jdbc.queryForMap("""
                SELECT s.increment_by, s.cache_size FROM pg_sequences s
                WHERE s.sequencename = 'domain_event_entry_global_index_seq'""");
        assertThat(((Number) sequence.get("increment_by")).longValue()).isEqualTo(1);
        assertThat(((Number) sequence.get("cache_size")).longValue()).isEqualTo(1);
        String columnDefault = jdbc.queryForObject("""
                SELECT column_default FROM information_schema.columns
                WHERE table_name = 'domain_event_entry' AND column_name = 'global_index'""", String.class);
        assertThat(columnDefault).contains("domain_event_entry_global_index_seq");
    }

    /**
     * Two instances appending the same sequence number must read as a concurrent change (409), and signing a used
     * project id as a conflict too, never as a storage failure (500): the PostgreSQL driver reports SQLState 23505,
     * which Axon's JDBC default resolver does not recognise.
     */
    @Test
    void aDuplicateSequenceNumberIsAConflictNotAStorageFailure() {
        String id = UUID.randomUUID().toString();
        storage.appendEvents(event(id, 0));
        assertThatThrownBy(() -> storage.appendEvents(event(id, 0)))
                .isInstanceOf(AggregateStreamCreationException.class);
        storage.appendEvents(event(id, 1));
        assertThatThrownBy(() -> storage.appendEvents(event(id, 1)))
                .isInstanceOf(ConcurrencyException.class);
    }

    /**
     * Aggregate loads skip {@code snapshot_event_entry}: this store keeps no snapshots (see NoSnapshotsStorageEngine),
     * so even a row put there by hand is never read, and storing one is refused rather than written for nothing.
     */
    @Test
    void snapshotsAreNeitherReadNorStored() {
        String id = UUID.randomUUID().toString();
        storage.appendEvents(event(id, 0));
        jdbc.update("INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, "
                + "payload, payload_type, time_stamp) VALUES (?, 0, 'InvestmentProject', ?, '\\x7b7d'::bytea, "
                + "'org.luodi.command.project.InvestmentProject', '2024-01-01T00:00:00Z')", id,
                UUID.randomUUID().toString());
        assertThat(storage.readSnapshot(id)).isEmpty();
        assertThatThrownBy(() -> storage.storeSnapshot(event(id, 0))).isInstanceOf(UnsupportedOperationException.class);
    }

    private static GenericDomainEventMessage<ProjectVoided> event(String projectId, long sequence) {
        return new GenericDomainEventMessage<>("InvestmentProject", projectId, sequence,
                new ProjectVoided(projectId, "schema test"));
    }
}
