package org.luodi.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Read latency: one client, requests one after the other, after a few unmeasured ones. */
final class Queries {
    private Queries() {
    }

    /** Percentiles, or why there are none; {@code bytes} is the mean size of an answer. */
    record Result(Percentiles latency, String missing, long bytes) {
    }

    static Result measure(Http http, String queryUrl, String user, IntFunction<String> pathOf, int warmup, int count,
                          boolean optionalEndpoint)
            throws Exception {
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < warmup + count; i++) {
            String path = pathOf.apply(i);
            long sent = System.nanoTime();
            HttpResponse<String> r = http.send(Http.get(queryUrl, path, user));
            double took = (System.nanoTime() - sent) / 1e6;
            if (r.statusCode() == 404 && i == 0 && optionalEndpoint) {
                return new Result(null, "GET " + path.replaceAll("\\?.*", "") + " answers 404 in this build", 0);
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= warmup) {
                millis.add(took);
                bytes += r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return new Result(new Percentiles(millis), null, bytes / Math.max(1, count));
    }
}
