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
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "luodi";
    private final EmbeddedPostgres server;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port) throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
        return new EmbeddedDatabase(server, port);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public Connection connect() throws SQLException {
        return server.getDatabase("postgres", DATABASE).getConnection();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
