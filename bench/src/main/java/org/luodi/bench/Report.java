package org.luodi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The table: printed, and written into a Markdown file between two markers (the rest of the file is kept). */
final class Report {
    /** The markers of the full run's section; the soak writes its own ({@link #Report(String)}). */
    private static final String RESULTS = "bench:results";

    private final String start;
    private final String end;

    record Row(String measure, String target, String figure, String baseline, String ratio, String result) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Row> info = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report() {
        this(RESULTS);
    }

    /** A section of its own between markers named {@code name}, so that two harnesses keep each other's figures. */
    Report(String name) {
        this.start = "<!-- " + name + ":start (written by bench/run; edit outside these markers) -->";
        this.end = "<!-- " + name + ":end -->";
    }

    void target(String measure, String target, String figure, String baseline, String ratio, Boolean pass) {
        rows.add(new Row(measure, target, figure, baseline, ratio, pass == null ? "N/A" : pass ? "PASS" : "FAIL"));
    }

    void info(String measure, String figure, String baseline) {
        info.add(new Row(measure, "", figure, baseline, "", ""));
    }

    void note(String line) {
        notes.add(line);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        int[] w = {7, 6, 6, 8, 5, 6};
        List<String[]> all = new ArrayList<>();
        all.add(new String[]{"measure", "target", "figure", "baseline", "ratio", "result"});
        rows.forEach(r -> all.add(new String[]{r.measure(), r.target(), r.figure(), r.baseline(), r.ratio(), r.result()}));
        for (String[] r : all) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : all) {
            for (int i = 0; i < w.length; i++) {
                out.append(String.format("%-" + w[i] + "s", r[i])).append(i < w.length - 1 ? " | " : "\n");
            }
        }
        out.append("\nalso measured:\n");
        info.forEach(r -> out.append("  ").append(r.measure()).append(": ").append(r.figure())
                .append(r.baseline().isEmpty() ? "" : " (" + r.baseline() + ")").append('\n'));
        if (!notes.isEmpty()) {
            out.append("\nnotes:\n");
            notes.forEach(n -> out.append("  - ").append(n).append('\n'));
        }
        return out.toString();
    }

    String markdown(String heading, Machine machine, String parameters) {
        StringBuilder md = new StringBuilder();
        md.append(start).append("\n\n### ").append(heading).append("\n\n");
        md.append("- date: ").append(machine.date()).append(", commit ").append(machine.commit()).append('\n');
        md.append("- machine: ").append(machine.cpus()).append(" CPUs (").append(machine.cpuModel()).append("), ")
                .append(machine.memory()).append(" memory, ").append(machine.os()).append('\n');
        md.append("- java: ").append(machine.java()).append('\n');
        md.append("- load average when the run began: ").append(machine.loadAverage()).append('\n');
        md.append("- ").append(parameters).append("\n\n");
        md.append("| measure | target | figure | baseline (same run) | ratio | result |\n");
        md.append("|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(String.join(" | ", esc(r.measure()), esc(r.target()),
                esc(r.figure()), esc(r.baseline()), esc(r.ratio()), "**" + r.result() + "**")).append(" |\n"));
        md.append("\nAlso measured:\n\n");
        info.forEach(r -> md.append("- ").append(esc(r.measure())).append(": ").append(esc(r.figure()))
                .append(r.baseline().isEmpty() ? "" : " (" + esc(r.baseline()) + ")").append('\n'));
        if (!notes.isEmpty()) {
            md.append("\nNotes from the run:\n\n");
            notes.forEach(n -> md.append("- ").append(esc(n)).append('\n'));
        }
        md.append('\n').append(end).append('\n');
        return md.toString();
    }

    void write(Path file, String section) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int from = existing.indexOf(start);
        int to = existing.indexOf(end);
        String updated;
        if (from >= 0 && to > from) {
            updated = existing.substring(0, from) + section.stripTrailing() + existing.substring(to + end.length());
        } else {
            updated = (existing.isEmpty() ? "# Performance\n\n" : existing.stripTrailing() + "\n\n") + section;
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }

    private static String esc(String text) {
        return text.replace("|", "\\|");
    }
}
