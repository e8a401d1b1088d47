package org.luodi.bench;

import org.luodi.launcher.SideProcess;

import java.util.List;
import java.util.Map;

/**
 * What the steps of a {@link Bench} run measured, one record per step that the table needs, and the table made of
 * them: the targets with PASS or FAIL first, then the figures without a target, then notes.
 */
record Findings(RawInsert.Result raw, WritePath write, Load.Open tuned, Load.Open defaults,
                NationalData.Result national, Rebuilt rebuilt, Queried queried, NationalLoad load,
                List<String> slowStatements, OneRebuilt versions, Exported export, Heaps heaps) {

    /** Step 2: the closed loop, the CPU both processes used over it, generated rows against the command side's. */
    record WritePath(Load.Closed load, double commandCpu, double postgresCpu, List<String> formatProblems) {
        long commands() {
            return load.accepted() + load.refused();
        }
    }

    /** Step 6: the store's size, the tables emptied, both rebuilds, and the tuned query side left running. */
    record Rebuilt(long head, List<String> truncated, Rebuilds.Rebuild defaults, Rebuilds.Rebuild tuned,
                   SideProcess side) {
    }

    /**
     * Step 7: the queries on the national data set; the year asked, the projects whose history was read and those
     * whose evidence was.
     */
    record Queried(int year, int[] historyOf, int[] evidenceOf, Queries.Result evidence, Queries.Result stats,
                   Queries.Result departments, Queries.Result alerts,
                   Queries.Result history, Queries.Result page, Queries.Result calendar, Queries.Result vocabulary,
                   Queries.Result warnings, Queries.Result ticketCounts, Queries.Result tickets, LeadQueries leads) {
    }

    /** The leads' queries (#20) of step 7. */
    record LeadQueries(Queries.Result funnel, Queries.Result page, Queries.Result negotiating,
                       Queries.Result allNegotiating, Queries.Result lead, Queries.Result overdue) {
    }

    /** Step 8: the steady load on the national store, right after the rebuild and after a CHECKPOINT. */
    record NationalLoad(Load.Open afterRebuild, Checkpoints postgresAfterRebuild, Load.Open afterCheckpoint,
                        Checkpoints postgresAfterCheckpoint) {
    }

    /** Step 10: project-versions rebuilt alone over a store of {@code head} events. */
    record OneRebuilt(long head, Rebuilds.Rebuild rebuild) {
    }

    /** Step 10b: the 台账 export of the largest township from a query side held to -Xmx512m. */
    record Exported(String township, long projects, double seconds, long bytes, Heap.Figures heap) {
    }

    /** Step 11. */
    record Heaps(Heap.Figures command, Heap.Figures query) {
    }

    /** Writes the rows into {@code report}; {@code steadyCpu} is the CPU per command of each steady load, by name. */
    void table(Report report, Map<String, String> steadyCpu) {
        double writeRatio = write.load().commandsPerSecond() / raw.tps();
        report.target("write path: commands/s through the HTTP API, 8 clients, realistic lifecycles, fsync on",
                "≥ 0.30 × raw insert",
                String.format("%,.0f/s (p50 %.1f ms, p99 %.1f ms)", write.load().commandsPerSecond(),
                        write.load().latency().at(50), write.load().latency().at(99)),
                Double.isNaN(raw.tps()) ? raw.detail() : String.format("raw insert %,.0f tx/s (%s)", raw.tps(),
                        raw.detail()),
                Double.isNaN(raw.tps()) ? "" : String.format("%.2f", writeRatio),
                Double.isNaN(raw.tps()) ? null : writeRatio >= 0.30 && write.load().refused() == 0);
        report.target("command latency at 300 commands/s (open loop, tuned query side following)", "p99 ≤ 50 ms",
                String.format("p50 %.1f ms, p99 %.1f ms%s", tuned.latency().at(50),
                        tuned.latency().at(99), shortfall(tuned)),
                "", "", tuned.latency().at(99) <= 50 && tuned.refused() == 0
                        && tuned.sent() == tuned.planned());
        report.target("freshness at 300/s: command answered → its event in GET /api/projects/{id}/history",
                "p99 ≤ 300 ms", tuned.history().describe(),
                "Axon defaults: " + defaults.history().describe(),
                ratio(defaults.history(), tuned.history()),
                tuned.history().freshness().at(99) <= 300 && tuned.history().notSeen() == 0);
        report.target("freshness at 300/s: command answered → its row in project_version (SQL probe)",
                "p99 ≤ 300 ms", tuned.versions().describe(),
                "Axon defaults: " + defaults.versions().describe(),
                ratio(defaults.versions(), tuned.versions()),
                tuned.versions().freshness().at(99) <= 300 && tuned.versions().notSeen() == 0);
        double rebuildRatio = rebuilt.tuned().eventsPerSecond() / rebuilt.defaults().eventsPerSecond();
        report.target(String.format("rebuild of every read model from scratch (%,d events)", rebuilt.head()),
                "≥ 20,000 events/s and ≥ 5× Axon defaults",
                rebuilt.tuned().describe(),
                String.format("Axon defaults %,.0f events/s (measured over %.0f s)",
                        rebuilt.defaults().eventsPerSecond(), rebuilt.defaults().seconds()),
                String.format("%.1f×", rebuildRatio),
                rebuilt.tuned().eventsPerSecond() >= 20_000 && rebuildRatio >= 5 && rebuilt.tuned().complete());
        report.target(String.format("rebuild of one read model (%s) from scratch, the others caught up (%,d events)",
                        ReadModels.PROJECT_VERSIONS, versions.head()), "≥ 20,000 events/s",
                versions.rebuild().describe(),
                "", "", versions.rebuild().eventsPerSecond() >= 20_000 && versions.rebuild().complete());
        queryRow(report, "GET /api/stats?year=" + queried.year() + "&groupBy=township", queried.stats(), 200);
        queryRow(report, "GET /api/stats?year=" + queried.year() + "&groupBy=department", queried.departments(), 200);
        queryRow(report, "GET /api/alerts", queried.alerts(), 200);
        queryRow(report, "GET /api/warnings (the warning ladder, every rule)", queried.warnings(), 200);
        queryRow(report, "GET /api/tickets/departments (the dashboard's ticket counts)", queried.ticketCounts(), 200);
        queryRow(report, "GET /api/tickets?open=true (a page of 20, overdue first)", queried.tickets(), 200);
        queryRow(report, "GET /api/leads/funnel (last year, every unit: the dashboard's funnel)",
                queried.leads().funnel(), 200);
        queryRow(report, "GET /api/leads (a page of 20 of the lead list)", queried.leads().page(), 200);
        queryRow(report, "GET /api/leads/negotiating?unit= (a township's 在谈项目清单, first page of 100)",
                queried.leads().negotiating(), 200);
        queryRow(report, "GET /api/leads/negotiating (the county's 在谈项目清单, first page of 100)",
                queried.leads().allNegotiating(), 200);
        queryRow(report, "GET /api/leads/{id} (a lead's timeline)", queried.leads().lead(), 20);
        queryRow(report, "GET /api/leads/overdue (every late lead: the alerts page)", queried.leads().overdue(), 200);
        queryRow(report, "GET /api/projects/{id}/history", queried.history(), 20);
        queryRow(report, "GET /api/projects/{id}/evidence (a started project's 实证 and findings)", queried.evidence(),
                200);
        queryRow(report, "GET /api/calendar", queried.calendar(), 200);
        queryRow(report, "GET /api/vocabulary", queried.vocabulary(), 20);
        exportRow(report, export);
        heapRow(report, "command side", heaps.command());
        heapRow(report, "query side", heaps.query());

        report.info("a page of GET /api/projects (20 of the national set, with its total count)",
                queried.page().latency() == null ? queried.page().missing() : String.format("p50 %.1f ms, p95 %.1f ms",
                        queried.page().latency().at(50), queried.page().latency().at(95)), "no target");
        report.info("CPU per command on the write path (8 clients)", String.format("command side %.1f ms, "
                        + "PostgreSQL %.1f ms", write.commandCpu() / Math.max(1, write.commands()),
                write.postgresCpu() / Math.max(1, write.commands())), String.format("from /proc, after the warm-up; "
                + "PostgreSQL per raw insert transaction: %.2f ms", raw.postgresCpuPerTx()));
        report.info("CPU per 1,000 events in the tuned rebuild", String.format("query side %.0f ms, PostgreSQL "
                        + "%.0f ms", rebuilt.tuned().queryCpuPer1000(), rebuilt.tuned().postgresCpuPer1000()),
                String.format("Axon defaults: query side %.0f ms, PostgreSQL %.0f ms",
                        rebuilt.defaults().queryCpuPer1000(), rebuilt.defaults().postgresCpuPer1000()));
        report.info("CPU per 1,000 events in the rebuild of " + ReadModels.PROJECT_VERSIONS + " alone",
                String.format("query side %.0f ms, PostgreSQL %.0f ms", versions.rebuild().queryCpuPer1000(),
                        versions.rebuild().postgresCpuPer1000()), "");
        steadyCpu.forEach((what, cpu) -> report.info("CPU per command at 300/s, " + what, cpu,
                "from /proc, over the whole load; the query side following"));
        report.info("command latency at 300/s while the Axon-defaults query side follows",
                String.format("p50 %.1f ms, p99 %.1f ms%s", defaults.latency().at(50),
                        defaults.latency().at(99), shortfall(defaults)), "");
        report.info(String.format("on the national store (%,d events): 300/s new fund arrivals on existing projects",
                rebuilt.head()), String.format("commands p50 %.1f ms, p99 %.1f ms%s; freshness %s",
                load.afterRebuild().latency().at(50), load.afterRebuild().latency().at(99),
                shortfall(load.afterRebuild()),
                fresh(load.afterRebuild())), "PostgreSQL meanwhile: " + load.postgresAfterRebuild().describe());
        report.info("the same after an explicit CHECKPOINT", String.format("commands p50 %.1f ms, p99 %.1f ms%s; "
                        + "freshness %s", load.afterCheckpoint().latency().at(50),
                load.afterCheckpoint().latency().at(99),
                shortfall(load.afterCheckpoint()), fresh(load.afterCheckpoint())),
                "PostgreSQL meanwhile: " + load.postgresAfterCheckpoint().describe());
        report.info("answer sizes (mean)", String.format("alerts %,d bytes (%s), history %,d bytes, page %,d bytes, "
                        + "a township's 在谈项目清单 %,d bytes, a project's evidence %,d bytes", queried.alerts().bytes(),
                alertCount(national), queried.history().bytes(), queried.page().bytes(),
                queried.leads().negotiating().bytes(), queried.evidence().bytes()), "");
        report.info("national data set", String.format("%,d projects, %,d problem tickets, %,d leads and %,d evidence "
                        + "files (实证: site photos of starts, contracts; one start in three verified), %,d events "
                        + "(%.1f per project), written by COPY at %,.0f events/s", national.projects(), national.tickets(),
                national.leads(), national.evidenceFiles(),
                national.events(), (double) national.events() / national.projects(),
                national.events() / national.seconds()),
                "generated rows compared with command-side rows: " + (write.formatProblems().isEmpty()
                        ? "identical form" : String.join("; ", write.formatProblems())));
        report.info("EXPLAIN ANALYZE (auto_explain) of the query side's statements over 2 ms, each query answered "
                        + "twice", slowStatements.isEmpty() ? "none" : String.join(", ", slowStatements),
                "plans in bench/target/run/logs/explain-analyze.txt");
        report.info("CPU profiles (JFR)", "of the command side on the write path and of the query side in the "
                + "tuned rebuild", "bench/target/run/logs/profile-*.txt; PostgreSQL's statements in the tuned "
                + "rebuild by time (pg_stat_statements): bench/target/run/logs/statements-rebuild.txt");
        report.info("rebuild method", "tokens deleted, tables truncated and their secondary indexes set aside as "
                + "the reset handlers do (tuned runs only) with the query side stopped ("
                + String.join(", ", rebuilt.truncated()) + "; for " + ReadModels.PROJECT_VERSIONS
                + " alone: its tokens and "
                + String.join(", ", ReadModels.PROJECT_VERSIONS_TABLES) + ", after step 8's load), then timed from "
                + "its processors' first token until the slowest group rebuilt reaches the head and the query side has "
                + "built the set-aside indexes again; JVM start excluded",
                "");
        report.info("load generator", String.format("open loop at %.0f/s (at most %d in flight): %,d / %,d / %,d "
                        + "commands sent at %.0f/s, %.0f/s, %.0f/s; 1 in %d accepted commands followed every %d ms "
                        + "for its first second, then every 50–250 ms", Bench.RATE, Load.MAX_IN_FLIGHT, tuned.sent(),
                defaults.sent(), load.afterRebuild().sent(), tuned.achievedRate(),
                defaults.achievedRate(), load.afterRebuild().achievedRate(), Bench.SAMPLE_EVERY, Bench.POLL_MILLIS),
                "");
        refusals(report, "write path", write.load().refused(), write.load().firstRefusal());
        refusals(report, "steady load (tuned)", tuned.refused(), tuned.firstRefusal());
        refusals(report, "steady load (Axon defaults)", defaults.refused(), defaults.firstRefusal());
        refusals(report, "steady load (national)", load.afterRebuild().refused(), load.afterRebuild().firstRefusal());
        refusals(report, "steady load (national, after a CHECKPOINT)", load.afterCheckpoint().refused(),
                load.afterCheckpoint().firstRefusal());
        if (!write.formatProblems().isEmpty()) {
            report.note("the generated rows differ from the command side's: "
                    + String.join("; ", write.formatProblems()));
        }
    }

    private static String shortfall(Load.Open r) {
        String refused = r.refused() > 0 ? String.format("; %,d refused", r.refused()) : "";
        return r.sent() < r.planned() ? String.format("; only %,d of %,d sent (%.0f/s): server backlog",
                r.sent(), r.planned(), r.achievedRate()) + refused : refused;
    }

    private static String ratio(Load.Probe defaults, Load.Probe tuned) {
        double d = defaults.freshness().at(99);
        double t = tuned.freshness().at(99);
        return Double.isNaN(d) || Double.isNaN(t) || t == 0 ? "" : String.format("%.1f× fresher (p99)", d / t);
    }

    private static String fresh(Load.Open r) {
        return "history " + r.history().describe() + "; project_version " + r.versions().describe();
    }

    private static String alertCount(NationalData.Result national) {
        return String.format("%,d open projects never started", national.stalledOpen());
    }

    private static void refusals(Report report, String phase, long refused, String first) {
        if (refused > 0) {
            report.note(phase + ": " + refused + " commands refused, first: " + first);
        }
    }

    private static void queryRow(Report report, String what, Queries.Result r, double p95Target) {
        if (r.latency() == null) {
            report.target(what, "p95 ≤ " + (int) p95Target + " ms", r.missing(), "", "", null);
            return;
        }
        report.target(what, "p95 ≤ " + (int) p95Target + " ms", String.format("p50 %.1f ms, p95 %.1f ms",
                r.latency().at(50), r.latency().at(95)), "", "", r.latency().at(95) <= p95Target);
    }

    /** Step 10b's row; also the whole table of {@code bench/run --export}. */
    static void exportRow(Report report, Exported export) {
        report.target(String.format("台账 export (GET /api/ledger.xlsx) of the largest township, %,d projects, query "
                        + "side -Xmx512m", export.projects()), "within -Xmx512m",
                String.format("%.1f s, %,.1f MB; peak heap %.0f MiB (%d collections, %d full)%s", export.seconds(),
                        export.bytes() / 1e6, export.heap().peakMb(), export.heap().collections(),
                        export.heap().fullCollections(), export.heap().outOfMemory() ? ", OUT OF MEMORY" : ""),
                "", "", !export.heap().outOfMemory());
    }

    private static void heapRow(Report report, String side, Heap.Figures h) {
        report.target("heap of the " + side + " with the national data set", "≤ 1 GiB",
                String.format("peak %.0f MiB in use, %.0f MiB after GC at most (%d collections, %d full)", h.peakMb(),
                        h.maxAfterGcMb(), h.collections(), h.fullCollections()) + (h.outOfMemory()
                        ? ", OutOfMemoryError" : ""),
                "run with " + Cluster.HEAP, "", !h.outOfMemory() && h.maxAfterGcMb() <= 1024);
    }
}
