package org.luodi.bench;

import org.luodi.launcher.EmbeddedDatabase;
import org.luodi.launcher.SideProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run starts and stops: one embedded PostgreSQL 15 with a fresh data folder under bench/target, the launcher's
 * {@link EmbeddedDatabase} (as {@code ./luodi} runs it: fsync, synchronous_commit and full_page_writes on) plus three
 * settings for diagnosis only: auto_explain preloaded but off (see {@link Explain}), pg_stat_statements (see
 * {@link Statements}) and the server's log in a file; and the sides from their executable jars by the launcher's
 * {@link SideProcess}, each a JVM with a 1 GiB heap and a GC log, listening on loopback only.
 */
final class Cluster implements AutoCloseable {
    static final String HEAP = "-Xmx1g";

    private final Path root;
    private final Path work;
    private final EmbeddedDatabase database;
    private final List<SideProcess> running = new ArrayList<>();
    private final Map<String, Path> gcLogs = new HashMap<>();

    private Cluster(Path root, Path work, EmbeddedDatabase database) {
        this.root = root;
        this.work = work;
        this.database = database;
    }

    static Cluster start(Path root, Path work) throws IOException, SQLException {
        Path pgdata = work.resolve("pgdata");
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        Files.deleteIfExists(logs.resolve("postgresql.log"));
        int port = SideProcess.freePort();
        Log.say("embedded PostgreSQL 15 on 127.0.0.1:" + port + " (fsync on, synchronous_commit on; data in " + pgdata
                + ")");
        EmbeddedDatabase database = EmbeddedDatabase.startFresh(pgdata, port, Map.of(
                "shared_preload_libraries", "auto_explain,pg_stat_statements",
                "logging_collector", "on",
                "log_checkpoints", "on",
                "log_directory", logs.toString(),
                "log_filename", "postgresql.log"));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
        return new Cluster(root, work, database);
    }

    /**
     * Stops PostgreSQL ({@code pg_ctl stop -m fast}: sessions end, open transactions roll back) and starts it again
     * on the same port and data folder after {@code down}, as an operator's restart or a crash-and-reboot does.
     * Holds the cluster meanwhile, so that {@link #sql()} waits for the server instead of failing.
     */
    synchronized void restartDatabase(Duration down) throws IOException, InterruptedException {
        database.stop();
        Thread.sleep(down.toMillis());
        database.restart();
    }

    String jdbcUrl() {
        return database.jdbcUrl();
    }

    int databasePort() {
        return database.port();
    }

    synchronized Connection sql() throws SQLException {
        return database.connect();
    }

    Path postgresLog() {
        return work.resolve("logs").resolve("postgresql.log");
    }

    /** The postmaster's process id (first line of postmaster.pid). */
    long postgresPid() {
        try {
            return Long.parseLong(Files.readAllLines(work.resolve("pgdata").resolve("postmaster.pid")).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    Path work() {
        return work;
    }

    /**
     * System properties {@code side.NAME=value}, as environment variables for query sides: A/B runs of their settings,
     * e.g. {@code -Dside.LUODI_PROCESSING_WAKE_INTERVAL_MS=500}.
     */
    static Map<String, String> sideSettings() {
        Map<String, String> settings = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("side."))
                .forEach(n -> settings.put(n.substring(5), System.getProperty(n)));
        return settings;
    }

    /** Starts a side ({@code module} is command-side or query-side) and waits until it answers its health check. */
    SideProcess startSide(String name, String module, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        return startSide(name, module, extraEnvironment, HEAP);
    }

    /** The same with another heap limit (the ledger import is held to the command side's -Xmx512m). */
    SideProcess startSide(String name, String module, Map<String, String> extraEnvironment, String heap)
            throws IOException, InterruptedException {
        Path gcLog = work.resolve("logs").resolve(name + "-gc.log");
        Files.deleteIfExists(gcLog);
        Files.deleteIfExists(work.resolve("logs").resolve(name + ".log"));
        Map<String, String> environment = SideProcess.environment(jdbcUrl());
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.putAll(extraEnvironment);
        SideProcess side = SideProcess.start(name, SideProcess.jar(root, module), SideProcess.freePort(), environment,
                work.resolve("logs"), heap, "-Xlog:gc:file=" + gcLog + ":uptime");
        running.add(side);
        gcLogs.put(name, gcLog);
        side.awaitHealthy(Duration.ofMinutes(4));
        Log.say(name + " is up on " + side.url() + " (pid " + side.process().pid() + ")");
        return side;
    }

    void stop(SideProcess side) throws InterruptedException {
        side.close();
        running.remove(side);
        Log.say(side.name() + " stopped");
    }

    Path gcLog(String name) {
        return gcLogs.get(name);
    }

    @Override
    public void close() {
        for (SideProcess side : List.copyOf(running)) {
            try {
                side.close();
            } catch (Exception e) {
                System.err.println("while stopping " + side.name() + ": " + e);
            }
        }
        running.clear();
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("while stopping PostgreSQL: " + e);
        }
    }
}
