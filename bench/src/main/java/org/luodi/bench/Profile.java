package org.luodi.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where a side spends its CPU during one phase: Java Flight Recorder started and dumped through jcmd, summarised as
 * the methods most often on top of the stack (self) and the methods most often anywhere on it (total).
 */
final class Profile {
    private final long pid;
    private final String name;
    private final Path jfr;

    private Profile(long pid, String name, Path jfr) {
        this.pid = pid;
        this.name = name;
        this.jfr = jfr;
    }

    static Profile start(long pid, String name, Path directory) {
        Path jfr = directory.resolve("profile-" + name + ".jfr");
        jcmd(pid, "JFR.start", "name=bench-" + name, "settings=profile");
        return new Profile(pid, name, jfr);
    }

    /** Stops the recording and writes the summary next to it; returns the summary's path (null if none). */
    Path stop() {
        jcmd(pid, "JFR.stop", "name=bench-" + name, "filename=" + jfr);
        if (!Files.exists(jfr)) {
            return null;
        }
        try {
            Map<String, Integer> self = new HashMap<>();
            Map<String, Integer> total = new HashMap<>();
            int samples = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                self.merge(method(frames.get(0)), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String m = method(f);
                    if (seen.add(m)) {
                        total.merge(m, 1, Integer::sum);
                    }
                }
            }
            StringBuilder out = new StringBuilder("CPU samples of " + name + ": " + samples
                    + " (JFR, profile settings; stacks truncated at 64 frames)\n\nself (top of stack)\n");
            top(out, self, samples, 30);
            out.append("\ntotal (anywhere on the stack), org.luodi / Axon / Spring / JDBC / Jackson / Tomcat frames\n");
            Map<String, Integer> interesting = new HashMap<>();
            total.forEach((m, n) -> {
                if (m.startsWith("org.luodi") || m.startsWith("org.axonframework") || m.startsWith("org.springframework")
                        || m.startsWith("org.postgresql") || m.startsWith("com.zaxxer") || m.startsWith("com.fasterxml")
                        || m.startsWith("org.apache")) {
                    interesting.put(m, n);
                }
            });
            top(out, interesting, samples, 60);
            Path summary = jfr.resolveSibling("profile-" + name + ".txt");
            Files.writeString(summary, out.toString(), StandardCharsets.UTF_8);
            return summary;
        } catch (IOException e) {
            return null;
        }
    }

    private static void top(StringBuilder out, Map<String, Integer> counts, int samples, int limit) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(en -> out.append(String.format("%6.1f%%  %s%n", 100.0 * en.getValue() / Math.max(1, samples),
                        en.getKey())));
    }

    private static String method(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void jcmd(long pid, String... arguments) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), String.valueOf(pid)));
            command.addAll(List.of(arguments));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                    ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no profile then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
