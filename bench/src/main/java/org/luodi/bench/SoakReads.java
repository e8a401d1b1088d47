package org.luodi.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The soak's reads, mixed in with its writes: a supervisor's dashboard (stats for the year), the alerts and a
 * project's history, a few a second, spread over the query sides that are up at that moment.
 */
final class SoakReads implements AutoCloseable {
    record Outcome(long ok, long failed, Percentiles latency, String firstFailure) {
    }

    private final Http http;
    private final Supplier<List<String>> queryUrls;
    private final int year;
    private final Thread thread;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    private volatile String firstFailure;
    private volatile boolean running = true;

    SoakReads(Http http, Supplier<List<String>> queryUrls, int year, double perSecond) {
        this.http = http;
        this.queryUrls = queryUrls;
        this.year = year;
        long pause = Math.round(1000 / perSecond);
        this.thread = new Thread(() -> {
            while (running) {
                readOnce();
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "soak-reads");
        thread.setDaemon(true);
        thread.start();
    }

    private void readOnce() {
        List<String> urls = queryUrls.get();
        if (urls.isEmpty()) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String url = urls.get(random.nextInt(urls.size()));
        String path = switch (random.nextInt(3)) {
            case 0 -> "/api/stats?year=" + year + "&groupBy=township";
            case 1 -> "/api/alerts?asOf=" + year + "-12-31";
            default -> "/api/audit?page=0&size=20";
        };
        long sent = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(Http.get(url, path, "supervisor"));
            if (r.statusCode() == 200) {
                ok.incrementAndGet();
                latencies.add((System.nanoTime() - sent) / 1e6);
                return;
            }
            fail(r.statusCode() + " " + path);
        } catch (Exception e) {
            fail(e + " " + path);
        }
    }

    private void fail(String what) {
        failed.incrementAndGet();
        if (firstFailure == null) {
            firstFailure = what;
        }
    }

    Outcome outcome() {
        return new Outcome(ok.get(), failed.get(), new Percentiles(latencies), firstFailure);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
