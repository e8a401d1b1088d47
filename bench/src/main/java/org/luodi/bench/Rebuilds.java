package org.luodi.bench;

import org.luodi.launcher.SideProcess;

import java.time.Duration;
import java.util.Set;

/**
 * Times a rebuild: a query side started on read models emptied offline ({@link ReadModels#resetOffline(boolean)}
 * for all of them, {@link ReadModels#resetOffline(String, java.util.List)} for one), from the moment every group being
 * rebuilt has a token until the slowest of them reaches the head and the indexes set aside for the rebuild are back,
 * with the CPU the query side and PostgreSQL used meanwhile.
 */
final class Rebuilds {
    private final Cluster cluster;
    private final ReadModels readModels;

    Rebuilds(Cluster cluster, ReadModels readModels) {
        this.cluster = cluster;
        this.readModels = readModels;
    }

    /**
     * A rebuild's rate, and the CPU milliseconds per 1,000 events of the query side and of PostgreSQL; {@code stall}
     * says where it stopped moving, null when it did not.
     */
    record Rebuild(double eventsPerSecond, double seconds, long position, boolean complete, double queryCpuPer1000,
                   double postgresCpuPer1000, String stall, double indexSeconds) {
        /** For the report's table. */
        String describe() {
            return String.format("%,.0f events/s (%s)", eventsPerSecond, !complete
                    ? String.format("NOT caught up after %.0f s", seconds)
                    : indexSeconds > 0 ? String.format("%.0f s, indexes set aside and built again in the last %.0f s",
                    seconds, indexSeconds) : String.format("%.0f s", seconds));
        }
    }

    /**
     * Times {@code groups} of a query side that starts with them empty: until the slowest reaches {@code head}, or
     * until {@code limitSeconds} have passed (then the rate so far). JVM start is excluded.
     */
    Rebuild time(SideProcess side, Set<String> groups, long head, int limitSeconds, boolean toTheEnd)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!readModels.positions().keySet().containsAll(groups)) {
            if (System.nanoTime() > deadline || !side.process().isAlive()) {
                throw new IllegalStateException(side.name() + " did not start its processors; see " + side.log());
            }
            Thread.sleep(100);
        }
        long start = System.nanoTime();
        Cpu.Meter cpu = new Cpu.Meter(side.process().pid(), cluster.postgresPid());
        long end = start + limitSeconds * 1_000_000_000L;
        long position = 0;
        long lastReport = start;
        long lastProgress = start;
        String stall = null;
        Log.say(String.format("rebuild of %s by %s: %,d events, %s", groups, side.name(), head,
                toTheEnd ? "until caught up (at most " + limitSeconds + " s)" : "rate over " + limitSeconds + " s"));
        while (System.nanoTime() < end) {
            if (!side.process().isAlive()) {
                throw new IllegalStateException(side.name() + " stopped during the rebuild; see " + side.log());
            }
            long now = readModels.slowest(groups);
            if (now > position) {
                lastProgress = System.nanoTime();
            }
            position = now;
            if (position >= head) {
                break;
            }
            if (System.nanoTime() - lastProgress > Bench.STALL_NANOS) {
                stall = String.format("%s made no progress for %d s at %,d of %,d: positions %s (see %s)",
                        side.name(), Bench.STALL_NANOS / 1_000_000_000L, position, head, readModels.positions(), side.log());
                Log.say(stall);
                break;
            }
            if (System.nanoTime() - lastReport > 30_000_000_000L) {
                lastReport = System.nanoTime();
                Log.say(String.format("  %,d of %,d (%,.0f events/s so far)", position, head,
                        position / ((lastReport - start) / 1e9)));
            }
            Thread.sleep(250);
        }
        position = Math.min(head, readModels.slowest(groups));
        double indexSeconds = toTheEnd && position >= head ? awaitIndexes(side, groups, end) : 0;
        double seconds = (System.nanoTime() - start) / 1e9;
        Rebuild result = new Rebuild(position / seconds, seconds, position, position >= head,
                cpu.used(0) / Math.max(1, position) * 1000, cpu.used(1) / Math.max(1, position) * 1000, stall,
                indexSeconds);
        Log.say(String.format("rebuild of %s by %s: %,d events in %.1f s: %,.0f events/s; CPU per 1,000 events: "
                        + "query side %.0f ms, PostgreSQL %.0f ms%s", groups, side.name(), position, seconds,
                result.eventsPerSecond(), result.queryCpuPer1000(), result.postgresCpuPer1000(),
                result.complete() ? "" : " (stopped there)"));
        return result;
    }

    /**
     * A rebuild is over when the read model can answer as fast as before: its set-aside secondary indexes built again
     * (the query side does so once the group has caught up). Returns the seconds that took.
     */
    private double awaitIndexes(SideProcess side, Set<String> groups, long end) throws Exception {
        long caughtUp = System.nanoTime();
        while (!readModels.indexesSetAside(groups).isEmpty()) {
            if (System.nanoTime() > end || !side.process().isAlive()) {
                throw new IllegalStateException(side.name() + " did not build the set-aside indexes of " + groups
                        + " again; see " + side.log());
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - caughtUp) / 1e9;
        Log.say(String.format("  caught up; secondary indexes built again %.1f s later", seconds));
        return seconds;
    }
}
