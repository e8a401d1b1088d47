package org.luodi.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code ./luodi [--demo]}: an embedded PostgreSQL with its data in {@code .luodi/pgdata}, the command side on 8081
 * and the query side (API and web UI) on 8082, each in its own JVM as in production; Ctrl-C stops all three.
 * With {@code --demo}, a simulated 2024 of 大冶 is recorded through the real command API first.
 */
public final class Launcher {

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> options = List.of(args);
        Path root = Path.of(System.getProperty("luodi.root", ".")).toAbsolutePath().normalize();
        Path home = root.resolve(".luodi");
        int dbPort = Integer.parseInt(env("LUODI_DB_PORT", "54329"));
        int commandPort = Integer.parseInt(env("COMMAND_PORT", "8081"));
        int queryPort = Integer.parseInt(env("QUERY_PORT", "8082"));
        if (BackupCommand.handles(options)) {
            System.exit(BackupCommand.run(options, home, dbPort));
        }

        String externalUrl = System.getenv("DATABASE_URL");
        EmbeddedDatabase database = null;
        String jdbcUrl = externalUrl;
        if (externalUrl == null) {
            say("starting embedded PostgreSQL on port " + dbPort + " (data in " + home.resolve("pgdata") + ")");
            database = EmbeddedDatabase.start(home.resolve("pgdata"), dbPort);
            jdbcUrl = database.jdbcUrl();
        }
        Map<String, String> environment = Map.of(
                "DATABASE_URL", jdbcUrl,
                "DATABASE_USER", env("DATABASE_USER", "postgres"),
                "DATABASE_PASSWORD", env("DATABASE_PASSWORD", ""),
                "LUODI_SECURITY_DEMO_ACCOUNTS", env("LUODI_SECURITY_DEMO_ACCOUNTS", "true"));

        say("starting command side and query side (logs in " + home.resolve("logs") + ")");
        SideProcess commandSide = SideProcess.start("command-side", jar(root, "command-side"), commandPort,
                environment, home.resolve("logs"), "-Xmx512m");
        Map<String, String> queryEnvironment = new java.util.HashMap<>(environment);
        queryEnvironment.put("LUODI_COMMAND_SIDE_URL", commandSide.url());
        SideProcess querySide = SideProcess.start("query-side", jar(root, "query-side"), queryPort, queryEnvironment,
                home.resolve("logs"), "-Xmx768m");
        EmbeddedDatabase db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(querySide, commandSide, db)));

        commandSide.awaitHealthy(Duration.ofMinutes(3));
        querySide.awaitHealthy(Duration.ofMinutes(3));
        if (options.contains("--demo")) {
            say("recording the simulated 2024 of 大冶 through the command API …");
            int written = new DemoData(commandSide.url()).load();
            say("demo data: " + written + " commands recorded");
        }
        say("");
        say("落地 Luodi is running.");
        say("  web UI and query API  " + querySide.url() + "/");
        say("  command API           " + commandSide.url() + "/api/projects");
        say("  sign in as supervisor/supervisor, or a township clerk such as gaoxin/gaoxin");
        say("Press Ctrl-C to stop.");
        querySide.process().waitFor();
        commandSide.process().waitFor();
    }

    private static Path jar(Path root, String module) {
        return root.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    private static void stopAll(SideProcess querySide, SideProcess commandSide, EmbeddedDatabase database) {
        try {
            querySide.close();
            commandSide.close();
            if (database != null) {
                database.close();
            }
            say("stopped.");
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
