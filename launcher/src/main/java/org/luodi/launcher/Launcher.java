package org.luodi.launcher;

import org.luodi.launcher.demo.DemoData;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./luodi [--demo]}: an embedded PostgreSQL with its data in {@code .luodi/pgdata}, the command side on 8081
 * and the query side (API and web UI) on 8082, each in its own JVM as in production; Ctrl-C stops all three.
 * With {@code --demo}, a simulated 2024 of 大冶 is recorded through the real command API first.
 */
public final class Launcher {
    /** The sides' logs go to files that people open in editors: no ANSI colour codes in them. */
    private static final String PLAIN_LOGS = "-Dspring.output.ansi.enabled=never";

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
            say("启动内置 PostgreSQL (starting embedded PostgreSQL) on port " + dbPort + ", data in "
                    + home.resolve("pgdata") + " …");
            database = EmbeddedDatabase.start(home.resolve("pgdata"), dbPort);
            jdbcUrl = database.jdbcUrl();
        }
        Map<String, String> environment = Map.of(
                "DATABASE_URL", jdbcUrl,
                "DATABASE_USER", env("DATABASE_USER", "postgres"),
                "DATABASE_PASSWORD", env("DATABASE_PASSWORD", ""),
                "LUODI_SECURITY_DEMO_ACCOUNTS", env("LUODI_SECURITY_DEMO_ACCOUNTS", "true"));

        say("启动命令端和查询端 (starting the command side on :" + commandPort + " and the query side on :" + queryPort
                + "; their logs in " + home.resolve("logs") + ") …");
        Map<String, String> commandEnvironment = new HashMap<>(environment);
        commandEnvironment.put("LUODI_UI_URL", "http://localhost:" + queryPort + "/");
        SideProcess commandSide = SideProcess.start("command-side", SideProcess.jar(root, "command-side"), commandPort,
                commandEnvironment, home.resolve("logs"), "-Xmx512m", PLAIN_LOGS);
        Map<String, String> queryEnvironment = new HashMap<>(environment);
        queryEnvironment.put("LUODI_COMMAND_SIDE_URL", commandSide.url());
        SideProcess querySide = SideProcess.start("query-side", SideProcess.jar(root, "query-side"), queryPort,
                queryEnvironment, home.resolve("logs"), "-Xmx768m", PLAIN_LOGS);
        EmbeddedDatabase db = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(querySide, commandSide, db)));

        commandSide.awaitHealthy(Duration.ofMinutes(6));
        say("  命令端已就绪 (command side up) at " + commandSide.url());
        querySide.awaitHealthy(Duration.ofMinutes(6));
        say("  查询端已就绪 (query side up) at " + querySide.url());
        if (options.contains("--demo")) {
            say("录入演示数据 (recording the simulated 2024 of 大冶 through the command API) …");
            int written = new DemoData(commandSide.url()).load((done, total) -> {
                if (done % 25 == 0 || done == total) {
                    say("  " + done + " / " + total + " 个项目 (projects)");
                }
            });
            say("演示数据已录入 (demo data recorded): " + written + " commands");
        }
        say("");
        say("落地 Luodi 已启动 (is running).");
        say("  网页界面和查询接口 (web UI, query API)  " + querySide.url() + "/");
        say("  命令接口 (command API)                " + commandSide.url() + "/api/projects");
        say("  健康检查 (health)                     " + querySide.url() + "/actuator/health");
        say("  登录 (sign in): supervisor/supervisor，或乡镇账号 (or a township clerk) gaoxin/gaoxin …，"
                + "或部门账号 (or a department of 附件2) dept07/dept07 …");
        say("按 Ctrl-C 停止 (press Ctrl-C to stop).");
        querySide.process().waitFor();
        commandSide.process().waitFor();
    }

    private static void stopAll(SideProcess querySide, SideProcess commandSide, EmbeddedDatabase database) {
        try {
            querySide.close();
            commandSide.close();
            if (database != null) {
                database.close();
            }
            say("已停止 (stopped).");
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
