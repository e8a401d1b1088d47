package org.luodi.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The soak's write load: commands at a fixed rate (open loop), each sent again with its own Idempotency-Key until
 * it has a definite answer, as a careful client does while a side or the database is away. 2xx is accepted, 4xx
 * refused; 5xx, a timeout or a broken connection are not answers and are retried every second, for at most
 * {@link #GIVE_UP_MILLIS}. So that "nothing lost, nothing twice" can be checked exactly at the end: every accepted key
 * must have exactly one event in the store, every refused key none.
 */
final class SoakLoad {
    static final long GIVE_UP_MILLIS = 180_000;
    private static final long RETRY_MILLIS = 1_000;

    record Outcome(long sent, long retries, Set<String> accepted, Set<String> refused, Set<String> abandoned,
                   Percentiles latency, String firstRefusal) {
    }

    private final Http http;
    private final String commandUrl;
    private final Workloads.Workload workload;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "soak-retries");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Set<String> abandoned = ConcurrentHashMap.newKeySet();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> firstRefusal = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();

    SoakLoad(Http http, String commandUrl, Workloads.Workload workload) {
        this.http = http;
        this.commandUrl = commandUrl;
        this.workload = workload;
    }

    /** Sends {@code rate} commands a second until {@code until} (System.nanoTime), then waits for every answer. */
    Outcome run(double rate, long until) throws InterruptedException {
        long interval = Math.round(1e9 / rate);
        long start = System.nanoTime();
        long sent = 0;
        for (long due = start; due < until; due = start + sent * interval) {
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Commands.Command c = workload.next();
            sent++;
            pending.incrementAndGet();
            attempt(c, due);
        }
        while (pending.get() > 0) {
            Thread.sleep(100);
        }
        retries.shutdownNow();
        return new Outcome(sent, retried.get(), Set.copyOf(accepted), Set.copyOf(refused), Set.copyOf(abandoned),
                new Percentiles(latencies), firstRefusal.get("x"));
    }

    private void attempt(Commands.Command c, long due) {
        http.sendAsync(Http.post(commandUrl, c)).whenComplete((response, error) -> {
            int status = error == null ? response.statusCode() : 0;
            if (status / 100 == 2) {
                finish(c, due, accepted);
            } else if (status / 100 == 4 && status != 408 && status != 429) {
                firstRefusal.putIfAbsent("x", status + " " + c.path() + " " + body(response));
                finish(c, due, refused);
            } else if ((System.nanoTime() - due) / 1_000_000 < GIVE_UP_MILLIS) {
                retried.incrementAndGet();
                retries.schedule(() -> attempt(c, due), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } else {
                finish(c, due, abandoned);
            }
        });
    }

    private void finish(Commands.Command c, long due, Set<String> outcome) {
        outcome.add(c.idempotencyKey());
        latencies.add((System.nanoTime() - due) / 1e6);
        workload.done(c, outcome == accepted);
        pending.decrementAndGet();
    }

    private static String body(HttpResponse<String> response) {
        String body = response.body();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
