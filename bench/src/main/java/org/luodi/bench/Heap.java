package org.luodi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A side's heap from its GC log (-Xlog:gc): the peak is the largest occupancy just before a collection (the heap
 * only grows between collections), the retained size the largest occupancy just after one; jcmd adds the
 * occupancy at the moments the harness asks (for a side that never needed a collection).
 */
final class Heap {
    private static final Pattern TRANSITION = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    record Figures(double peakMb, double maxAfterGcMb, int collections, int fullCollections, boolean outOfMemory) {
        Figures with(double sampledMb) {
            return new Figures(Math.max(peakMb, sampledMb), maxAfterGcMb, collections, fullCollections, outOfMemory);
        }
    }

    static Figures fromGcLog(Path gcLog, Path sideLog) throws IOException {
        double peak = 0;
        double after = 0;
        int collections = 0;
        int full = 0;
        if (gcLog != null && Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = TRANSITION.matcher(line);
                if (m.find()) {
                    collections++;
                    if (line.contains("Pause Full")) {
                        full++;
                    }
                    peak = Math.max(peak, mb(m.group(1), m.group(2)));
                    after = Math.max(after, mb(m.group(3), m.group(4)));
                }
            }
        }
        boolean oom = sideLog != null && Files.exists(sideLog)
                && Files.readString(sideLog).contains("OutOfMemoryError");
        return new Figures(peak, after, collections, full, oom);
    }

    /** The heap in use now, by jcmd GC.heap_info; 0 if jcmd cannot tell. */
    static double sample(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(20, TimeUnit.SECONDS);
            Matcher m = USED.matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : 0;
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static double mb(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }

    /**
     * The heap a side retains: a full collection asked for by jcmd (GC.run), then the occupancy (GC.heap_info). What
     * survives a full collection is what a leak would raise, free of young-generation noise; 0 if jcmd cannot tell.
     */
    static double retained(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
                    .start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return sample(pid);
    }

    /**
     * Whether a long-running side's heap grows: its retained heap ({@link #retained}) sampled through the run. Caches
     * fill, and a kill or a database restart can raise it once, as a step; a leak keeps raising it. So the heap counts
     * as flat when, over the last third of the run (after the last disruption, at two thirds), the least-squares line
     * through the samples rises by no more than 2 MiB or 5 % of their mean, whichever is more. One sample against
     * another would judge noise of a few MiB either way.
     */
    record Trend(java.util.List<Double> samplesMb) {
        boolean flat() {
            int n = samplesMb.size();
            if (n < 6 || samplesMb.stream().anyMatch(m -> m <= 0)) {
                return false;
            }
            java.util.List<Double> last = lastThird();
            double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            return rise(last) <= Math.max(2, 0.05 * mean);
        }

        java.util.List<Double> lastThird() {
            return samplesMb.subList(2 * samplesMb.size() / 3, samplesMb.size());
        }

        /** The least-squares line's rise from the first sample to the last, MiB. */
        static double rise(java.util.List<Double> samples) {
            int n = samples.size();
            double meanX = (n - 1) / 2.0;
            double meanY = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double covariance = 0;
            double variance = 0;
            for (int x = 0; x < n; x++) {
                covariance += (x - meanX) * (samples.get(x) - meanY);
                variance += (x - meanX) * (x - meanX);
            }
            return variance == 0 ? 0 : covariance / variance * (n - 1);
        }

        String describe() {
            return "retained after a full GC, MiB: " + String.join(" → ",
                    samplesMb.stream().map(m -> String.format("%.0f", m)).toList())
                    + String.format("; last third rises %+.1f MiB", rise(lastThird()));
        }
    }
}
