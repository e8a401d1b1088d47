package org.luodi.launcher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables a backup keeps. Everything that cannot be made again from {@code domain_event_entry} is kept: the
 * events themselves, Axon's snapshots and sagas, the answers to Idempotency-Keys (a client's retry after a restore
 * must still write nothing), the year targets and every change of them with who and why, the alerts already
 * announced (their ids are the stream's Last-Event-ID), and any table this list does not know (a new table is kept
 * until someone says it is rebuilt: a backup too big is better than one that lost records).
 * <p>
 * Left out, because the query side makes them again by replaying the events: the read models, the processors'
 * tokens (an empty token table is what makes every processor replay from the first event), the dead letters of a
 * replay that has not happened yet, the secondary indexes set aside during a rebuild, and Flyway's history (the
 * restore lets Flyway create the schema of the running version).
 */
public final class BackupTables {
    private BackupTables() {
    }

    /** The read models' tables: what the query side's processors fill from the events, and empty when reset. */
    public static final Set<String> READ_MODELS = Set.of("project_version", "fund_arrival_version", "project_event",
            "ticket", "ticket_event", "ticket_project_township", "lead", "lead_event", "lead_funnel_day",
            "lead_funnel_delta", "evidence", "milestone_verification", "warning_ladder", "warning_current",
            "warning_touched");

    /** Rebuilt from the events by the query side, or the schema's own bookkeeping: never in a backup. */
    static final Set<String> REBUILT = union(READ_MODELS,
            Set.of("token_entry", "dead_letter_entry", "set_aside_index", "flyway_schema_history"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** The tables of the current schema that a backup keeps, in name order, with their columns in table order. */
    static Map<String, List<String>> kept(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT c.relname, a.attname FROM pg_class c
                       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
                       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                          AND a.attgenerated = ''
                      WHERE c.relkind IN ('r', 'p') ORDER BY c.relname, a.attnum""")) {
            while (rs.next()) {
                if (!REBUILT.contains(rs.getString(1))) {
                    tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    /**
     * {@code tables} ordered so that a table comes after every table it refers to by a foreign key (an announced
     * level names its announcement), for loading.
     */
    static List<String> loadOrder(Connection connection, List<String> tables) throws SQLException {
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        tables.forEach(t -> refersTo.put(t, new java.util.HashSet<>()));
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c
                      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                if (refersTo.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    refersTo.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            int before = order.size();
            for (String table : tables) {
                if (!order.contains(table) && refersTo.get(table).stream()
                        .allMatch(r -> order.contains(r) || !refersTo.containsKey(r))) {
                    order.add(table);
                }
            }
            if (order.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables);
            }
        }
        return order;
    }
}
