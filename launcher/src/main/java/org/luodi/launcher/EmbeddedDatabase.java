package org.luodi.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL 15 server that ships inside a Maven artifact (zonky): no install, no Docker. Its data lives in a
 * folder, so a restart keeps everything; fsync stays on because these are real records, not test data.
 * {@link #stop()} and {@link #restart()} take the same server down and up again on the same port and data folder,
 * as an outage of a real database would (the resilience tests use them).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "luodi";
    private final Path dataDirectory;
    private final int port;
    private final Map<String, String> extraSettings;
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path dataDirectory, int port, Map<String, String> extraSettings,
                             EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.extraSettings = extraSettings;
        this.server = server;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        return start(dataDirectory, port, Map.of());
    }

    /**
     * The server with {@code extraSettings} (postgresql.conf names) on top of Luodi's own, kept across
     * {@link #restart()}: the bench adds its diagnosis settings this way.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Map<String, String> extraSettings)
            throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres server = launch(dataDirectory, port, extraSettings);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
        return new EmbeddedDatabase(dataDirectory, port, Map.copyOf(extraSettings), server);
    }

    /** A new server on an empty data folder: whatever {@code dataDirectory} held is deleted first. */
    public static EmbeddedDatabase startFresh(Path dataDirectory, int port, Map<String, String> extraSettings)
            throws IOException, SQLException {
        deleteDataFolder(dataDirectory);
        return start(dataDirectory, port, extraSettings);
    }

    /** Deletes a (stopped) server's data folder and everything in it; nothing when there is none. */
    public static void deleteDataFolder(Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dataDirectory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port, Map<String, String> extraSettings)
            throws IOException {
        EmbeddedPostgres.Builder builder = configured(dataDirectory, port);
        extraSettings.forEach(builder::setServerConfig);
        return builder.start();
    }

    /** The server as Luodi runs it, not started yet: durable (fsync, synchronous_commit, full_page_writes on). */
    public static EmbeddedPostgres.Builder configured(Path dataDirectory, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200");
    }

    /**
     * Shuts the server down ({@code pg_ctl stop -m fast}: open sessions are ended, running transactions roll back)
     * and keeps its data; until {@link #restart()}, connecting to the port is refused.
     */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the stopped server again on the same port and data folder (initdb is skipped: the data is there). */
    public synchronized void restart() throws IOException {
        if (server == null) {
            server = launch(dataDirectory, port, extraSettings);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public synchronized Connection connect() throws SQLException {
        if (server == null) {
            throw new SQLException("the embedded PostgreSQL on port " + port + " is stopped", "08001");
        }
        return server.getDatabase("postgres", DATABASE).getConnection();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
