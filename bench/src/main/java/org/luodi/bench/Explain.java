package org.luodi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN ANALYZE of what the query side really runs, without copying its SQL: for one pass in which each query is
 * answered twice, auto_explain (preloaded, otherwise off) logs the plan, with actual rows, timings and buffers, of
 * every statement slower than 2 ms to PostgreSQL's log; then it is switched off again. Plans of the processors' and
 * Flyway's own statements are left out.
 */
final class Explain {
    private static final Pattern DURATION = Pattern.compile("duration: ([0-9.]+) ms\\s+plan:");
    /** A new entry of PostgreSQL's log (log_line_prefix '%m [%p] '), which ends the plan before it. */
    private static final Pattern NEW_ENTRY = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

    private Explain() {
    }

    /** Writes the plans to {@code out}; returns the explained statements' durations, for the report. */
    static List<String> capture(Cluster cluster, Http http, String queryUrl, List<String> paths, Path out)
            throws Exception {
        Path postgresLog = cluster.postgresLog();
        long mark = Files.exists(postgresLog) ? Files.size(postgresLog) : 0;
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '2ms'");
            s.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
            s.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
            s.execute("SELECT pg_reload_conf()");
        }
        Thread.sleep(1000);
        try {
            for (String path : paths) {
                for (int i = 0; i < 2; i++) {
                    http.send(Http.get(queryUrl, path, "supervisor"));
                }
            }
        } finally {
            try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
                s.execute("ALTER SYSTEM RESET auto_explain.log_min_duration");
                s.execute("ALTER SYSTEM RESET auto_explain.log_analyze");
                s.execute("ALTER SYSTEM RESET auto_explain.log_buffers");
                s.execute("SELECT pg_reload_conf()");
            }
        }
        Thread.sleep(1000);
        byte[] log = Files.exists(postgresLog) ? Files.readAllBytes(postgresLog) : new byte[0];
        int from = (int) Math.min(mark, log.length);
        String added = new String(log, from, log.length - from, StandardCharsets.UTF_8);
        StringBuilder plans = new StringBuilder();
        List<String> slowest = new ArrayList<>();
        StringBuilder plan = null;
        String duration = null;
        for (String raw : (added + "\n1970-01-01 00:00:00 end").split("\n")) {
            int logger = raw.indexOf("EmbeddedPostgres - ");
            String line = logger >= 0 ? raw.substring(logger + "EmbeddedPostgres - ".length()) : raw;
            Matcher m = DURATION.matcher(line);
            boolean starts = m.find();
            if ((starts || NEW_ENTRY.matcher(line).find()) && plan != null) {
                String text = plan.toString();
                if (!text.contains("token_entry") && !text.contains("domain_event_entry")
                        && !text.contains("flyway_schema_history") && !text.contains("pg_catalog")) {
                    plans.append('\n').append(text);
                    slowest.add(duration + " ms");
                }
                plan = null;
            }
            if (starts) {
                plan = new StringBuilder();
                duration = m.group(1);
            }
            if (plan != null) {
                plan.append(line).append('\n');
            }
        }
        Files.writeString(out, plans.length() == 0 ? "no statement over 2 ms (or no PostgreSQL log at " + postgresLog + ")\n" : plans.toString(), StandardCharsets.UTF_8);
        return slowest;
    }
}
