package org.luodi.bench;

import java.util.Arrays;
import java.util.List;

/** Latencies in milliseconds and their nearest-rank percentiles. */
final class Percentiles {
    private final double[] sorted;

    /**
     * Copies {@code millis} once through {@code toArray}, which a synchronized list guards: answers that come back
     * after an overloaded phase gave up waiting may still be adding to it.
     */
    Percentiles(List<Double> millis) {
        this.sorted = Arrays.stream(millis.toArray(new Double[0])).mapToDouble(Double::doubleValue).sorted().toArray();
    }

    Percentiles(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(this.sorted);
    }

    /** The samples of several, as one. */
    static Percentiles merged(List<Percentiles> parts) {
        return new Percentiles(parts.stream().flatMapToDouble(p -> Arrays.stream(p.sorted)).toArray());
    }

    int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile ({@code p} in 0..100); NaN when there are no samples. */
    double at(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
