package org.luodi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw limit of the write path: pgbench, 8 clients, single-row INSERT transactions into a copy of
 * domain_event_entry (same columns, same primary key and unique indexes, its own one-step sequence) on the same
 * server, with payload and metadata of a real event's size. Nothing else runs meanwhile.
 */
final class RawInsert {
    static final String TABLE = "bench_raw_event";

    /** Transactions per second, and PostgreSQL's CPU milliseconds per transaction. */
    record Result(double tps, String detail, double postgresCpuPerTx) {
    }

    static Result run(Cluster cluster, int clients, int seconds, byte[] samplePayload, byte[] sampleMetadata)
            throws IOException, InterruptedException, SQLException {
        String pgbench = find();
        if (pgbench == null) {
            Log.say("pgbench not found: the raw baseline is skipped (apt-get install postgresql-client)");
            return new Result(Double.NaN, "pgbench missing (apt-get install postgresql-client)", Double.NaN);
        }
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("DROP SEQUENCE IF EXISTS " + TABLE + "_seq");
            s.execute("CREATE SEQUENCE " + TABLE + "_seq INCREMENT BY 1 START WITH 1 CACHE 1");
            s.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
            s.execute("ALTER TABLE " + TABLE + " ALTER COLUMN global_index SET DEFAULT nextval('" + TABLE + "_seq')");
        }
        Path script = cluster.work().resolve("raw-insert.sql");
        Files.writeString(script, "INSERT INTO " + TABLE + " (aggregate_identifier, sequence_number, type, "
                + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) VALUES "
                + "(gen_random_uuid()::text, 0, 'InvestmentProject', gen_random_uuid()::text, "
                + "'\\x" + HexFormat.of().formatHex(sampleMetadata) + "'::bytea, "
                + "'\\x" + HexFormat.of().formatHex(samplePayload) + "'::bytea, '1', "
                + "'org.luodi.events.FundsArrived', '2026-01-01T00:00:00.000Z');\n", StandardCharsets.UTF_8);
        List<String> command = List.of(pgbench, "-h", "127.0.0.1", "-p", String.valueOf(cluster.databasePort()),
                "-U", "postgres", "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(seconds), "-f", script.toString(), "luodi");
        Log.say("raw insert baseline: " + String.join(" ", command));
        Path output = cluster.work().resolve("logs").resolve("pgbench.log");
        Cpu.Meter cpu = new Cpu.Meter(cluster.postgresPid());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish; see " + output);
        }
        String text = Files.readString(output);
        Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(text);
        if (p.exitValue() != 0 || !m.find()) {
            throw new IllegalStateException("pgbench failed (exit " + p.exitValue() + "):\n" + text);
        }
        double postgresCpu = cpu.used(0);
        Matcher latency = Pattern.compile("latency average = ([0-9.]+) ms").matcher(text);
        String detail = "pgbench, " + clients + " clients, " + seconds + " s"
                + (latency.find() ? ", mean latency " + latency.group(1) + " ms" : "");
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TABLE);
            s.execute("DROP SEQUENCE " + TABLE + "_seq");
        }
        double tps = Double.parseDouble(m.group(1));
        return new Result(tps, detail, postgresCpu / Math.max(1, tps * seconds));
    }

    private static String find() {
        for (String candidate : List.of("/usr/bin/pgbench", "/usr/lib/postgresql/15/bin/pgbench",
                "/usr/local/bin/pgbench")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                if (Files.isExecutable(Path.of(dir, "pgbench"))) {
                    return Path.of(dir, "pgbench").toString();
                }
            }
        }
        return null;
    }
}
