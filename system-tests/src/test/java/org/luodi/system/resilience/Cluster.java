package org.luodi.system.resilience;

import org.luodi.launcher.EmbeddedDatabase;
import org.luodi.launcher.SideProcess;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Several Luodi processes on one PostgreSQL, on loopback ports: an embedded server with its own data folder (so it
 * can be stopped and started again, see {@link #database()}), {@code n} command sides and {@code m} query sides,
 * each from its executable jar in its own small JVM. The query sides run with short claim timings so that a dead
 * instance's segments are taken over within seconds (see {@link #FAST_CLAIMS}).
 */
final class Cluster implements AutoCloseable {
    /**
     * Token claims time out after 3 s (Axon's default is 10 s); a live node extends its claims and looks for free
     * segments every second.
     */
    static final Map<String, String> FAST_CLAIMS = Map.of(
            "axon.eventhandling.tokenstore.claim-timeout", "3s",
            "luodi.processing.token-claim-interval-ms", "1000",
            "luodi.processing.claim-extension-threshold-ms", "1000");

    /** Small heaps, one GC thread, C1 only: several sides start sooner and share two cores more politely. */
    private static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1", "-Xss512k");

    private final String name;
    private final EmbeddedDatabase database;
    private final List<SideProcess> commandSides = new ArrayList<>();
    private final List<SideProcess> querySides = new ArrayList<>();

    private Cluster(String name, EmbeddedDatabase database) {
        this.name = name;
        this.database = database;
    }

    /** A fresh database, then all sides at once; returns when every side answers its health check. */
    static Cluster start(String name, int commandSides, int querySides) {
        Path pgdata = output().resolve(name).resolve("pgdata");
        try {
            EmbeddedDatabase.deleteDataFolder(pgdata);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return startOn(name, pgdata, commandSides, querySides);
    }

    /** All sides on the data folder {@code pgdata} as it is (a restored one, say); returns when all are healthy. */
    static Cluster startOn(String name, Path pgdata, int commandSides, int querySides) {
        Cluster cluster = null;
        try {
            cluster = new Cluster(name, EmbeddedDatabase.start(pgdata, SideProcess.freePort()));
            for (int i = 1; i <= commandSides; i++) {
                cluster.commandSides.add(cluster.startSide("command-" + i, "luodi.commandJar", Map.of(), Map.of()));
            }
            for (int i = 1; i <= querySides; i++) {
                cluster.querySides.add(cluster.startSide("query-" + i, "luodi.queryJar",
                        Map.of("LUODI_COMMAND_SIDE_URL", cluster.commandSides.get(0).url()), FAST_CLAIMS));
            }
            for (SideProcess side : cluster.sides()) {
                side.awaitHealthy(Duration.ofMinutes(3));
            }
            return cluster;
        } catch (Exception e) {
            if (cluster != null) {
                cluster.close();
            }
            throw new IllegalStateException("could not start cluster " + name, e);
        }
    }

    private SideProcess startSide(String side, String jarProperty, Map<String, String> extraEnvironment,
                                  Map<String, String> properties) throws IOException {
        Map<String, String> environment = SideProcess.environment(database.jdbcUrl());
        environment.putAll(extraEnvironment);
        List<String> jvm = new ArrayList<>(SMALL_JVM);
        properties.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        return SideProcess.start(name + "-" + side, Path.of(System.getProperty(jarProperty)),
                SideProcess.freePort(), environment, output().resolve("logs"), jvm.toArray(String[]::new));
    }

    List<SideProcess> commandSides() {
        return commandSides;
    }

    List<SideProcess> querySides() {
        return querySides;
    }

    List<String> commandUrls() {
        return commandSides.stream().map(SideProcess::url).toList();
    }

    EmbeddedDatabase database() {
        return database;
    }

    /** A new connection to the shared database (the caller closes it). */
    Connection sql() throws SQLException {
        return database.connect();
    }

    /** The owner name Axon's token store writes for a side: {@code pid@host} of its JVM. */
    static String ownerPid(String owner) {
        return owner == null ? null : owner.substring(0, owner.indexOf('@'));
    }

    private List<SideProcess> sides() {
        return Stream.concat(commandSides.stream(), querySides.stream()).toList();
    }

    static Path output() {
        return Path.of(System.getProperty("luodi.testOutput", "target/test-output"));
    }

    @Override
    public void close() {
        for (SideProcess side : sides()) {
            try {
                if (side.process().isAlive()) {
                    side.close();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            database.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
