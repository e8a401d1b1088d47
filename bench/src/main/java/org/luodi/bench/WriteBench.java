package org.luodi.bench;

import org.luodi.launcher.SideProcess;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A quick loop for work on the command side: only Bench's write-path phase (8 clients over realistic lifecycles,
 * no query side), printing commands/s and CPU per command. On a shared machine rates are noisy, so compare CPU per
 * command, A/B back to back: {@code --jars DIR} takes the command side's jar from another checkout (or a copy).
 * <pre>
 * java -cp bench/target/bench-exec.jar -Dloader.main=org.luodi.bench.WriteBench \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--seconds 30] [--jars DIR] [--profile]
 * </pre>
 */
public final class WriteBench {
    private WriteBench() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> options = List.of(args);
        int seconds = option(options, "--seconds", 30);
        int warmup = option(options, "--warmup", 20);
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        int jarsOption = options.indexOf("--jars");
        Path jars = jarsOption >= 0 ? Path.of(options.get(jarsOption + 1)).toAbsolutePath() : root;
        LocalDate today = LocalDate.now(Plans.SHANGHAI);
        Plans plans = new Plans(2024, today, Instant.now());
        try (Cluster cluster = Cluster.start(jars, root.resolve("bench/target/write-run")); Http http = new Http()) {
            SideProcess command = cluster.startSide("command-side", "command-side", Map.of());
            List<String> users = new ArrayList<>(plans.townships());
            users.add("supervisor");
            for (String user : users) {
                http.send(Http.get(command.url(), "/api/projects", user));
            }
            Workloads.Lifecycles writers = new Workloads.Lifecycles(plans, "luodi-write-", 0, today, 64);
            Load.closedLoop(http, command.url(), writers, Bench.CLIENTS, 0, warmup);
            Cpu.Meter cpu = new Cpu.Meter(command.process().pid(), cluster.postgresPid());
            Profile profile = options.contains("--profile")
                    ? Profile.start(command.process().pid(), "command-side-write", cluster.work().resolve("logs"))
                    : null;
            Load.Closed write = Load.closedLoop(http, command.url(), writers, Bench.CLIENTS, 0, seconds);
            double commandCpu = cpu.used(0);
            double postgresCpu = cpu.used(1);
            Path summary = profile == null ? null : profile.stop();
            long commands = Math.max(1, write.accepted() + write.refused());
            Log.say(String.format("write path (%s): %,.0f commands/s (p50 %.1f ms, p99 %.1f ms), %d refused%s; "
                            + "CPU per command: command side %.2f ms, PostgreSQL %.2f ms",
                    jars, write.commandsPerSecond(), write.latency().at(50), write.latency().at(99), write.refused(),
                    write.firstRefusal() == null ? "" : " (first: " + write.firstRefusal() + ")",
                    commandCpu / commands, postgresCpu / commands));
            if (summary != null) {
                Log.say("profile: " + summary);
            }
        }
    }

    private static int option(List<String> options, String name, int fallback) {
        int i = options.indexOf(name);
        return i >= 0 ? Integer.parseInt(options.get(i + 1)) : fallback;
    }
}
