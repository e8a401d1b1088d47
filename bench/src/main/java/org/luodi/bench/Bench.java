package org.luodi.bench;

import org.luodi.events.FundsArrived;
import org.luodi.launcher.SideProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code bench/run [--quick] [--out FILE] [--projects N]}: measures Luodi against its targets and against baselines
 * taken in the same run (raw PostgreSQL inserts with pgbench; Axon's default processing), prints the table and
 * writes it into docs/performance.md (--quick: bench/target/performance-quick.md). Everything it needs it starts
 * itself, on loopback, and stops again; every phase is bounded in time.
 */
public final class Bench {
    /** The phases' sizes: the full run and --quick run the same steps. */
    record Settings(boolean quick, int rawSeconds, int writeWarmupSeconds, int writeSeconds, int steadySeconds,
                    int projects, int defaultsRebuildSeconds, int tunedRebuildLimitSeconds, int queries,
                    int nationalSteadySeconds) {
        static Settings fullRun() {
            return new Settings(false, 30, 15, 60, 120, 400_000, 90, 3600, 200, 60);
        }

        static Settings quickRun() {
            return new Settings(true, 10, 5, 15, 30, 20_000, 30, 900, 50, 20);
        }
    }

    static final int CLIENTS = 8;
    static final double RATE = 300;
    static final int SAMPLE_EVERY = 30;
    static final int POLL_MILLIS = 10;
    /** A query side whose slowest group does not move for this long has stopped (an error it retries forever). */
    static final long STALL_NANOS = 45_000_000_000L;

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        if (options.contains("--soak")) {
            Soak.main(args);
            return;
        }
        Settings settings = options.contains("--quick") ? Settings.quickRun() : Settings.fullRun();
        int projectsOption = options.indexOf("--projects");
        if (projectsOption >= 0) {
            int projects = Integer.parseInt(options.get(projectsOption + 1));
            settings = new Settings(settings.quick(), settings.rawSeconds(), settings.writeWarmupSeconds(),
                    settings.writeSeconds(), settings.steadySeconds(), projects, settings.defaultsRebuildSeconds(),
                    settings.tunedRebuildLimitSeconds(), settings.queries(), settings.nationalSteadySeconds());
        }
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        int outOption = options.indexOf("--out");
        Path out = outOption >= 0 ? root.resolve(options.get(outOption + 1))
                : settings.quick() ? root.resolve("bench/target/performance-quick.md")
                : root.resolve("docs/performance.md");
        Machine machine = Machine.describe(root);
        Log.say("Luodi bench" + (settings.quick() ? " --quick" : "") + " on " + machine.cpus() + " CPUs, "
                + machine.memory() + ", load " + machine.loadAverage());
        Cluster cluster = Cluster.start(root, root.resolve("bench/target/run"));
        Thread cleanup = new Thread(cluster::close);
        Runtime.getRuntime().addShutdownHook(cleanup);
        Report report = new Report();
        try (Http http = new Http()) {
            new Bench(settings, cluster, http, report).run();
        } finally {
            cluster.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        String parameters = String.format("run: %s; national data set %,d projects; %d clients for the write path; "
                        + "steady load %.0f commands/s for %d s per configuration; both sides with %s; "
                        + "logs in bench/target/run/logs", settings.quick() ? "--quick (a check that the harness works, "
                        + "small data; not figures to quote)" : "full", settings.projects(), CLIENTS, RATE,
                settings.steadySeconds(), Cluster.HEAP);
        String heading = (settings.quick() ? "Quick run " : "Run ") + machine.date();
        report.write(out, report.markdown(heading, machine, parameters));
        System.out.println();
        System.out.println(report.text());
        Log.say("written to " + root.relativize(out));
    }

    private final Settings settings;
    private final Cluster cluster;
    private final Http http;
    private final Report report;
    private final ReadModels readModels;
    private final LocalDate today = LocalDate.now(Plans.SHANGHAI);
    private final Plans plans = new Plans(2024, today, Instant.now());
    private final Map<String, Double> sampledHeap = new HashMap<>();
    private final Map<String, String> steadyCpu = new LinkedHashMap<>();

    private Bench(Settings settings, Cluster cluster, Http http, Report report) {
        this.settings = settings;
        this.cluster = cluster;
        this.http = http;
        this.report = report;
        this.readModels = new ReadModels(cluster);
    }

    private void run() throws Exception {
        SideProcess command = cluster.startSide("command-side", "command-side", Map.of());

        // 1. the raw limit, with nothing else busy
        Plans.Planned sample = samplePlannedFunds();
        EventRows.Row sampleRow = EventRows.of(sample, 4, "bench-sample", "");
        RawInsert.Result raw = RawInsert.run(cluster, CLIENTS, settings.rawSeconds(), sampleRow.payload(),
                sampleRow.metaData());
        Log.say(String.format("raw insert: %,.0f transactions/s", raw.tps()));

        // 2. the write path: 8 clients over realistic lifecycles, no query side running (as pgbench ran alone)
        Workloads.Lifecycles writers = new Workloads.Lifecycles(plans, "luodi-bench-write-", 0, today, 64);
        Log.say("write path: " + CLIENTS + " clients, " + settings.writeWarmupSeconds() + " s warm-up + "
                + settings.writeSeconds() + " s");
        signInEveryone(command);
        Load.closedLoop(http, command.url(), writers, CLIENTS, 0, settings.writeWarmupSeconds());
        Cpu.Meter writeCpu = new Cpu.Meter(command.process().pid(), cluster.postgresPid());
        Profile writeProfile = Profile.start(command.process().pid(), "command-side-write", logs());
        Load.Closed write = Load.closedLoop(http, command.url(), writers, CLIENTS, 0, settings.writeSeconds());
        writeProfile.stop();
        long writeCommands = write.accepted() + write.refused();
        double writeCommandCpu = writeCpu.used(0);
        double writePostgresCpu = writeCpu.used(1);
        Log.say(String.format("write path: %,.0f commands/s (p50 %.1f ms, p99 %.1f ms), %d refused",
                write.commandsPerSecond(), write.latency().at(50), write.latency().at(99), write.refused()));
        List<String> formatProblems;
        try (Connection c = cluster.sql()) {
            formatProblems = EventRows.compareWithCommandSide(c, sample);
        }
        Log.say("generator format vs. command-side rows: " + (formatProblems.isEmpty() ? "identical"
                : String.join("; ", formatProblems)));

        // 3. steady load with the tuned query side following
        Map<String, String> queryEnv = new HashMap<>(Cluster.sideSettings());
        if (!queryEnv.isEmpty()) {
            report.note("tuned query sides run with " + queryEnv);
        }
        queryEnv.put("LUODI_COMMAND_SIDE_URL", command.url());
        SideProcess tuned = cluster.startSide("query-side-tuned", "query-side", queryEnv);
        Set<String> groups = awaitGroups(tuned);
        catchUp(tuned, groups, catchUpLimit());
        Load.Open steadyTuned = steady("tuned query side", command, tuned,
                new Workloads.Lifecycles(plans, "luodi-bench-steady-", 0, today, 300), settings.steadySeconds());
        sample(tuned, "query-side");
        cluster.stop(tuned);

        // 4. the same with Axon's defaults: tracking processors continue from the tuned ones' position
        readModels.mergeSegments();
        Map<String, String> defaultsEnv = new HashMap<>(queryEnv);
        defaultsEnv.put("LUODI_PROCESSING_AXON_DEFAULTS", "true");
        SideProcess defaults = cluster.startSide("query-side-axon-defaults", "query-side", defaultsEnv);
        checkTrackingProcessors(groups);
        catchUp(defaults, groups, catchUpLimit());
        Load.Open steadyDefaults = steady("query side with Axon's defaults", command, defaults,
                new Workloads.Lifecycles(plans, "luodi-bench-steady-defaults-", 0, today, 300),
                settings.steadySeconds());
        cluster.stop(defaults);

        // 5. the national data set, generated straight into the event store
        NationalData.Result national;
        try (Connection c = cluster.sql()) {
            national = new NationalData(plans, today).write(c, settings.projects());
        }
        long head = readModels.head();
        Log.say(String.format("national data: %,d events in %.0f s (%,.0f events/s); the store now holds %,d events",
                national.events(), national.seconds(), national.events() / national.seconds(), head));

        // 6. rebuilds of every read model from scratch: Axon's defaults, time-boxed, then the tuned processors to the
        // head (one read model alone: step 10)
        List<String> truncated = readModels.resetOffline(false);
        SideProcess defaultsRebuild = cluster.startSide("query-side-axon-defaults-rebuild", "query-side", defaultsEnv);
        Rebuilds.Rebuild rebuildDefaults = rebuild(defaultsRebuild, groups, head, settings.defaultsRebuildSeconds(), false);
        cluster.stop(defaultsRebuild);
        readModels.resetOffline(true);
        SideProcess national1 = cluster.startSide("query-side-tuned-national", "query-side", queryEnv);
        Profile rebuildProfile = Profile.start(national1.process().pid(), "query-side-rebuild", logs());
        Statements.reset(cluster);
        Rebuilds.Rebuild rebuildTuned = rebuild(national1, groups, head, settings.tunedRebuildLimitSeconds(), true);
        rebuildProfile.stop();
        Files.write(logs().resolve("statements-rebuild.txt"), Statements.top(cluster, 20));
        sample(national1, "query-side");
        sample(command, "command-side");

        // 7. queries on the national data set, caught up. A rebuild rewrites millions of rows at once; autovacuum
        // would get to them within minutes, and the statistics need its visibility map for index-only scans: run
        // it now, as an operator does after a rebuild (docs/performance.md), so the figures do not depend on when.
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            long vacuumStarted = System.nanoTime();
            s.execute("VACUUM (ANALYZE) project_version, fund_arrival_version, project_event");
            Log.say(String.format("VACUUM (ANALYZE) of the rebuilt read models: %.0f s",
                    (System.nanoTime() - vacuumStarted) / 1e9));
        }
        int year = today.getYear() - 1;
        Random pick = new Random(7);
        int[] historyOf = pick.ints(settings.queries() + 10, 0, national.projects()).toArray();
        Queries.Result stats = query(national1, "GET /api/stats?year=" + year + "&groupBy=township",
                i -> "/api/stats?year=" + year + "&groupBy=township", true);
        // every project of the national set is credited to a department five times in six (ProjectProfile)
        Queries.Result departments = query(national1, "GET /api/stats?year=" + year + "&groupBy=department",
                i -> "/api/stats?year=" + year + "&groupBy=department", true);
        Queries.Result alerts = query(national1, "GET /api/alerts", i -> "/api/alerts", false);
        Queries.Result history = query(national1, "GET /api/projects/{id}/history",
                i -> "/api/projects/" + Plans.projectId(NationalData.PREFIX, historyOf[i]) + "/history", false);
        Queries.Result page = query(national1, "GET /api/projects?page=…&size=20",
                i -> "/api/projects?page=" + (i % 50) + "&size=20", false);
        // every page asks these two first: the default year (signings per year over every project) and the words
        Queries.Result calendar = query(national1, "GET /api/calendar", i -> "/api/calendar", false);
        Queries.Result vocabulary = query(national1, "GET /api/vocabulary", i -> "/api/vocabulary", false);
        sample(national1, "query-side");

        // 8. the steady load once more, on the national store: new fund arrivals on existing projects; first right
        // after the rebuild (while PostgreSQL still writes its pages out), then after a CHECKPOINT has done so
        Workloads.NationalFunds nationalFunds = new Workloads.NationalFunds(national, today);
        Checkpoints before = checkpoints();
        Load.Open steadyNational = steady("national store", command, national1, nationalFunds,
                settings.nationalSteadySeconds());
        Checkpoints duringNational = checkpointsSince(before);
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            s.execute("CHECKPOINT");
            Log.say(String.format("CHECKPOINT: %.0f s", (System.nanoTime() - started) / 1e9));
        }
        before = checkpoints();
        Load.Open steadyCheckpointed = steady("national store, after a CHECKPOINT", command, national1, nationalFunds,
                settings.nationalSteadySeconds());
        Checkpoints duringCheckpointed = checkpointsSince(before);
        sample(national1, "query-side");
        sample(command, "command-side");

        // 9. plans of what the query side runs for those queries
        Path plans = cluster.work().resolve("logs/explain-analyze.txt");
        List<String> slowStatements = Explain.capture(cluster, http, national1.url(), List.of(
                        "/api/stats?year=" + year + "&groupBy=township",
                        "/api/stats?year=" + year + "&groupBy=department", "/api/alerts",
                        "/api/projects/" + Plans.projectId(NationalData.PREFIX, historyOf[0]) + "/history",
                        "/api/projects?page=3&size=20"),
                plans);
        Log.say("EXPLAIN ANALYZE of " + slowStatements.size() + " statements over 2 ms: " + plans);
        cluster.stop(national1);

        // 10. one read model rebuilt alone (the case: an administrator rebuilds one), the others caught up.
        // Last, with its own query side, so that the heap figures above stay those of the side that ran steps 6-9.
        readModels.resetOffline(ReadModels.PROJECT_VERSIONS, ReadModels.PROJECT_VERSIONS_TABLES);
        long headNow = readModels.head();
        SideProcess versionsRebuild = cluster.startSide("query-side-tuned-versions-rebuild", "query-side", queryEnv);
        Rebuilds.Rebuild rebuildVersions = rebuild(versionsRebuild, Set.of(ReadModels.PROJECT_VERSIONS), headNow,
                settings.tunedRebuildLimitSeconds(), true);
        cluster.stop(versionsRebuild);
        cluster.stop(command);

        // 11. heaps, from the GC logs of the sides that ran the national data set
        Heap.Figures commandHeap = Heap.fromGcLog(cluster.gcLog("command-side"),
                        cluster.work().resolve("logs/command-side.log"))
                .with(sampledHeap.getOrDefault("command-side", 0.0));
        Heap.Figures queryHeap = Heap.fromGcLog(cluster.gcLog("query-side-tuned-national"),
                        cluster.work().resolve("logs/query-side-tuned-national.log"))
                .with(sampledHeap.getOrDefault("query-side", 0.0));

        // the table
        double writeRatio = write.commandsPerSecond() / raw.tps();
        report.target("write path: commands/s through the HTTP API, 8 clients, realistic lifecycles, fsync on",
                "≥ 0.30 × raw insert",
                String.format("%,.0f/s (p50 %.1f ms, p99 %.1f ms)", write.commandsPerSecond(), write.latency().at(50),
                        write.latency().at(99)),
                Double.isNaN(raw.tps()) ? raw.detail() : String.format("raw insert %,.0f tx/s (%s)", raw.tps(),
                        raw.detail()),
                Double.isNaN(raw.tps()) ? "" : String.format("%.2f", writeRatio),
                Double.isNaN(raw.tps()) ? null : writeRatio >= 0.30 && write.refused() == 0);
        report.target("command latency at 300 commands/s (open loop, tuned query side following)", "p99 ≤ 50 ms",
                String.format("p50 %.1f ms, p99 %.1f ms%s", steadyTuned.latency().at(50),
                        steadyTuned.latency().at(99), shortfall(steadyTuned)),
                "", "", steadyTuned.latency().at(99) <= 50 && steadyTuned.refused() == 0
                        && steadyTuned.sent() == steadyTuned.planned());
        report.target("freshness at 300/s: command answered → its event in GET /api/projects/{id}/history",
                "p99 ≤ 300 ms", steadyTuned.history().describe(),
                "Axon defaults: " + steadyDefaults.history().describe(),
                ratio(steadyDefaults.history(), steadyTuned.history()),
                steadyTuned.history().freshness().at(99) <= 300 && steadyTuned.history().notSeen() == 0);
        report.target("freshness at 300/s: command answered → its row in project_version (SQL probe)",
                "p99 ≤ 300 ms", steadyTuned.versions().describe(),
                "Axon defaults: " + steadyDefaults.versions().describe(),
                ratio(steadyDefaults.versions(), steadyTuned.versions()),
                steadyTuned.versions().freshness().at(99) <= 300 && steadyTuned.versions().notSeen() == 0);
        double rebuildRatio = rebuildTuned.eventsPerSecond() / rebuildDefaults.eventsPerSecond();
        report.target(String.format("rebuild of every read model from scratch (%,d events)", head),
                "≥ 20,000 events/s and ≥ 5× Axon defaults",
                rebuildTuned.describe(),
                String.format("Axon defaults %,.0f events/s (measured over %.0f s)",
                        rebuildDefaults.eventsPerSecond(), rebuildDefaults.seconds()),
                String.format("%.1f×", rebuildRatio),
                rebuildTuned.eventsPerSecond() >= 20_000 && rebuildRatio >= 5 && rebuildTuned.complete());
        report.target(String.format("rebuild of one read model (%s) from scratch, the others caught up (%,d events)",
                        ReadModels.PROJECT_VERSIONS, headNow), "≥ 20,000 events/s",
                rebuildVersions.describe(),
                "", "", rebuildVersions.eventsPerSecond() >= 20_000 && rebuildVersions.complete());
        queryRow("GET /api/stats?year=" + year + "&groupBy=township", stats, 200);
        queryRow("GET /api/stats?year=" + year + "&groupBy=department", departments, 200);
        queryRow("GET /api/alerts", alerts, 200);
        queryRow("GET /api/projects/{id}/history", history, 20);
        queryRow("GET /api/calendar", calendar, 200);
        queryRow("GET /api/vocabulary", vocabulary, 20);
        heapRow("command side", commandHeap);
        heapRow("query side", queryHeap);

        report.info("a page of GET /api/projects (20 of the national set, with its total count)",
                page.latency() == null ? page.missing() : String.format("p50 %.1f ms, p95 %.1f ms",
                        page.latency().at(50), page.latency().at(95)), "no target");
        report.info("CPU per command on the write path (8 clients)", String.format("command side %.1f ms, "
                        + "PostgreSQL %.1f ms", writeCommandCpu / Math.max(1, writeCommands),
                writePostgresCpu / Math.max(1, writeCommands)), String.format("from /proc, after the warm-up; "
                + "PostgreSQL per raw insert transaction: %.2f ms", raw.postgresCpuPerTx()));
        report.info("CPU per 1,000 events in the tuned rebuild", String.format("query side %.0f ms, PostgreSQL "
                        + "%.0f ms", rebuildTuned.queryCpuPer1000(), rebuildTuned.postgresCpuPer1000()),
                String.format("Axon defaults: query side %.0f ms, PostgreSQL %.0f ms",
                        rebuildDefaults.queryCpuPer1000(), rebuildDefaults.postgresCpuPer1000()));
        report.info("CPU per 1,000 events in the rebuild of " + ReadModels.PROJECT_VERSIONS + " alone",
                String.format("query side %.0f ms, PostgreSQL %.0f ms", rebuildVersions.queryCpuPer1000(),
                        rebuildVersions.postgresCpuPer1000()), "");
        steadyCpu.forEach((what, cpu) -> report.info("CPU per command at 300/s, " + what, cpu,
                "from /proc, over the whole load; the query side following"));
        report.info("command latency at 300/s while the Axon-defaults query side follows",
                String.format("p50 %.1f ms, p99 %.1f ms%s", steadyDefaults.latency().at(50),
                        steadyDefaults.latency().at(99), shortfall(steadyDefaults)), "");
        report.info(String.format("on the national store (%,d events): 300/s new fund arrivals on existing projects",
                head), String.format("commands p50 %.1f ms, p99 %.1f ms%s; freshness %s",
                steadyNational.latency().at(50), steadyNational.latency().at(99), shortfall(steadyNational),
                fresh(steadyNational)), "PostgreSQL meanwhile: " + duringNational.describe());
        report.info("the same after an explicit CHECKPOINT", String.format("commands p50 %.1f ms, p99 %.1f ms%s; "
                        + "freshness %s", steadyCheckpointed.latency().at(50), steadyCheckpointed.latency().at(99),
                shortfall(steadyCheckpointed), fresh(steadyCheckpointed)),
                "PostgreSQL meanwhile: " + duringCheckpointed.describe());
        report.info("answer sizes (mean)", String.format("alerts %,d bytes (%s), history %,d bytes, page %,d bytes",
                alerts.bytes(), alertCount(national), history.bytes(), page.bytes()), "");
        report.info("national data set", String.format("%,d projects, %,d events (%.1f per project), written by "
                        + "COPY at %,.0f events/s", national.projects(), national.events(),
                (double) national.events() / national.projects(), national.events() / national.seconds()),
                "generated rows compared with command-side rows: " + (formatProblems.isEmpty() ? "identical form"
                        : String.join("; ", formatProblems)));
        report.info("EXPLAIN ANALYZE (auto_explain) of the query side's statements over 2 ms, each query answered "
                        + "twice", slowStatements.isEmpty() ? "none" : String.join(", ", slowStatements),
                "plans in bench/target/run/logs/explain-analyze.txt");
        report.info("CPU profiles (JFR)", "of the command side on the write path and of the query side in the "
                + "tuned rebuild", "bench/target/run/logs/profile-*.txt; PostgreSQL's statements in the tuned "
                + "rebuild by time (pg_stat_statements): bench/target/run/logs/statements-rebuild.txt");
        report.info("rebuild method", "tokens deleted, tables truncated and their secondary indexes set aside as "
                + "the reset handlers do (tuned runs only) with the query side stopped ("
                + String.join(", ", truncated) + "; for " + ReadModels.PROJECT_VERSIONS + " alone: its tokens and "
                + String.join(", ", ReadModels.PROJECT_VERSIONS_TABLES) + ", after step 8's load), then timed from "
                + "its processors' first token until the slowest group rebuilt reaches the head and the query side has "
                + "built the set-aside indexes again; JVM start excluded",
                "");
        report.info("load generator", String.format("open loop at %.0f/s (at most %d in flight): %,d / %,d / %,d "
                        + "commands sent at %.0f/s, %.0f/s, %.0f/s; 1 in %d accepted commands followed every %d ms "
                        + "for its first second, then every 50–250 ms", RATE, Load.MAX_IN_FLIGHT, steadyTuned.sent(),
                steadyDefaults.sent(), steadyNational.sent(), steadyTuned.achievedRate(),
                steadyDefaults.achievedRate(), steadyNational.achievedRate(), SAMPLE_EVERY, POLL_MILLIS), "");
        refusals("write path", write.refused(), write.firstRefusal());
        refusals("steady load (tuned)", steadyTuned.refused(), steadyTuned.firstRefusal());
        refusals("steady load (Axon defaults)", steadyDefaults.refused(), steadyDefaults.firstRefusal());
        refusals("steady load (national)", steadyNational.refused(), steadyNational.firstRefusal());
        refusals("steady load (national, after a CHECKPOINT)", steadyCheckpointed.refused(),
                steadyCheckpointed.firstRefusal());
        if (!formatProblems.isEmpty()) {
            report.note("the generated rows differ from the command side's: " + String.join("; ", formatProblems));
        }
    }

    private static String shortfall(Load.Open r) {
        String refused = r.refused() > 0 ? String.format("; %,d refused", r.refused()) : "";
        return r.sent() < r.planned() ? String.format("; only %,d of %,d sent (%.0f/s): server backlog",
                r.sent(), r.planned(), r.achievedRate()) + refused : refused;
    }

    private static String ratio(Load.Probe defaults, Load.Probe tuned) {
        double d = defaults.freshness().at(99);
        double t = tuned.freshness().at(99);
        return Double.isNaN(d) || Double.isNaN(t) || t == 0 ? "" : String.format("%.1f× fresher (p99)", d / t);
    }

    /**
     * One request per account, so that no password check (BCrypt, tens of milliseconds of CPU, then cached by the
     * sides for minutes) falls into a measured period. Any answer will do: authentication comes first.
     */
    private void signInEveryone(SideProcess side) throws Exception {
        List<String> users = new ArrayList<>(plans.townships());
        users.add("supervisor");
        for (String user : users) {
            http.send(Http.get(side.url(), "/api/projects", user));
        }
    }

    private Path logs() {
        return cluster.work().resolve("logs");
    }

    private String alertCount(NationalData.Result national) {
        return String.format("%,d open projects never started", national.stalledOpen());
    }

    private void refusals(String phase, long refused, String first) {
        if (refused > 0) {
            report.note(phase + ": " + refused + " commands refused, first: " + first);
        }
    }

    private Plans.Planned samplePlannedFunds() {
        for (int no = 0; ; no++) {
            for (Plans.Planned p : plans.plan(Plans.projectId("luodi-bench-sample-", no), no, today.minusDays(700),
                    today.minusDays(30))) {
                if (p.event() instanceof FundsArrived) {
                    return p;
                }
            }
        }
    }

    private Set<String> awaitGroups(SideProcess side) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Set<String> groups = Set.of();
        while (System.nanoTime() < deadline) {
            Thread.sleep(3000);
            Set<String> now = readModels.groups();
            if (!now.isEmpty() && now.equals(groups)) {
                Log.say("processing groups: " + groups);
                return groups;
            }
            groups = now;
        }
        throw new IllegalStateException(side.name() + " registered no processing group; see " + side.log());
    }

    private void checkTrackingProcessors(Set<String> groups) throws Exception {
        Thread.sleep(3000);
        for (String group : groups) {
            if (readModels.segments(group) != 1) {
                throw new IllegalStateException("the Axon-defaults query side does not run one tracking segment for "
                        + group);
            }
        }
    }

    /** Waits for the query side to reach the head; if it does not in time, notes where it stopped and goes on. */
    private void catchUp(SideProcess side, Set<String> groups, Duration limit) throws Exception {
        long start = System.nanoTime();
        if (!readModels.awaitCaughtUp(groups, limit, STALL_NANOS, side.process()::isAlive)) {
            String where = String.format("%s did not catch up (limit %d s, or stalled for %d s): positions %s, "
                            + "head %,d (see %s)", side.name(), limit.toSeconds(), STALL_NANOS / 1_000_000_000L, readModels.positions(), readModels.head(), side.log());
            Log.say(where);
            report.note(where);
            return;
        }
        Log.say(String.format("%s caught up with the store (%,d events) in %.1f s", side.name(), readModels.head(),
                (System.nanoTime() - start) / 1e9));
    }

    private Duration catchUpLimit() {
        return Duration.ofMinutes(settings.quick() ? 3 : 10);
    }

    private Load.Open steady(String what, SideProcess command, SideProcess query, Workloads.Workload workload,
                             int seconds) throws Exception {
        int warmup = settings.quick() ? 10 : 30;
        Log.say(String.format("steady load, %s: %.0f commands/s for %d s after %d s unmeasured", what, RATE,
                seconds, warmup));
        signInEveryone(command);
        http.send(Http.get(query.url(), "/api/projects?size=1", "supervisor"));
        // a steady state, not a start: a just-started query side compiles its hot code (JIT) on the same 2 cores
        Load.openLoop(http, command.url(), query.url(), cluster, workload, RATE, warmup, SAMPLE_EVERY, POLL_MILLIS);
        Cpu.Meter cpu = new Cpu.Meter(command.process().pid(), query.process().pid(), cluster.postgresPid());
        Load.Open result = Load.openLoop(http, command.url(), query.url(), cluster, workload, RATE, seconds,
                SAMPLE_EVERY, POLL_MILLIS);
        long commands = Math.max(1, result.accepted() + result.refused());
        steadyCpu.put(what, String.format("command side %.2f ms, query side %.2f ms, PostgreSQL %.2f ms",
                cpu.used(0) / commands, cpu.used(1) / commands, cpu.used(2) / commands));
        Log.say("  CPU per command: " + steadyCpu.get(what));
        Log.say(String.format("  sent %,d of %,d (%.0f/s); commands p50 %.1f ms p99 %.1f ms (%d accepted, %d refused)",
                result.sent(), result.planned(), result.achievedRate(), result.latency().at(50),
                result.latency().at(99), result.accepted(), result.refused()));
        Log.say("  freshness, history (HTTP): " + result.history().describe());
        Log.say("  freshness, project_version (SQL): " + result.versions().describe());
        return result;
    }

    private Checkpoints checkpoints() throws SQLException {
        try (Connection c = cluster.sql()) {
            return Checkpoints.now(c);
        }
    }

    private Checkpoints checkpointsSince(Checkpoints before) throws SQLException {
        Checkpoints during = checkpoints().since(before);
        Log.say("  " + during.describe());
        return during;
    }

    private static String fresh(Load.Open r) {
        return "history " + r.history().describe() + "; project_version " + r.versions().describe();
    }

    /** Times a rebuild with {@link Rebuilds}; a stall goes into the report's notes. */
    private Rebuilds.Rebuild rebuild(SideProcess side, Set<String> groups, long head, int limitSeconds,
                                     boolean toTheEnd) throws Exception {
        Rebuilds.Rebuild result = new Rebuilds(cluster, readModels).time(side, groups, head, limitSeconds, toTheEnd);
        if (result.stall() != null) {
            report.note(result.stall());
        }
        return result;
    }

    private Queries.Result query(SideProcess side, String what, java.util.function.IntFunction<String> path,
                                 boolean optional) throws Exception {
        Queries.Result r = Queries.measure(http, side.url(), "supervisor", path, 10, settings.queries(), optional);
        Log.say(r.latency() == null ? what + ": " + r.missing() : String.format("%s: p50 %.1f ms, p95 %.1f ms "
                + "(%d requests, %,d bytes each)", what, r.latency().at(50), r.latency().at(95), r.latency().count(),
                r.bytes()));
        return r;
    }

    private void queryRow(String what, Queries.Result r, double p95Target) {
        if (r.latency() == null) {
            report.target(what, "p95 ≤ " + (int) p95Target + " ms", r.missing(), "", "", null);
            return;
        }
        report.target(what, "p95 ≤ " + (int) p95Target + " ms", String.format("p50 %.1f ms, p95 %.1f ms",
                r.latency().at(50), r.latency().at(95)), "", "", r.latency().at(95) <= p95Target);
    }

    private void heapRow(String side, Heap.Figures h) {
        report.target("heap of the " + side + " with the national data set", "≤ 1 GiB",
                String.format("peak %.0f MiB in use, %.0f MiB after GC at most (%d collections, %d full)", h.peakMb(),
                        h.maxAfterGcMb(), h.collections(), h.fullCollections()) + (h.outOfMemory()
                        ? ", OutOfMemoryError" : ""),
                "run with " + Cluster.HEAP, "", !h.outOfMemory() && h.maxAfterGcMb() <= 1024);
    }

    private void sample(SideProcess side, String key) {
        double used = Heap.sample(side.process().pid());
        sampledHeap.merge(key, used, Math::max);
    }
}
