package org.luodi.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path dataDirectory, int port, EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.server = server;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres server = launch(dataDirectory, port);
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
        return new EmbeddedDatabase(dataDirectory, port, server);
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) throws IOException {
        return configured(dataDirectory, port).start();
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
            server = launch(dataDirectory, port);
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
