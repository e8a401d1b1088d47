package org.luodi.bench;

import org.luodi.launcher.SideProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * What every step of a {@link Bench} run shares: its sizes, the started database and sides, the HTTP client, the
 * report, the project generator, and what the steps collect on the way for the table (heap samples, CPU per command
 * under each steady load). Its methods are the moves several steps make: sign everyone in, wait for a query side,
 * run a steady load, time a rebuild, measure a query.
 */
record Harness(Bench.Settings settings, Cluster cluster, Http http, Report report, ReadModels readModels,
               LocalDate today, Plans plans, Map<String, Double> sampledHeap, Map<String, String> steadyCpu) {

    Path logs() {
        return cluster.work().resolve("logs");
    }

    /**
     * One request per account, so that no password check (BCrypt, tens of milliseconds of CPU, then cached by the
     * sides for minutes) falls into a measured period. Any answer will do: authentication comes first.
     */
    void signInEveryone(SideProcess side) throws Exception {
        List<String> users = new ArrayList<>(plans.townships());
        users.add("supervisor");
        for (String user : users) {
            http.send(Http.get(side.url(), "/api/projects", user));
        }
    }

    Set<String> awaitGroups(SideProcess side) throws Exception {
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

    void checkTrackingProcessors(Set<String> groups) throws Exception {
        Thread.sleep(3000);
        for (String group : groups) {
            if (readModels.segments(group) != 1) {
                throw new IllegalStateException("the Axon-defaults query side does not run one tracking segment for "
                        + group);
            }
        }
    }

    /** Waits for the query side to reach the head; if it does not in time, notes where it stopped and goes on. */
    void catchUp(SideProcess side, Set<String> groups) throws Exception {
        Duration limit = Duration.ofMinutes(settings.quick() ? 3 : 10);
        long start = System.nanoTime();
        if (!readModels.awaitCaughtUp(groups, limit, Bench.STALL_NANOS, side.process()::isAlive)) {
            String where = String.format("%s did not catch up (limit %d s, or stalled for %d s): positions %s, "
                            + "head %,d (see %s)", side.name(), limit.toSeconds(), Bench.STALL_NANOS / 1_000_000_000L,
                    readModels.positions(), readModels.head(), side.log());
            Log.say(where);
            report.note(where);
            return;
        }
        Log.say(String.format("%s caught up with the store (%,d events) in %.1f s", side.name(), readModels.head(),
                (System.nanoTime() - start) / 1e9));
    }

    /**
     * {@code seconds} of the open-loop load at {@link Bench#RATE} after an unmeasured warm-up, the query side
     * following; the CPU per command goes into {@link #steadyCpu()} under {@code what}.
     */
    Load.Open steady(String what, SideProcess command, SideProcess query, Workloads.Workload workload, int seconds)
            throws Exception {
        int warmup = settings.quick() ? 10 : 30;
        Log.say(String.format("steady load, %s: %.0f commands/s for %d s after %d s unmeasured", what, Bench.RATE,
                seconds, warmup));
        signInEveryone(command);
        http.send(Http.get(query.url(), "/api/projects?size=1", "supervisor"));
        // a steady state, not a start: a just-started query side compiles its hot code (JIT) on the same 2 cores
        Load.openLoop(http, command.url(), query.url(), cluster, workload, Bench.RATE, warmup, Bench.SAMPLE_EVERY,
                Bench.POLL_MILLIS);
        Cpu.Meter cpu = new Cpu.Meter(command.process().pid(), query.process().pid(), cluster.postgresPid());
        Load.Open result = Load.openLoop(http, command.url(), query.url(), cluster, workload, Bench.RATE, seconds,
                Bench.SAMPLE_EVERY, Bench.POLL_MILLIS);
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

    /** Times a rebuild with {@link Rebuilds}; a stall goes into the report's notes. */
    Rebuilds.Rebuild rebuild(SideProcess side, Set<String> groups, long head, int limitSeconds, boolean toTheEnd)
            throws Exception {
        Rebuilds.Rebuild result = new Rebuilds(cluster, readModels).time(side, groups, head, limitSeconds, toTheEnd);
        if (result.stall() != null) {
            report.note(result.stall());
        }
        return result;
    }

    Queries.Result query(SideProcess side, String what, IntFunction<String> path, boolean optional) throws Exception {
        Queries.Result r = Queries.measure(http, side.url(), "supervisor", path, 10, settings.queries(), optional);
        Log.say(r.latency() == null ? what + ": " + r.missing() : String.format("%s: p50 %.1f ms, p95 %.1f ms "
                + "(%d requests, %,d bytes each)", what, r.latency().at(50), r.latency().at(95), r.latency().count(),
                r.bytes()));
        return r;
    }

    Checkpoints checkpoints() throws SQLException {
        try (Connection c = cluster.sql()) {
            return Checkpoints.now(c);
        }
    }

    Checkpoints checkpointsSince(Checkpoints before) throws SQLException {
        Checkpoints during = checkpoints().since(before);
        Log.say("  " + during.describe());
        return during;
    }

    /** A sample of the side's heap in use, kept as the largest under {@code key}. */
    void sample(SideProcess side, String key) {
        double used = Heap.sample(side.process().pid());
        sampledHeap.merge(key, used, Math::max);
    }
}
