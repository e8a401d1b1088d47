package org.luodi.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.luodi.launcher.SideProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The whole of Luodi for black-box tests, as it runs in production: an embedded PostgreSQL, the command side and
 * the query side from their executable jars, each in its own JVM on a free port. Started once per test JVM and
 * shared by the test classes (see {@link #shared()}); tests that kill processes start their own.
 */
public final class RunningLuodi implements AutoCloseable {
    private static RunningLuodi shared;

    private final EmbeddedPostgres database;
    private final String jdbcUrl;
    private SideProcess commandSide;
    private SideProcess querySide;

    private RunningLuodi(EmbeddedPostgres database, String jdbcUrl) {
        this.database = database;
        this.jdbcUrl = jdbcUrl;
    }

    public static synchronized RunningLuodi shared() {
        if (shared == null) {
            shared = start("shared");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    shared.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return shared;
    }

    /** A fresh database and both sides; {@code name} names the log files. */
    public static RunningLuodi start(String name) {
        try {
            // no shutdown hook of its own: it raced the sides' stop and they logged every failed read; close() stops
            // the database after everything on it
            EmbeddedPostgres database = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            try (Connection c = database.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE luodi");
            }
            RunningLuodi luodi = new RunningLuodi(database, database.getJdbcUrl("postgres", "luodi"));
            luodi.commandSide = luodi.startSide(name, "command-side", System.getProperty("luodi.commandJar"), Map.of());
            // the tests' group robots live on this machine (a refused port): the shared Luodi must never post out
            luodi.querySide = luodi.startSide(name, "query-side", System.getProperty("luodi.queryJar"),
                    Map.of("LUODI_COMMAND_SIDE_URL", luodi.commandSide.url(),
                            "LUODI_NOTIFY_ALLOWEDHOSTS", "127.0.0.1,qyapi.weixin.qq.com"));
            try {
                // generous: two cores shared with other builds can make a side take minutes to start
                luodi.commandSide.awaitHealthy(Duration.ofMinutes(5));
                luodi.querySide.awaitHealthy(Duration.ofMinutes(5));
            } catch (RuntimeException | InterruptedException e) {
                // a side that never became healthy must not outlive the test JVM as an orphan
                try {
                    luodi.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return luodi;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private SideProcess startSide(String name, String side, String jar, Map<String, String> extra)
            throws IOException {
        Map<String, String> environment = SideProcess.environment(jdbcUrl);
        environment.putAll(extra);
        return SideProcess.start(name + "-" + side, Path.of(jar), SideProcess.freePort(), environment,
                Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "logs"), "-Xmx384m");
    }

    public String commandUrl() {
        return commandSide.url();
    }

    public String queryUrl() {
        return querySide.url();
    }

    public Connection sql() throws SQLException {
        return database.getDatabase("postgres", "luodi").getConnection();
    }

    private final java.util.Deque<AutoCloseable> dependents = new java.util.concurrent.ConcurrentLinkedDeque<>();

    /** Something else that runs on this database (more sides): stopped, last registered first, before it. */
    public void closeBefore(AutoCloseable dependent) {
        dependents.addFirst(dependent);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable dependent : dependents) {
            try {
                dependent.close();
            } catch (Exception ignored) {
                // the database still has to stop
            }
        }
        querySide.close();
        commandSide.close();
        database.close();
    }
}
