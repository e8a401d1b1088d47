package org.luodi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by a process (and, for PostgreSQL, by its backends, live or exited), from /proc: on a machine
 * shared with other work, CPU milliseconds per command or per event move much less than wall-clock rates do.
 */
final class Cpu {
    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private Cpu() {
    }

    /** Milliseconds of CPU used so far by {@code pid}, its exited (reaped) children and its live children. */
    static double millis(long pid) {
        long ticks = ticks(pid, true);
        for (long child : children(pid)) {
            ticks += ticks(child, true);
        }
        return ticks * TICK_MS;
    }

    private static long ticks(long pid, boolean withReaped) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return withReaped ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static List<Long> children(long pid) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> parent(p) == pid)
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long parent(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU of a set of processes between two moments. */
    static final class Meter {
        private final long[] pids;
        private final double[] start;

        Meter(long... pids) {
            this.pids = pids;
            this.start = new double[pids.length];
            for (int i = 0; i < pids.length; i++) {
                start[i] = millis(pids[i]);
            }
        }

        /** Milliseconds used by process {@code i} since the meter was made. */
        double used(int i) {
            return millis(pids[i]) - start[i];
        }
    }
}
