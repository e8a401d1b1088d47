package org.luodi.bench;

import org.luodi.events.FundsArrived;
import org.luodi.launcher.SideProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
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
        if (options.contains("--waker")) {
            WakerBench.main(args);
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
                : options.contains("--export") ? root.resolve("bench/target/performance-export.md")
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
            Bench bench = new Bench(settings, cluster, http, report);
            if (options.contains("--export")) {
                bench.exportAlone();
            } else {
                bench.run();
            }
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

    private final Harness harness;

    private Bench(Settings settings, Cluster cluster, Http http, Report report) {
        LocalDate today = LocalDate.now(Plans.SHANGHAI);
        this.harness = new Harness(settings, cluster, http, report, new ReadModels(cluster), today,
                new Plans(2024, today, Instant.now()), new HashMap<>(), new LinkedHashMap<>());
    }

    /** The steps, in the order they run; each measures one thing and hands on what later steps need. */
    private void run() throws Exception {
        SideProcess command = harness.cluster().startSide("command-side", "command-side", Map.of());
        Plans.Planned sample = samplePlannedFunds();
        RawInsert.Result raw = rawInsert(sample);
        Findings.WritePath write = writePath(command, sample);
        QuerySide tuned = steadyLoadTuned(command);
        Load.Open defaults = steadyLoadAxonDefaults(command, tuned);
        NationalData.Result national = nationalDataSet();
        Findings.Rebuilt rebuilt = rebuildEveryReadModel(command, tuned);
        Findings.Queried queried = queriesOnNationalData(rebuilt.side(), national);
        Findings.NationalLoad load = steadyLoadOnNationalStore(command, rebuilt.side(), national);
        List<String> slowStatements = plansOfSlowStatements(rebuilt.side(), queried);
        Findings.OneRebuilt versions = rebuildProjectVersionsAlone(command, tuned);
        Findings.Exported export = largestTownshipExport(national);
        Findings.Heaps heaps = heaps();
        new Findings(raw, write, tuned.load(), defaults, national, rebuilt, queried, load, slowStatements, versions,
                export, heaps).table(harness.report(), harness.steadyCpu());
    }

    /** The tuned query side's settings and processing groups, for the steps that start it again. */
    private record QuerySide(Map<String, String> environment, Set<String> groups, Load.Open load) {
        Map<String, String> axonDefaults() {
            Map<String, String> environment = new HashMap<>(this.environment);
            environment.put("LUODI_PROCESSING_AXON_DEFAULTS", "true");
            return environment;
        }
    }

    /** 1. The raw limit, with nothing else busy: pgbench inserting rows of a real event's size. */
    private RawInsert.Result rawInsert(Plans.Planned sample) throws Exception {
        EventRows.Row sampleRow = EventRows.of(sample, 4, "bench-sample", "");
        RawInsert.Result raw = RawInsert.run(harness.cluster(), CLIENTS, harness.settings().rawSeconds(),
                sampleRow.payload(), sampleRow.metaData());
        Log.say(String.format("raw insert: %,.0f transactions/s", raw.tps()));
        return raw;
    }

    /**
     * 2. The write path: 8 clients over realistic lifecycles, no query side running (as pgbench ran alone); then
     * the generator's rows compared with those the command side wrote.
     */
    private Findings.WritePath writePath(SideProcess command, Plans.Planned sample) throws Exception {
        Settings settings = harness.settings();
        Workloads.Lifecycles writers = new Workloads.Lifecycles(harness.plans(), "luodi-bench-write-", 0,
                harness.today(), 64);
        Log.say("write path: " + CLIENTS + " clients, " + settings.writeWarmupSeconds() + " s warm-up + "
                + settings.writeSeconds() + " s");
        harness.signInEveryone(command);
        Load.closedLoop(harness.http(), command.url(), writers, CLIENTS, 0, settings.writeWarmupSeconds());
        Cpu.Meter writeCpu = new Cpu.Meter(command.process().pid(), harness.cluster().postgresPid());
        Profile writeProfile = Profile.start(command.process().pid(), "command-side-write", harness.logs());
        Load.Closed write = Load.closedLoop(harness.http(), command.url(), writers, CLIENTS, 0,
                settings.writeSeconds());
        writeProfile.stop();
        double writeCommandCpu = writeCpu.used(0);
        double writePostgresCpu = writeCpu.used(1);
        Log.say(String.format("write path: %,.0f commands/s (p50 %.1f ms, p99 %.1f ms), %d refused",
                write.commandsPerSecond(), write.latency().at(50), write.latency().at(99), write.refused()));
        List<String> formatProblems;
        try (Connection c = harness.cluster().sql()) {
            formatProblems = EventRows.compareWithCommandSide(c, sample);
        }
        Log.say("generator format vs. command-side rows: " + (formatProblems.isEmpty() ? "identical"
                : String.join("; ", formatProblems)));
        return new Findings.WritePath(write, writeCommandCpu, writePostgresCpu, formatProblems);
    }

    /**
     * {@code bench/run --export}: step 10b alone, for the export's memory at the national size without the hour of
     * the other steps: the national data set, every read model rebuilt by the tuned query side, then the export.
     */
    private void exportAlone() throws Exception {
        Cluster cluster = harness.cluster();
        SideProcess command = cluster.startSide("command-side", "command-side", Map.of());
        Map<String, String> queryEnv = tunedEnvironment(command);
        SideProcess empty = cluster.startSide("query-side-tuned", "query-side", queryEnv);
        Set<String> groups = harness.awaitGroups(empty);
        cluster.stop(empty);
        NationalData.Result national = nationalDataSet();
        long head = harness.readModels().head();
        harness.readModels().resetOffline(true);
        SideProcess rebuild = cluster.startSide("query-side-tuned-national", "query-side", queryEnv);
        Rebuilds.Rebuild rebuilt = harness.rebuild(rebuild, groups, head, harness.settings().tunedRebuildLimitSeconds(),
                true);
        Log.say("every read model rebuilt: " + rebuilt.describe());
        cluster.stop(rebuild);
        cluster.stop(command);
        Findings.exportRow(harness.report(), largestTownshipExport(national));
    }

    private Map<String, String> tunedEnvironment(SideProcess command) {
        Map<String, String> queryEnv = new HashMap<>(Cluster.sideSettings());
        if (!queryEnv.isEmpty()) {
            harness.report().note("tuned query sides run with " + queryEnv);
        }
        queryEnv.put("LUODI_COMMAND_SIDE_URL", command.url());
        return queryEnv;
    }

    /** 3. Steady load with the tuned query side following. */
    private QuerySide steadyLoadTuned(SideProcess command) throws Exception {
        Map<String, String> queryEnv = tunedEnvironment(command);
        SideProcess tuned = harness.cluster().startSide("query-side-tuned", "query-side", queryEnv);
        Set<String> groups = harness.awaitGroups(tuned);
        harness.catchUp(tuned, groups);
        Load.Open steadyTuned = harness.steady("tuned query side", command, tuned,
                new Workloads.Lifecycles(harness.plans(), "luodi-bench-steady-", 0, harness.today(), 300),
                harness.settings().steadySeconds());
        harness.sample(tuned, "query-side");
        harness.cluster().stop(tuned);
        return new QuerySide(queryEnv, groups, steadyTuned);
    }

    /** 4. The same with Axon's defaults: tracking processors continue from the tuned ones' position. */
    private Load.Open steadyLoadAxonDefaults(SideProcess command, QuerySide tuned) throws Exception {
        harness.readModels().mergeSegments();
        SideProcess defaults = harness.cluster().startSide("query-side-axon-defaults", "query-side",
                tuned.axonDefaults());
        harness.checkTrackingProcessors(tuned.groups());
        harness.catchUp(defaults, tuned.groups());
        Load.Open steadyDefaults = harness.steady("query side with Axon's defaults", command, defaults,
                new Workloads.Lifecycles(harness.plans(), "luodi-bench-steady-defaults-", 0, harness.today(), 300),
                harness.settings().steadySeconds());
        harness.cluster().stop(defaults);
        return steadyDefaults;
    }

    /** 5. The national data set, generated straight into the event store. */
    private NationalData.Result nationalDataSet() throws Exception {
        NationalData.Result national;
        try (Connection c = harness.cluster().sql()) {
            national = new NationalData(harness.plans(), harness.today()).write(c, harness.settings().projects());
        }
        Log.say(String.format("national data: %,d events in %.0f s (%,.0f events/s); the store now holds %,d events",
                national.events(), national.seconds(), national.events() / national.seconds(),
                harness.readModels().head()));
        return national;
    }

    /**
     * 6. Rebuilds of every read model from scratch: Axon's defaults, time-boxed, then the tuned processors to the
     * head (one read model alone: step 10). The tuned query side stays up for steps 7 to 9.
     */
    private Findings.Rebuilt rebuildEveryReadModel(SideProcess command, QuerySide tuned) throws Exception {
        ReadModels readModels = harness.readModels();
        Cluster cluster = harness.cluster();
        long head = readModels.head();
        List<String> truncated = readModels.resetOffline(false);
        SideProcess defaultsRebuild = cluster.startSide("query-side-axon-defaults-rebuild", "query-side",
                tuned.axonDefaults());
        Rebuilds.Rebuild rebuildDefaults = harness.rebuild(defaultsRebuild, tuned.groups(), head,
                harness.settings().defaultsRebuildSeconds(), false);
        cluster.stop(defaultsRebuild);
        readModels.resetOffline(true);
        SideProcess national1 = cluster.startSide("query-side-tuned-national", "query-side", tuned.environment());
        Profile rebuildProfile = Profile.start(national1.process().pid(), "query-side-rebuild", harness.logs());
        Statements.reset(cluster);
        Rebuilds.Rebuild rebuildTuned = harness.rebuild(national1, tuned.groups(), head,
                harness.settings().tunedRebuildLimitSeconds(), true);
        rebuildProfile.stop();
        Files.write(harness.logs().resolve("statements-rebuild.txt"), Statements.top(cluster, 20));
        harness.sample(national1, "query-side");
        harness.sample(command, "command-side");
        return new Findings.Rebuilt(head, truncated, rebuildDefaults, rebuildTuned, national1);
    }

    /**
     * 7. Queries on the national data set, caught up. A rebuild rewrites millions of rows at once; autovacuum would
     * get to them within minutes, and the statistics need its visibility map for index-only scans: run it now, as an
     * operator does after a rebuild (docs/performance.md), so the figures do not depend on when.
     */
    private Findings.Queried queriesOnNationalData(SideProcess side, NationalData.Result national) throws Exception {
        try (Connection c = harness.cluster().sql(); Statement s = c.createStatement()) {
            long vacuumStarted = System.nanoTime();
            s.execute("VACUUM (ANALYZE) project_version, fund_arrival_version, project_event, lead, lead_event, "
                    + "evidence, milestone_verification");
            Log.say(String.format("VACUUM (ANALYZE) of the rebuilt read models: %.0f s",
                    (System.nanoTime() - vacuumStarted) / 1e9));
        }
        int year = harness.today().getYear() - 1;
        Random pick = new Random(7);
        int[] historyOf = pick.ints(harness.settings().queries() + 10, 0, national.projects()).toArray();
        Queries.Result stats = harness.query(side, "GET /api/stats?year=" + year + "&groupBy=township",
                i -> "/api/stats?year=" + year + "&groupBy=township", true);
        // every project of the national set is credited to a department five times in six (ProjectProfile)
        Queries.Result departments = harness.query(side, "GET /api/stats?year=" + year + "&groupBy=department",
                i -> "/api/stats?year=" + year + "&groupBy=department", true);
        Queries.Result alerts = harness.query(side, "GET /api/alerts", i -> "/api/alerts", false);
        Queries.Result warnings = harness.query(side, "GET /api/warnings", i -> "/api/warnings", false);
        // the dashboard asks the counts per department; the tickets page opens on the overdue ones
        Queries.Result ticketCounts = harness.query(side, "GET /api/tickets/departments",
                i -> "/api/tickets/departments", false);
        Queries.Result tickets = harness.query(side, "GET /api/tickets?open=true&page=…&size=20",
                i -> "/api/tickets?open=true&page=" + (i % 20) + "&size=20", false);
        // the leads (#20): the dashboard's funnel of last year, the lead list's pages, the 在谈项目清单 of a township
        // and of the county (first pages), one lead's timeline, the late leads (the alerts page lists them all)
        String lastYear = "from=" + year + "-01-01&to=" + year + "-12-31";
        Queries.Result funnel = harness.query(side, "GET /api/leads/funnel?" + lastYear,
                i -> "/api/leads/funnel?" + lastYear, false);
        Queries.Result leadPage = harness.query(side, "GET /api/leads?page=…&size=20",
                i -> "/api/leads?page=" + (i % 50) + "&size=20", false);
        Queries.Result negotiating = harness.query(side, "GET /api/leads/negotiating?unit=<a township>",
                // a clerk signs in its own township's name: the signer is the township
                i -> "/api/leads/negotiating?unit=" + national.clerkOf()[historyOf[i]], false);
        Queries.Result allNegotiating = harness.query(side, "GET /api/leads/negotiating",
                i -> "/api/leads/negotiating", false);
        Queries.Result lead = harness.query(side, "GET /api/leads/{id}", i -> "/api/leads/" + LeadLives.leadId(
                Plans.projectId(NationalData.PREFIX, historyOf[i]), 1), false);
        Queries.Result overdueLeads = harness.query(side, "GET /api/leads/overdue", i -> "/api/leads/overdue", false);
        // a started project's 实证 and findings (#19): the project page's evidence panel
        int[] evidenceOf = evidenceOf(national);
        Queries.Result evidence = harness.query(side, "GET /api/projects/{id}/evidence",
                i -> "/api/projects/" + Plans.projectId(NationalData.PREFIX, evidenceOf[i]) + "/evidence", false);
        Queries.Result history = harness.query(side, "GET /api/projects/{id}/history",
                i -> "/api/projects/" + Plans.projectId(NationalData.PREFIX, historyOf[i]) + "/history", false);
        Queries.Result page = harness.query(side, "GET /api/projects?page=…&size=20",
                i -> "/api/projects?page=" + (i % 50) + "&size=20", false);
        // every page asks these two first: the default year (signings per year over every project) and the words
        Queries.Result calendar = harness.query(side, "GET /api/calendar", i -> "/api/calendar", false);
        Queries.Result vocabulary = harness.query(side, "GET /api/vocabulary", i -> "/api/vocabulary", false);
        harness.sample(side, "query-side");
        return new Findings.Queried(year, historyOf, evidenceOf, evidence, stats, departments, alerts, history, page,
                calendar, vocabulary,
                warnings, ticketCounts, tickets, new Findings.LeadQueries(funnel, leadPage, negotiating, allNegotiating,
                lead, overdueLeads));
    }

    /** Random projects of the national set that reached 开工 (each has its site photo, unless voided or retracted). */
    private int[] evidenceOf(NationalData.Result national) {
        int[] started = national.startedProjects();
        if (started.length == 0) {
            throw new IllegalStateException("no started project in the national data set");
        }
        Random pick = new Random(11);
        int[] of = new int[harness.settings().queries() + 10];
        for (int i = 0; i < of.length; i++) {
            of[i] = started[pick.nextInt(started.length)];
        }
        return of;
    }

    /**
     * 8. The steady load once more, on the national store: new fund arrivals on existing projects; first right after
     * the rebuild (while PostgreSQL still writes its pages out), then after a CHECKPOINT has done so.
     */
    private Findings.NationalLoad steadyLoadOnNationalStore(SideProcess command, SideProcess query,
                                                            NationalData.Result national) throws Exception {
        Workloads.NationalFunds nationalFunds = new Workloads.NationalFunds(national, harness.today());
        Checkpoints before = harness.checkpoints();
        Load.Open steadyNational = harness.steady("national store", command, query, nationalFunds,
                harness.settings().nationalSteadySeconds());
        Checkpoints duringNational = harness.checkpointsSince(before);
        try (Connection c = harness.cluster().sql(); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            s.execute("CHECKPOINT");
            Log.say(String.format("CHECKPOINT: %.0f s", (System.nanoTime() - started) / 1e9));
        }
        before = harness.checkpoints();
        Load.Open steadyCheckpointed = harness.steady("national store, after a CHECKPOINT", command, query,
                nationalFunds, harness.settings().nationalSteadySeconds());
        Checkpoints duringCheckpointed = harness.checkpointsSince(before);
        harness.sample(query, "query-side");
        harness.sample(command, "command-side");
        return new Findings.NationalLoad(steadyNational, duringNational, steadyCheckpointed, duringCheckpointed);
    }

    /** 9. Plans of what the query side runs for those queries; then the side of steps 6 to 9 stops. */
    private List<String> plansOfSlowStatements(SideProcess side, Findings.Queried queried) throws Exception {
        int year = queried.year();
        Path plans = harness.cluster().work().resolve("logs/explain-analyze.txt");
        List<String> slowStatements = Explain.capture(harness.cluster(), harness.http(), side.url(), List.of(
                        "/api/stats?year=" + year + "&groupBy=township",
                        "/api/stats?year=" + year + "&groupBy=department", "/api/alerts", "/api/warnings",
                        "/api/tickets/departments", "/api/tickets?open=true&size=20",
                        "/api/leads/funnel?from=" + year + "-01-01&to=" + year + "-12-31", "/api/leads?size=20",
                        "/api/projects/" + Plans.projectId(NationalData.PREFIX, queried.historyOf()[0]) + "/history",
                        "/api/projects/" + Plans.projectId(NationalData.PREFIX, queried.evidenceOf()[0]) + "/evidence",
                        "/api/projects?page=3&size=20"),
                plans);
        Log.say("EXPLAIN ANALYZE of " + slowStatements.size() + " statements over 2 ms: " + plans);
        harness.cluster().stop(side);
        return slowStatements;
    }

    /**
     * 10. One read model rebuilt alone (the case: an administrator rebuilds one), the others caught up.
     * Last, with its own query side, so that the heap figures stay those of the side that ran steps 6-9. Then the
     * command side stops too.
     */
    private Findings.OneRebuilt rebuildProjectVersionsAlone(SideProcess command, QuerySide tuned) throws Exception {
        harness.readModels().resetOffline(ReadModels.PROJECT_VERSIONS, ReadModels.PROJECT_VERSIONS_TABLES);
        long headNow = harness.readModels().head();
        SideProcess versionsRebuild = harness.cluster().startSide("query-side-tuned-versions-rebuild", "query-side",
                tuned.environment());
        Rebuilds.Rebuild rebuildVersions = harness.rebuild(versionsRebuild, Set.of(ReadModels.PROJECT_VERSIONS),
                headNow, harness.settings().tunedRebuildLimitSeconds(), true);
        harness.cluster().stop(versionsRebuild);
        harness.cluster().stop(command);
        return new Findings.OneRebuilt(headNow, rebuildVersions);
    }

    /** 11. Heaps, from the GC logs of the sides that ran the national data set. */
    /**
     * 10b. The 台账 export (issue #18) of the national set's largest township, from a query side held to the
     * command side's -Xmx512m: a workbook written as a stream must not need the heap to grow with the township.
     */
    private Findings.Exported largestTownshipExport(NationalData.Result national) throws Exception {
        String township;
        long projects;
        try (Connection c = harness.cluster().sql(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT township, count(DISTINCT project_id) FROM project_version "
                     + "GROUP BY township ORDER BY 2 DESC LIMIT 1")) {
            rs.next();
            township = rs.getString(1);
            projects = rs.getLong(2);
        }
        SideProcess side = harness.cluster().startSide("query-side-512m", "query-side", Map.of(), "-Xmx512m");
        String path = "/api/ledger.xlsx?township=" + township;
        double best = Double.MAX_VALUE;
        long bytes = 0;
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            // a township of the national set holds tens of thousands of projects: its workbook takes minutes
            long[] answer = harness.http().download(java.net.http.HttpRequest.newBuilder(
                    Http.get(side.url(), path, "supervisor"), (name, value) -> true)
                    .timeout(java.time.Duration.ofMinutes(15)).build());
            if (answer[0] != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer[0]);
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
            bytes = answer[1];
        }
        harness.cluster().stop(side);
        Heap.Figures heap = Heap.fromGcLog(harness.cluster().gcLog("query-side-512m"),
                harness.cluster().work().resolve("logs/query-side-512m.log"));
        Log.say(String.format("台账 export of %s (%,d projects): %.1f s, %,d bytes, peak heap %.0f MiB", township,
                projects, best, bytes, heap.peakMb()));
        return new Findings.Exported(township, projects, best, bytes, heap);
    }

    private Findings.Heaps heaps() throws Exception {
        Cluster cluster = harness.cluster();
        Heap.Figures commandHeap = Heap.fromGcLog(cluster.gcLog("command-side"),
                        cluster.work().resolve("logs/command-side.log"))
                .with(harness.sampledHeap().getOrDefault("command-side", 0.0));
        Heap.Figures queryHeap = Heap.fromGcLog(cluster.gcLog("query-side-tuned-national"),
                        cluster.work().resolve("logs/query-side-tuned-national.log"))
                .with(harness.sampledHeap().getOrDefault("query-side", 0.0));
        return new Findings.Heaps(commandHeap, queryHeap);
    }

    /** A fund arrival of a generated project: the size of the rows the raw insert writes. */
    private Plans.Planned samplePlannedFunds() {
        for (int no = 0; ; no++) {
            for (Plans.Planned p : harness.plans().plan(Plans.projectId("luodi-bench-sample-", no), no,
                    harness.today().minusDays(700), harness.today().minusDays(30))) {
                if (p.event() instanceof FundsArrived) {
                    return p;
                }
            }
        }
    }
}
