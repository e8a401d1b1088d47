package org.luodi.bench;

import org.luodi.launcher.SideProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quick loop for work on the rebuild alone (step 6 of {@link Bench}, without the rest): generates the national data
 * set, then per round rebuilds every read model and project-versions alone, each by a fresh query side, and prints
 * rates and CPU per 1,000 events. Run after {@code bench/run} has built the jars:
 * <pre>
 * java -Dluodi.root=$PWD -Dloader.main=org.luodi.bench.RebuildBench -cp bench/target/bench-exec.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [--projects N] [--rounds R] [--profile]
 * </pre>
 * System properties {@code side.NAME=value} become environment variables of the query side
 * ({@link Cluster#sideSettings}).
 */
public final class RebuildBench {
    private RebuildBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int projects = option(options, "--projects", 20_000);
        int rounds = option(options, "--rounds", 1);
        boolean profile = options.contains("--profile");
        Map<String, String> environment = Cluster.sideSettings();
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        try (Cluster cluster = Cluster.start(root, root.resolve("bench/target/rebuild-run"))) {
            ReadModels readModels = new ReadModels(cluster);
            Rebuilds rebuilds = new Rebuilds(cluster, readModels);
            SideProcess schema = cluster.startSide("query-side-schema", "query-side", environment);
            Set<String> groups = Set.of();
            while (groups.size() < 2) { // Flyway has run once the processors registered their tokens
                Thread.sleep(500);
                groups = readModels.groups();
            }
            cluster.stop(schema);
            LocalDate today = LocalDate.now(Plans.SHANGHAI);
            NationalData.Result national;
            try (Connection c = cluster.sql()) {
                national = new NationalData(new Plans(2024, today, Instant.now()), today).write(c, projects);
            }
            long head = readModels.head();
            Log.say(String.format("national data: %,d events; query side environment %s", national.events(),
                    environment));
            for (int round = 1; round <= rounds; round++) {
                readModels.resetOffline(true);
                time(cluster, rebuilds, "all-" + round, groups, head, environment, profile);
                readModels.resetOffline(ReadModels.PROJECT_VERSIONS, ReadModels.PROJECT_VERSIONS_TABLES);
                time(cluster, rebuilds, "versions-" + round, Set.of(ReadModels.PROJECT_VERSIONS), head, environment,
                        profile);
            }
        }
    }

    private static void time(Cluster cluster, Rebuilds rebuilds, String name, Set<String> groups, long head,
                             Map<String, String> environment, boolean profile) throws Exception {
        SideProcess side = cluster.startSide("query-side-rebuild-" + name, "query-side", environment);
        Profile recording = profile ? Profile.start(side.process().pid(), "rebuild-" + name,
                cluster.work().resolve("logs")) : null;
        Statements.reset(cluster);
        rebuilds.time(side, groups, head, 900, true);
        Log.say("PostgreSQL's statements in that rebuild, most time first:");
        Statements.top(cluster, 10).forEach(line -> Log.say("  " + line));
        if (recording != null) {
            recording.stop();
        }
        cluster.stop(side);
    }

    private static int option(List<String> options, String name, int otherwise) {
        int at = options.indexOf(name);
        return at >= 0 ? Integer.parseInt(options.get(at + 1)) : otherwise;
    }
}
