package org.luodi.query.processing;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platform's V4: an INSERT into domain_event_entry notifies channel luodi_events once per statement, however many
 * rows, and PostgreSQL folds a transaction's notifications into one. Only Axon's migrations, on a database of its own.
 */
class NotifyOnAppendTest {
    private Connection listener;
    private Connection writer;
    private PGConnection notifications;

    @BeforeEach
    void eventStoreWithAListener() throws SQLException {
        String url = EmbeddedPostgresInitializer.newDatabase();
        Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration").load().migrate();
        listener = DriverManager.getConnection(url, "postgres", "");
        writer = DriverManager.getConnection(url, "postgres", "");
        try (Statement s = listener.createStatement()) {
            s.execute("LISTEN " + EventArrivalListener.CHANNEL);
        }
        notifications = listener.unwrap(PGConnection.class);
    }

    @AfterEach
    void close() throws SQLException {
        listener.close();
        writer.close();
    }

    @Test
    void theTriggerIsAStatementLevelAfterInsertTrigger() throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT action_timing, action_orientation, event_manipulation FROM information_schema.triggers
                 WHERE event_object_table = 'domain_event_entry' AND trigger_name = 'domain_event_entry_notify_append'
                """)) {
            assertThat(rs.next()).isTrue();
            assertThat(List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .containsExactly("AFTER", "STATEMENT", "INSERT");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void eachCommittedInsertStatementNotifiesOnceHoweverManyRows() throws SQLException {
        append(3);
        assertThat(received()).hasSize(1);

        append(1);
        append(2);
        assertThat(received()).hasSize(2);
    }

    @Test
    void aTransactionNotifiesOnceAtItsCommitAndNotAtAllIfRolledBack() throws SQLException {
        writer.setAutoCommit(false);
        append(1);
        append(1);
        assertThat(received()).isEmpty();
        writer.commit();
        assertThat(received()).hasSize(1);

        append(2);
        writer.rollback();
        assertThat(received()).isEmpty();
    }

    /** One INSERT statement of {@code rows} events. */
    private void append(int rows) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String id = UUID.randomUUID().toString();
            values.add("('" + id + "', 0, 'InvestmentProject', '" + id + "', '\\x7b7d', 'Test', '2025-01-01T00:00:00Z')");
        }
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, "
                    + "event_identifier, payload, payload_type, time_stamp) VALUES " + String.join(", ", values));
        }
    }

    /** Every notification that arrives until none has for 300 ms. */
    private List<PGNotification> received() throws SQLException {
        List<PGNotification> all = new ArrayList<>();
        PGNotification[] batch;
        while ((batch = notifications.getNotifications(300)) != null && batch.length > 0) {
            all.addAll(List.of(batch));
        }
        all.forEach(n -> assertThat(n.getName()).isEqualTo(EventArrivalListener.CHANNEL));
        return all;
    }
}
