package org.luodi.bench;

import org.luodi.launcher.SideProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench/run --waker [--quick] [--rounds N] [--out FILE]}: the query side's two ways of learning of new events
 * ({@code luodi.processing.wake}), side by side in one run on one database: rounds of timer, notify, then notify,
 * timer (so that a drift of the machine's load over the run weighs on both alike), each a fresh query side that
 * catches up, then follows the steady load of {@link Bench} (freshness of both read models, CPU per command), then a
 * sparse one of {@value #SPARSE_RATE} commands per second (freshness of a command that comes alone, as most do in a
 * county), then sits idle while its CPU and PostgreSQL's are measured. Written into docs/performance.md between its own markers
 * (--quick: bench/target/performance-quick.md).
 */
public final class WakerBench {
    enum Wake { TIMER, NOTIFY }

    /** What one query side measured. */
    private record Arm(Wake wake, int round, Load.Open load, Load.Open sparse, double queryCpuLoad,
                       double postgresCpuLoad, double idleSeconds, double queryCpuIdle, double postgresCpuIdle) {
        long commands() {
            return Math.max(1, load.accepted() + load.refused());
        }
    }

    /** Commands per second of the sparse phase: each stands alone, as most do in a county's day. */
    static final double SPARSE_RATE = 2;

    private final Harness harness;
    private final int idleSeconds;

    private WakerBench(Harness harness) {
        this.harness = harness;
        this.idleSeconds = harness.settings().quick() ? 20 : 60;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        Bench.Settings settings = options.contains("--quick") ? Bench.Settings.quickRun() : Bench.Settings.fullRun();
        int roundsOption = options.indexOf("--rounds");
        int rounds = roundsOption >= 0 ? Integer.parseInt(options.get(roundsOption + 1)) : 2;
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        int outOption = options.indexOf("--out");
        Path out = outOption >= 0 ? root.resolve(options.get(outOption + 1))
                : settings.quick() ? root.resolve("bench/target/performance-quick.md")
                : root.resolve("docs/performance.md");
        Machine machine = Machine.describe(root);
        Log.say("Luodi waker bench" + (settings.quick() ? " --quick" : "") + ", " + rounds + " rounds, on "
                + machine.cpus() + " CPUs, load " + machine.loadAverage());
        Report report = new Report("bench:waker");
        Cluster cluster = Cluster.start(root, root.resolve("bench/target/waker-run"));
        Thread cleanup = new Thread(cluster::close);
        Runtime.getRuntime().addShutdownHook(cleanup);
        WakerBench bench;
        try (Http http = new Http()) {
            LocalDate today = LocalDate.now(Plans.SHANGHAI);
            bench = new WakerBench(new Harness(settings, cluster, http, report, new ReadModels(cluster), today,
                    new Plans(2024, today, Instant.now()), new HashMap<>(), new LinkedHashMap<>()));
            bench.run(rounds);
        } finally {
            cluster.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        String parameters = String.format("run: --waker%s, %d rounds (timer, notify; then notify, timer); per query "
                        + "side: steady load %.0f commands/s for %d s after %d s unmeasured, then %.0f/s for %d s, then %d "
                        + "s idle; the load average when the run ended: %s; logs in bench/target/waker-run/logs",
                settings.quick() ? " --quick" : "", rounds, Bench.RATE, settings.steadySeconds(),
                settings.quick() ? 10 : 30, SPARSE_RATE, settings.steadySeconds(), bench.idleSeconds,
                Machine.readLoadAverage());
        report.write(out, report.markdown("Wake by timer or by notification " + machine.date(), machine,
                parameters));
        System.out.println();
        System.out.println(report.text());
        Log.say("written to " + root.relativize(out));
    }

    private void run(int rounds) throws Exception {
        SideProcess command = harness.cluster().startSide("command-side", "command-side", Map.of());
        List<Arm> arms = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Wake> order = round % 2 == 1 ? List.of(Wake.TIMER, Wake.NOTIFY) : List.of(Wake.NOTIFY, Wake.TIMER);
            for (Wake wake : order) {
                arms.add(measure(command, wake, round));
            }
        }
        harness.cluster().stop(command);
        compare(arms);
    }

    /** One query side with {@code wake}: caught up, under the steady load, then idle. */
    private Arm measure(SideProcess command, Wake wake, int round) throws Exception {
        String name = "query-side-" + wake.name().toLowerCase() + "-" + round;
        Map<String, String> environment = new HashMap<>(Cluster.sideSettings());
        environment.put("LUODI_PROCESSING_WAKE", wake.name().toLowerCase());
        environment.put("LUODI_COMMAND_SIDE_URL", command.url());
        SideProcess query = harness.cluster().startSide(name, "query-side", environment);
        Set<String> groups = harness.awaitGroups(query);
        harness.catchUp(query, groups);
        Log.say(name + ": load average " + Machine.readLoadAverage());

        int seconds = harness.settings().steadySeconds();
        Workloads.Workload workload = new Workloads.Lifecycles(harness.plans(), "luodi-bench-" + name + "-", 0,
                harness.today(), 300);
        harness.signInEveryone(command);
        Load.openLoop(harness.http(), command.url(), query.url(), harness.cluster(), workload, Bench.RATE,
                harness.settings().quick() ? 10 : 30, Bench.SAMPLE_EVERY, Bench.POLL_MILLIS);
        Statements.reset(harness.cluster());
        long commitsBefore = commits();
        Cpu.Meter loadCpu = new Cpu.Meter(query.process().pid(), harness.cluster().postgresPid());
        Load.Open load = Load.openLoop(harness.http(), command.url(), query.url(), harness.cluster(), workload,
                Bench.RATE, seconds, Bench.SAMPLE_EVERY, Bench.POLL_MILLIS);
        double queryLoad = loadCpu.used(0);
        double postgresLoad = loadCpu.used(1);
        long loadCommits = commits() - commitsBefore;
        Files.write(harness.logs().resolve("statements-" + name + ".txt"), Statements.top(harness.cluster(), 15));
        // a county's ordinary day: a command now and then, each one followed (polled every 2 ms)
        Load.Open sparse = Load.openLoop(harness.http(), command.url(), query.url(), harness.cluster(), workload,
                SPARSE_RATE, seconds, 1, 2);

        Thread.sleep(5000); // the last batches, the alert sweep after them
        Cpu.Meter idleCpu = new Cpu.Meter(query.process().pid(), harness.cluster().postgresPid());
        long idleStart = System.nanoTime();
        Thread.sleep(idleSeconds * 1000L);
        double idle = (System.nanoTime() - idleStart) / 1e9;
        Arm arm = new Arm(wake, round, load, sparse, queryLoad, postgresLoad, idle, idleCpu.used(0),
                idleCpu.used(1));
        harness.cluster().stop(query);
        Log.say(String.format("%s: freshness at %.0f/s, project_version %s; history %s", name, SPARSE_RATE,
                sparse.versions().describe(), sparse.history().describe()));
        Log.say(String.format("%s: freshness project_version %s; history %s; CPU per command: query side %.2f ms, "
                        + "PostgreSQL %.2f ms; %.1f transactions per command; idle CPU per second: query side %.1f "
                        + "ms, PostgreSQL %.1f ms", name, load.versions().describe(), load.history().describe(),
                queryLoad / arm.commands(), postgresLoad / arm.commands(), loadCommits / (double) arm.commands(),
                arm.queryCpuIdle() / idle, arm.postgresCpuIdle() / idle));
        return arm;
    }

    /** Transactions committed in the database so far, by everyone (the command side's, the query side's, the probes'). */
    private long commits() throws SQLException {
        try (Connection c = harness.cluster().sql(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each figure of notify against timer's, over all rounds; and every side's own figures, for the spread. */
    private void compare(List<Arm> arms) {
        Map<Wake, List<Arm>> by = new EnumMap<>(Wake.class);
        arms.forEach(a -> by.computeIfAbsent(a.wake(), w -> new ArrayList<>()).add(a));
        List<Arm> timer = by.get(Wake.TIMER);
        List<Arm> notify = by.get(Wake.NOTIFY);
        Report report = harness.report();
        for (boolean sparse : new boolean[] {true, false}) {
            String at = String.format(" at %.0f/s", sparse ? SPARSE_RATE : Bench.RATE);
            for (int p : new int[] {50, 95}) {
                lower(report, "freshness project_version (SQL)" + at + ", p" + p, "ms",
                        freshness(timer, sparse, true).at(p), freshness(notify, sparse, true).at(p));
                lower(report, "freshness history (HTTP)" + at + ", p" + p, "ms",
                        freshness(timer, sparse, false).at(p), freshness(notify, sparse, false).at(p));
            }
        }
        lower(report, "query side CPU per command under load", "ms",
                perCommand(timer, Arm::queryCpuLoad), perCommand(notify, Arm::queryCpuLoad));
        lower(report, "PostgreSQL CPU per command under load", "ms",
                perCommand(timer, Arm::postgresCpuLoad), perCommand(notify, Arm::postgresCpuLoad));
        lower(report, "query side CPU per second idle", "ms",
                perIdleSecond(timer, Arm::queryCpuIdle), perIdleSecond(notify, Arm::queryCpuIdle));
        lower(report, "PostgreSQL CPU per second idle", "ms",
                perIdleSecond(timer, Arm::postgresCpuIdle), perIdleSecond(notify, Arm::postgresCpuIdle));
        for (Arm a : arms) {
            report.info(String.format("round %d, %s", a.round(), a.wake().name().toLowerCase()),
                    String.format("at %.0f/s project_version p50/p95 %.0f/%.0f ms, history p50/p95 %.0f/%.0f ms; "
                                    + "at %.0f/s project_version p50/p95 %.0f/%.0f ms, history p50/p95 %.0f/%.0f ms; "
                                    + "CPU per command query side %.2f ms, PostgreSQL %.2f ms; idle CPU per second "
                                    + "query side %.1f ms, PostgreSQL %.1f ms", SPARSE_RATE,
                            a.sparse().versions().freshness().at(50), a.sparse().versions().freshness().at(95),
                            a.sparse().history().freshness().at(50), a.sparse().history().freshness().at(95),
                            Bench.RATE, a.load().versions().freshness().at(50),
                            a.load().versions().freshness().at(95), a.load().history().freshness().at(50),
                            a.load().history().freshness().at(95), a.queryCpuLoad() / a.commands(),
                            a.postgresCpuLoad() / a.commands(), a.queryCpuIdle() / a.idleSeconds(),
                            a.postgresCpuIdle() / a.idleSeconds()),
                    String.format("%,d of %,d sent, %.0f/s, %d refused%s", a.load().sent(), a.load().planned(),
                            a.load().achievedRate(), a.load().refused(), a.load().firstRefusal() == null ? ""
                                    : ", the first: " + a.load().firstRefusal()));
            if (a.load().versions().notSeen() > 0 || a.load().history().notSeen() > 0) {
                report.note(String.format("round %d, %s: samples not seen within %d s: project_version %d, history "
                                + "%d", a.round(), a.wake().name().toLowerCase(), Load.GIVE_UP_NANOS / 1_000_000_000L,
                        a.load().versions().notSeen(), a.load().history().notSeen()));
            }
        }
    }

    /** A row: notify's figure against timer's; at least as good when not higher. */
    private static void lower(Report report, String measure, String unit, double timer, double notify) {
        report.target(measure, "≤ timer", String.format("%.2f %s", notify, unit),
                String.format("%.2f %s (timer)", timer, unit), String.format("%.2f", notify / timer),
                notify <= timer);
    }

    private static Percentiles freshness(List<Arm> arms, boolean sparse, boolean versions) {
        return Percentiles.merged(arms.stream().map(a -> sparse ? a.sparse() : a.load())
                .map(load -> (versions ? load.versions() : load.history()).freshness()).toList());
    }

    private static double perCommand(List<Arm> arms, ToDoubleFunction<Arm> cpu) {
        return arms.stream().mapToDouble(cpu).sum() / arms.stream().mapToLong(Arm::commands).sum();
    }

    private static double perIdleSecond(List<Arm> arms, ToDoubleFunction<Arm> cpu) {
        return arms.stream().mapToDouble(cpu).sum() / arms.stream().mapToDouble(Arm::idleSeconds).sum();
    }
}
