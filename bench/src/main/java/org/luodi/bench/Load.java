package org.luodi.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Load phases against the command API. */
final class Load {
    /** At most this many commands in flight: beyond it the schedule slips (and the slip counts as latency). */
    static final int MAX_IN_FLIGHT = 400;
    /** A sampled command not visible after this long counts as not seen. */
    static final long GIVE_UP_NANOS = 15_000_000_000L;
    /** After this many samples not seen, a probe stops following new ones (the read model is stuck). */
    static final int MAX_NOT_SEEN = 20;

    private Load() {
    }

    record Closed(double commandsPerSecond, long accepted, long refused, Percentiles latency, String firstRefusal) {
    }

    /** One way of seeing a command in the query side, and what it saw. */
    record Probe(String name, Percentiles freshness, int notSeen, boolean gaveUp) {
        String describe() {
            if (freshness.count() == 0) {
                return String.format("no sample seen (%d not seen within %d s%s)", notSeen,
                        GIVE_UP_NANOS / 1_000_000_000L, gaveUp ? "; probe stopped: the read model stopped following" : "");
            }
            return String.format("p50 %.0f ms, p99 %.0f ms (%d samples%s%s)", freshness.at(50), freshness.at(99),
                    freshness.count(), notSeen > 0 ? ", " + notSeen + " not seen within "
                            + GIVE_UP_NANOS / 1_000_000_000L + " s" : "",
                    gaveUp ? ", probe stopped after " + MAX_NOT_SEEN + " unseen: the read model stopped following"
                            : "");
        }
    }

    record Open(double targetRate, double achievedRate, long sent, long planned, long accepted, long refused,
                Percentiles latency, Probe history, Probe versions, String firstRefusal) {
    }

    /**
     * {@code clients} threads, each sending its next command as soon as the previous one is answered; the first
     * {@code warmupSeconds} are not counted.
     */
    static Closed closedLoop(Http http, String commandUrl, Workloads.Workload workload, int clients,
                             int warmupSeconds, int seconds) throws InterruptedException {
        long begin = System.nanoTime();
        long measureFrom = begin + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> firstRefusal = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    Commands.Command c = workload.next();
                    long sent = System.nanoTime();
                    boolean ok = false;
                    try {
                        HttpResponse<String> r = http.send(Http.post(commandUrl, c));
                        ok = r.statusCode() / 100 == 2;
                        if (!ok) {
                            firstRefusal.putIfAbsent("x", r.statusCode() + " " + c.path() + " " + r.body());
                        }
                    } catch (Exception e) {
                        firstRefusal.putIfAbsent("x", e + " " + c.path());
                    }
                    long answered = System.nanoTime();
                    workload.done(c, ok);
                    if (sent >= measureFrom && answered <= end) {
                        (ok ? accepted : refused).incrementAndGet();
                        latencies.add((answered - sent) / 1e6);
                    }
                }
            }, "bench-client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Closed(accepted.get() / (double) seconds, accepted.get(), refused.get(),
                new Percentiles(latencies), firstRefusal.get("x"));
    }

    /**
     * Open loop: command i is due at start + i/rate whatever happened to the others, and its latency counts from
     * when it was due (so a slow server cannot hide its backlog). Every {@code sampleEvery}-th accepted command is
     * followed in the query side by two probes until they see its event: its project's history through the HTTP
     * API (read model project-history), and its version row in project_version / fund_arrival_version by SQL (read
     * model project-versions). Freshness is that moment minus the moment the command was answered; polls every
     * {@code pollMillis} ms for the first second, then less often.
     */
    static Open openLoop(Http http, String commandUrl, String queryUrl, Cluster cluster, Workloads.Workload workload,
                         double rate, int seconds, int sampleEvery, int pollMillis) throws InterruptedException {
        long planned = Math.round(rate * seconds);
        long intervalNanos = Math.round(1e9 / rate);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong acceptedCounter = new AtomicLong();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> firstRefusal = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        Follower follower = new Follower(http, queryUrl, cluster, pollMillis);
        long start = System.nanoTime() + 50_000_000L;
        long stopSendingAt = start + (seconds + 30L) * 1_000_000_000L;
        long sent = 0;
        for (long i = 0; i < planned; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire(Math.max(1, stopSendingAt - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            Commands.Command c = workload.next();
            sent++;
            http.sendAsync(Http.post(commandUrl, c)).whenComplete((r, error) -> {
                long answered = System.nanoTime();
                inFlight.release();
                boolean ok = error == null && r.statusCode() / 100 == 2;
                workload.done(c, ok);
                latencies.add((answered - due) / 1e6);
                if (ok) {
                    accepted.incrementAndGet();
                    if (queryUrl != null && acceptedCounter.incrementAndGet() % sampleEvery == 0) {
                        follower.follow(c, answered);
                    }
                } else {
                    refused.incrementAndGet();
                    firstRefusal.putIfAbsent("x", error != null ? error + " " + c.path()
                            : r.statusCode() + " " + c.path() + " " + r.body());
                }
            });
        }
        long sendingEnded = System.nanoTime();
        inFlight.tryAcquire(MAX_IN_FLIGHT, 60, TimeUnit.SECONDS);
        follower.awaitAll(GIVE_UP_NANOS + 5_000_000_000L);
        follower.close();
        double achieved = sent / Math.max(1e-9, (sendingEnded - start) / 1e9);
        return new Open(rate, achieved, sent, planned, accepted.get(), refused.get(), new Percentiles(latencies),
                follower.history.result("history (HTTP)"), follower.versions.result("project_version (SQL)"),
                firstRefusal.get("x"));
    }

    /** What one probe saw over a phase. */
    private static final class Seen {
        final List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger notSeen = new AtomicInteger();
        final AtomicBoolean stopped = new AtomicBoolean();

        void notSeen() {
            if (notSeen.incrementAndGet() >= MAX_NOT_SEEN) {
                stopped.set(true);
            }
        }

        Probe result(String name) {
            return new Probe(name, new Percentiles(millis), notSeen.get(), stopped.get());
        }
    }

    /** Follows sampled commands until both read models show them. */
    private static final class Follower {
        private final Http http;
        private final String queryUrl;
        private final Cluster cluster;
        private final int pollMillis;
        private final ScheduledExecutorService pollers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bench-freshness");
            t.setDaemon(true);
            return t;
        });
        private final ThreadLocal<Connection> connections = new ThreadLocal<>();
        private final List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger open = new AtomicInteger();
        final Seen history = new Seen();
        final Seen versions = new Seen();

        Follower(Http http, String queryUrl, Cluster cluster, int pollMillis) {
            this.http = http;
            this.queryUrl = queryUrl;
            this.cluster = cluster;
            this.pollMillis = pollMillis;
        }

        void follow(Commands.Command c, long answered) {
            boolean watchHistory = !history.stopped.get();
            boolean watchVersions = !versions.stopped.get();
            if (!watchHistory && !watchVersions) {
                return;
            }
            open.incrementAndGet();
            new Sample(c, answered, watchHistory, watchVersions).schedule(0);
        }

        private final class Sample implements Runnable {
            private final Commands.Command c;
            private final long answered;
            private volatile boolean historyDone;
            private volatile boolean versionsDone;
            private final AtomicBoolean httpInFlight = new AtomicBoolean();
            private final AtomicBoolean finished = new AtomicBoolean();

            Sample(Commands.Command c, long answered, boolean watchHistory, boolean watchVersions) {
                this.c = c;
                this.answered = answered;
                this.historyDone = !watchHistory;
                this.versionsDone = !watchVersions;
            }

            void schedule(long delayMillis) {
                try {
                    pollers.schedule(this, delayMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopped) {
                    finish();
                }
            }

            @Override
            public void run() {
                long now = System.nanoTime();
                boolean late = now - answered > GIVE_UP_NANOS;
                if (!versionsDone) {
                    Boolean visible = versionVisible();
                    if (visible == null) {
                        versionsDone = true;
                    } else if (visible) {
                        versions.millis.add((System.nanoTime() - answered) / 1e6);
                        versionsDone = true;
                    } else if (late) {
                        versions.notSeen();
                        versionsDone = true;
                    }
                }
                if (!historyDone && late && !httpInFlight.get()) {
                    history.notSeen();
                    historyDone = true;
                }
                if (!historyDone && httpInFlight.compareAndSet(false, true)) {
                    http.sendAsync(Http.get(queryUrl, "/api/projects/" + c.projectId() + "/history", "supervisor"))
                            .whenComplete((r, error) -> {
                                if (error == null && r.statusCode() == 200 && contains(r.body(), c.sequence())) {
                                    history.millis.add((System.nanoTime() - answered) / 1e6);
                                    historyDone = true;
                                }
                                httpInFlight.set(false);
                            });
                }
                if (historyDone && versionsDone) {
                    finish();
                    return;
                }
                long elapsedMillis = (now - answered) / 1_000_000;
                schedule(elapsedMillis < 1000 ? pollMillis : elapsedMillis < 5000 ? 50 : 250);
            }

            private void finish() {
                if (finished.compareAndSet(false, true)) {
                    open.decrementAndGet();
                }
            }

            /** Whether project-versions has a version made by this command's event; null if it cannot tell. */
            private Boolean versionVisible() {
                try {
                    Connection connection = connections.get();
                    if (connection == null) {
                        connection = cluster.sql();
                        connections.set(connection);
                        opened.add(connection);
                    }
                    try (PreparedStatement s = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM "
                            + "project_version WHERE project_id = ? AND version >= ?) OR EXISTS (SELECT 1 FROM "
                            + "fund_arrival_version WHERE project_id = ? AND version >= ?)")) {
                        s.setString(1, c.projectId());
                        s.setLong(2, c.sequence());
                        s.setString(3, c.projectId());
                        s.setLong(4, c.sequence());
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            return rs.getBoolean(1);
                        }
                    }
                } catch (SQLException e) {
                    versions.stopped.set(true);
                    return null;
                }
            }
        }

        void awaitAll(long timeoutNanos) throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (open.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        void close() {
            pollers.shutdownNow();
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
    }

    private static boolean contains(String body, long sequence) {
        JsonNode events = Http.parse(body).get("events");
        if (events == null) {
            return false;
        }
        for (JsonNode e : events) {
            if (e.path("sequence").asLong(-1) == sequence) {
                return true;
            }
        }
        return false;
    }
}
