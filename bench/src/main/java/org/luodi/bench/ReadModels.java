package org.luodi.bench;

import org.luodi.launcher.BackupTables;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The query side's progress as its tokens in token_entry tell it, and the offline reset of its read models. A
 * processing group is as far as its slowest segment; the read side is as far as its slowest group, since every
 * group reads every event.
 */
final class ReadModels {

    /** The read model the bench also rebuilds alone, and the tables its reset handler empties. */
    static final String PROJECT_VERSIONS = "project-versions";
    static final List<String> PROJECT_VERSIONS_TABLES = List.of("project_version", "fund_arrival_version");
    /** Each read model whose reset handler sets its secondary indexes aside (V32), with its tables. */
    static final Map<String, List<String>> SET_ASIDE = Map.of(PROJECT_VERSIONS, PROJECT_VERSIONS_TABLES,
            "project-history", List.of("project_event"), "leads", List.of("lead", "lead_event"));

    private final Cluster cluster;

    ReadModels(Cluster cluster) {
        this.cluster = cluster;
    }

    long head() throws SQLException {
        try (Connection c = cluster.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each processing group's position: the lowest over its segments (a segment without a token is at 0). */
    Map<String, Long> positions() throws SQLException {
        Map<String, Long> groups = new TreeMap<>();
        try (Connection c = cluster.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT processor_name, token FROM token_entry")) {
            while (rs.next()) {
                byte[] token = rs.getBytes("token");
                long position = token == null ? 0 : index(Http.parse(new String(token, StandardCharsets.UTF_8)));
                groups.merge(rs.getString("processor_name"), position, Math::min);
            }
        }
        return groups;
    }

    /** The index of a GapAwareTrackingToken, also inside a ReplayToken (its currentToken) or a merged token. */
    private static long index(JsonNode token) {
        if (token == null || token.isNull()) {
            return 0;
        }
        if (token.has("index")) {
            return token.get("index").asLong();
        }
        for (String nested : List.of("currentToken", "lowerSegmentToken", "tokenAtReset")) {
            if (token.has(nested)) {
                return index(token.get(nested));
            }
        }
        return 0;
    }

    /** The slowest group's position; 0 while no group has a token yet. */
    long slowest(Set<String> groups) throws SQLException {
        Map<String, Long> positions = positions();
        if (groups.isEmpty() || !positions.keySet().containsAll(groups)) {
            return 0;
        }
        return groups.stream().mapToLong(positions::get).min().orElse(0);
    }

    /** The groups the query side has registered tokens for, once it has been up a few seconds. */
    Set<String> groups() throws SQLException {
        return Set.copyOf(positions().keySet());
    }

    /** Waits until every group has reached the head of the store; false on timeout or when progress stalls. */
    boolean awaitCaughtUp(Set<String> groups, Duration timeout, long stallNanos, BooleanSupplier alive)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = head();
        long lastPosition = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < stallNanos) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the query side stopped");
            }
            long position = slowest(groups);
            if (position >= head) {
                return true;
            }
            if (position > lastPosition) {
                lastPosition = position;
                lastProgress = System.nanoTime();
            }
            Thread.sleep(200);
        }
        return false;
    }

    /**
     * With the query side stopped: forget every token and empty every read-model table; with {@code setAside} also
     * set their secondary indexes aside as the reset handlers do (the tuned rebuild; Axon's defaults rebuild with the
     * indexes in place).
     */
    List<String> resetOffline(boolean setAside) throws SQLException {
        // the read models' tables as the launcher's backup knows them; everything else (the seals, targets,
        // announcements, idempotency keys) is no read model and is kept, as a restore keeps it
        List<String> truncated = BackupTables.READ_MODELS.stream().sorted().toList();
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM token_entry");
            if (!truncated.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", truncated));
            }
        }
        if (setAside) {
            for (Map.Entry<String, List<String>> readModel : SET_ASIDE.entrySet()) {
                setAside(readModel.getKey(), readModel.getValue());
            }
        }
        return truncated;
    }

    /**
     * With the query side stopped: forget one group's tokens, empty its tables and set their secondary indexes aside
     * (what its reset handler does), leaving the other groups as they are, so that the next query side rebuilds that
     * read model alone.
     */
    void resetOffline(String group, List<String> tables) throws SQLException {
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DELETE FROM token_entry WHERE processor_name = '" + group.replace("'", "''") + "'");
            s.execute("TRUNCATE " + String.join(", ", tables));
            c.commit();
        }
        setAside(group, tables);
    }

    private void setAside(String group, List<String> tables) throws SQLException {
        try (Connection c = cluster.sql();
             PreparedStatement s = c.prepareStatement("SELECT set_aside_secondary_indexes(?, ?)")) {
            s.setString(1, group);
            s.setArray(2, c.createArrayOf("text", tables.toArray()));
            s.execute();
        }
    }

    /** The groups among {@code groups} whose secondary indexes are still set aside. */
    Set<String> indexesSetAside(Set<String> groups) throws SQLException {
        Set<String> pending = new HashSet<>();
        try (Connection c = cluster.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT processing_group FROM set_aside_index")) {
            while (rs.next()) {
                if (groups.contains(rs.getString(1))) {
                    pending.add(rs.getString(1));
                }
            }
        }
        return pending;
    }

    /**
     * With the query side stopped: one token per group in segment 0, the least advanced of its segments, unowned, so
     * that a tracking processor (one thread, one segment) continues where the pooled processors stopped instead of
     * claiming only half of the stream. Re-delivered events are skipped by the projections.
     */
    void mergeSegments() throws SQLException {
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            Map<String, Long> positions = positions();
            for (String group : positions.keySet()) {
                String quoted = group.replace("'", "''");
                s.execute("UPDATE token_entry t SET token = (SELECT token FROM token_entry o WHERE o.processor_name = "
                        + "t.processor_name ORDER BY coalesce((convert_from(o.token, 'UTF8')::jsonb ->> 'index')::bigint, 0) "
                        + "LIMIT 1), owner = NULL WHERE processor_name = '" + quoted + "' AND segment = 0");
                s.execute("DELETE FROM token_entry WHERE processor_name = '" + quoted + "' AND segment <> 0");
            }
            c.commit();
        }
    }

    int segments(String group) throws SQLException {
        try (Connection c = cluster.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM token_entry WHERE processor_name = '"
                     + group.replace("'", "''") + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
