package org.luodi.bench;

import org.luodi.events.EventMetadata;
import org.luodi.launcher.SideProcess;
import org.luodi.system.resilience.Recomputation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code bench/run --soak [--minutes 30] [--out FILE]}: Luodi under a long steady load with the failures an office
 * meets. The command side's capacity is measured first (8 clients, closed loop); then, for the given minutes, writes
 * run at half of it (each retried with its Idempotency-Key until answered) with supervisors' reads mixed in, over
 * two query sides. A third of the way in one query side is killed (kill -9) and started again a minute later; at two
 * thirds PostgreSQL is stopped and started again. At the end: no accepted command lost or stored twice, the read
 * models equal a recomputation from domain_event_entry (system-tests' Recomputation), the audit verification is
 * intact, and the heaps of the sides that ran throughout did not grow. Written into docs/performance.md between
 * its own markers.
 */
public final class Soak {
    private static final String KEYS = "soak-";

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        int minutes = option(options, "--minutes", 30);
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        int outOption = options.indexOf("--out");
        Path out = root.resolve(outOption >= 0 ? options.get(outOption + 1) : "docs/performance.md");
        Machine machine = Machine.describe(root);
        Log.say("Luodi soak, " + minutes + " minutes, on " + machine.cpus() + " CPUs, load " + machine.loadAverage());
        Report report = new Report("bench:soak");
        Cluster cluster = Cluster.start(root, root.resolve("bench/target/soak-run"));
        Thread cleanup = new Thread(cluster::close);
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (Http http = new Http()) {
            run(cluster, http, minutes, report);
        } finally {
            cluster.close();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        String parameters = String.format("soak of %d minutes: writes at half the measured capacity, each retried "
                + "with its Idempotency-Key until answered; reads mixed in over two query sides; one query side "
                + "killed (kill -9) at a third, PostgreSQL restarted at two thirds; logs in bench/target/soak-run/logs",
                minutes);
        report.write(out, report.markdown("Soak " + machine.date(), machine, parameters));
        System.out.println();
        System.out.println(report.text());
        Log.say("written to " + root.relativize(out));
    }

    private static void run(Cluster cluster, Http http, int minutes, Report report) throws Exception {
        LocalDate today = LocalDate.now(Plans.SHANGHAI);
        Plans plans = new Plans(2024, today, Instant.now());
        SideProcess command = cluster.startSide("command-side", "command-side", Map.of());
        Map<String, String> queryEnv = new HashMap<>(Map.of("LUODI_COMMAND_SIDE_URL", command.url()));
        SideProcess queryA = cluster.startSide("query-a", "query-side", queryEnv);
        SideProcess queryB = cluster.startSide("query-b", "query-side", queryEnv);
        for (String user : plans.townships()) {
            http.send(Http.get(command.url(), "/api/projects", user));
        }

        Log.say("capacity: 8 clients, closed loop, 10 s warm-up + 30 s");
        Load.Closed capacity = Load.closedLoop(http, command.url(), new Workloads.Recomputable(
                new Workloads.Lifecycles(plans, KEYS + "capacity-", 0, today, 64)), Bench.CLIENTS, 10, 30);
        double rate = Math.max(1, capacity.commandsPerSecond() / 2);
        Log.say(String.format("capacity %,.0f commands/s; the soak writes %,.0f/s for %d minutes",
                capacity.commandsPerSecond(), rate, minutes));

        List<String> liveQueries = new CopyOnWriteArrayList<>(List.of(queryA.url(), queryB.url()));
        SoakLoad load = new SoakLoad(http, command.url(), new Workloads.Recomputable(
                new Workloads.Lifecycles(plans, KEYS + "load-", 0, today, 300)));
        long begin = System.nanoTime();
        long end = begin + minutes * 60_000_000_000L;
        HeapSamples heaps = new HeapSamples(List.of(command, queryA), Duration.ofSeconds(Math.max(30, minutes * 4L)));
        Disruptions disruptions = new Disruptions(cluster, queryB, queryEnv, liveQueries, begin, end);
        SoakLoad.Outcome writes;
        SoakReads.Outcome reads;
        try (SoakReads reader = new SoakReads(http, () -> liveQueries, 2024, 5)) {
            disruptions.start();
            writes = load.run(rate, end);
            reads = reader.outcome();
        }
        disruptions.join();
        Map<String, Heap.Trend> heap = heaps.finish();
        Log.say(String.format("writes: %,d sent, %,d accepted, %,d refused, %,d abandoned, %,d retries; reads: %,d "
                        + "answered, %,d failed", writes.sent(), writes.accepted().size(), writes.refused().size(),
                writes.abandoned().size(), writes.retries(), reads.ok(), reads.failed()));

        // the read models have caught up when they equal the recomputation (a segment's token may lag its work)
        long converging = System.nanoTime();
        List<String> differences = differences(cluster);
        while (!differences.isEmpty() && System.nanoTime() - converging < 600_000_000_000L) {
            Thread.sleep(5_000);
            differences = differences(cluster);
        }
        boolean caughtUp = differences.isEmpty();
        Log.say(String.format("read models %s the recomputation %.0f s after the last write was answered",
                caughtUp ? "equal" : "still differ from", (System.nanoTime() - converging) / 1e9));
        Stored stored = stored(cluster, writes);
        boolean intact = Http.parse(http.send(Http.get(queryA.url(), "/api/audit/verify", "supervisor")).body())
                .path("intact").asBoolean(false);
        Heap.Trend commandHeap = heap.get(command.name());
        Heap.Trend queryHeap = heap.get(queryA.name());

        report.target("accepted commands lost / stored twice", "0 / 0", stored.lost() + " / " + stored.duplicated(),
                String.format("%,d accepted", writes.accepted().size()), "",
                stored.lost() == 0 && stored.duplicated() == 0);
        report.target("refused commands with an event", "0", String.valueOf(stored.refusedButStored()),
                String.format("%,d refused", writes.refused().size()), "", stored.refusedButStored() == 0);
        report.target("read models = recomputation from domain_event_entry", "0 rows differ",
                differences.size() + " rows differ",
                String.format("%,d events", stored.events()), "", caughtUp);
        report.target("GET /api/audit/verify", "intact", intact ? "intact" : "NOT intact", "", "", intact);
        report.target("heap, command side", "flat", commandHeap.describe(), "", "", commandHeap.flat());
        report.target("heap, query side (the one never killed)", "flat", queryHeap.describe(), "", "",
                queryHeap.flat());
        report.info("write rate", String.format("%,.0f commands/s", rate),
                String.format("capacity %,.0f/s measured in the same run", capacity.commandsPerSecond()));
        report.info("write latency from when due, retries included", String.format("p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                writes.latency().at(50), writes.latency().at(99), writes.latency().max()), "");
        report.info("writes", String.format("%,d sent, %,d retries, %,d abandoned after %d s (ambiguous: %,d stored)",
                writes.sent(), writes.retries(), writes.abandoned().size(), SoakLoad.GIVE_UP_MILLIS / 1000,
                stored.abandonedButStored()), "");
        report.info("reads (stats, alerts, audit)", String.format("%,d answered, %,d failed, p95 %.0f ms",
                reads.ok(), reads.failed(), reads.latency().at(95)), "");
        disruptions.describe().forEach(report::note);
        if (!differences.isEmpty()) {
            differences.stream().limit(5).forEach(d -> report.note("differs: " + d));
        }
        if (writes.firstRefusal() != null) {
            report.note("first refusal: " + writes.firstRefusal());
        }
        if (reads.firstFailure() != null) {
            report.note("first failed read: " + reads.firstFailure());
        }
    }

    private record Stored(long events, long lost, long duplicated, long refusedButStored, long abandonedButStored) {
    }

    private static List<String> differences(Cluster cluster) throws Exception {
        try (Connection c = cluster.sql()) {
            return Recomputation.differences(c);
        }
    }

    /** The events each soak command's Idempotency-Key has in the store. */
    private static Stored stored(Cluster cluster, SoakLoad.Outcome writes) throws Exception {
        Map<String, Integer> perKey = new HashMap<>();
        long events;
        try (Connection c = cluster.sql(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
                rs.next();
                events = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT convert_from(meta_data, 'UTF8')::jsonb ->> '"
                    + EventMetadata.IDEMPOTENCY_KEY + "' FROM domain_event_entry")) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    if (key != null && key.startsWith(KEYS + "load-")) {
                        perKey.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        long lost = writes.accepted().stream().filter(k -> !perKey.containsKey(k)).count();
        long duplicated = perKey.values().stream().filter(n -> n > 1).count();
        long refusedButStored = writes.refused().stream().filter(perKey::containsKey).count();
        long abandonedButStored = writes.abandoned().stream().filter(perKey::containsKey).count();
        return new Stored(events, lost, duplicated, refusedButStored, abandonedButStored);
    }

    private static int option(List<String> options, String name, int fallback) {
        int i = options.indexOf(name);
        return i >= 0 ? Integer.parseInt(options.get(i + 1)) : fallback;
    }

    /** The retained heap of the sides that run throughout, sampled at the start, every {@code every} and at the end. */
    private static final class HeapSamples extends Thread {
        private final List<SideProcess> sides;
        private final Duration every;
        private final Map<String, List<Double>> samples = new HashMap<>();

        HeapSamples(List<SideProcess> sides, Duration every) {
            super("soak-heap");
            setDaemon(true);
            this.sides = sides;
            this.every = every;
            sample();
            start();
        }

        @Override
        public void run() {
            try {
                for (;;) {
                    Thread.sleep(every.toMillis());
                    sample();
                }
            } catch (InterruptedException stopped) {
                // the soak is over
            }
        }

        private synchronized void sample() {
            sides.forEach(side -> samples.computeIfAbsent(side.name(), n -> new ArrayList<>())
                    .add(Heap.retained(side.process().pid())));
        }

        Map<String, Heap.Trend> finish() throws InterruptedException {
            interrupt();
            join();
            sample();
            Map<String, Heap.Trend> trends = new HashMap<>();
            samples.forEach((name, mb) -> trends.put(name, new Heap.Trend(List.copyOf(mb))));
            return trends;
        }
    }

    /** The failures the soak inflicts, on a thread of their own, at fixed points of its time. */
    private static final class Disruptions extends Thread {
        private final Cluster cluster;
        private final SideProcess victim;
        private final Map<String, String> environment;
        private final List<String> liveQueries;
        private final long begin;
        private final long end;
        private final List<String> notes = new ArrayList<>();
        private volatile Exception failure;

        Disruptions(Cluster cluster, SideProcess victim, Map<String, String> environment, List<String> liveQueries,
                    long begin, long end) {
            super("soak-disruptions");
            setDaemon(true);
            this.cluster = cluster;
            this.victim = victim;
            this.environment = environment;
            this.liveQueries = liveQueries;
            this.begin = begin;
            this.end = end;
        }

        @Override
        public void run() {
            try {
                sleepUntil(begin + (end - begin) / 3);
                liveQueries.remove(victim.url());
                victim.kill();
                cluster.stop(victim);
                say("query-b killed with kill -9 at " + minute() + "; query-a takes over its segments");
                Thread.sleep(60_000);
                long starting = System.nanoTime();
                SideProcess restarted = cluster.startSide("query-b-again", "query-side", environment);
                liveQueries.add(restarted.url());
                say(String.format("query-b started again at %s, healthy after %.0f s", minute(),
                        (System.nanoTime() - starting) / 1e9));
                sleepUntil(begin + 2 * (end - begin) / 3);
                say("PostgreSQL stopped at " + minute() + " (pg_ctl stop -m fast), started again 10 s later");
                long stopping = System.nanoTime();
                cluster.restartDatabase(Duration.ofSeconds(10));
                say(String.format("PostgreSQL accepting connections again after %.0f s", (System.nanoTime() - stopping) / 1e9));
            } catch (Exception e) {
                failure = e;
                say("a disruption failed: " + e);
            }
        }

        private void sleepUntil(long nanoTime) throws InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }

        private String minute() {
            return String.format("minute %.1f", (System.nanoTime() - begin) / 60e9);
        }

        private void say(String note) {
            Log.say(note);
            notes.add(note);
        }

        List<String> describe() {
            if (failure != null) {
                throw new IllegalStateException("the soak's disruptions did not all happen", failure);
            }
            return notes;
        }
    }
}
