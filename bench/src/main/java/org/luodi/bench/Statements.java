package org.luodi.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where PostgreSQL's time went, per statement, from pg_stat_statements (preloaded by {@link Cluster}): reset before a
 * step, read after it. Execution time only; commits and the WAL writer's fsyncs are not in it.
 */
final class Statements {
    private Statements() {
    }

    static void reset(Cluster cluster) throws SQLException {
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements that took the most time, one line each: total ms, calls, rows, query. */
    static List<String> top(Cluster cluster, int limit) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = cluster.sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT total_exec_time, calls, rows, "
                     + "regexp_replace(query, '\\s+', ' ', 'g') AS query FROM pg_stat_statements "
                     + "ORDER BY total_exec_time DESC LIMIT " + limit)) {
            while (rs.next()) {
                String query = rs.getString("query");
                lines.add(String.format("%,10.0f ms %,9d calls %,10d rows  %s", rs.getDouble(1), rs.getLong(2),
                        rs.getLong(3), query.length() > 160 ? query.substring(0, 160) + "…" : query));
            }
        }
        return lines;
    }
}
