package org.luodi.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code ./luodi backup FILE} and {@code ./luodi restore FILE}, for an office that runs Luodi on one machine. A
 * backup reads the running database (the embedded one on its port, or {@code DATABASE_URL}); when nothing answers
 * there, it starts the embedded server on the data folder for the time of the backup. A restore writes only into an
 * empty data folder; the next {@code ./luodi} rebuilds every read model from the restored events.
 */
final class BackupCommand {
    private BackupCommand() {
    }

    static boolean handles(List<String> args) {
        return !args.isEmpty() && (args.get(0).equals("backup") || args.get(0).equals("restore"));
    }

    /** Runs the command; returns the process's exit code. */
    static int run(List<String> args, Path home, int dbPort) {
        if (args.size() != 2) {
            System.err.println("用法 (usage): ./luodi backup FILE   |   ./luodi restore FILE");
            return 2;
        }
        Path file = Path.of(args.get(1)).toAbsolutePath();
        try {
            BackupManifest manifest = args.get(0).equals("backup") ? backup(file, home, dbPort)
                    : restore(file, home.resolve("pgdata"), dbPort);
            System.out.println(summary(manifest));
            return 0;
        } catch (Restore.RestoreRefused e) {
            System.err.println("恢复未进行 (restore refused): " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println(args.get(0) + " 失败 (failed): " + e);
            return 1;
        }
    }

    private static BackupManifest backup(Path file, Path home, int dbPort) throws Exception {
        String external = System.getenv("DATABASE_URL");
        String url = external != null && !external.isBlank() ? external
                : "jdbc:postgresql://localhost:" + dbPort + "/" + EmbeddedDatabase.DATABASE;
        String user = env("DATABASE_USER", "postgres");
        String password = env("DATABASE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            System.out.println("正在备份 " + url + " 到 " + file + " …");
            return Backup.write(connection, file);
        } catch (SQLException unreachable) {
            Path data = home.resolve("pgdata");
            if (external != null || unreachable.getSQLState() == null || !unreachable.getSQLState().startsWith("08")
                    || !Files.isDirectory(data)) {
                throw unreachable;
            }
        }
        // Luodi is not running: the embedded server is started on its data folder just for the backup
        System.out.println("落地未在运行：临时启动数据库 (" + data(home) + ") 进行备份 …");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(home.resolve("pgdata"), dbPort);
             Connection connection = database.connect()) {
            return Backup.write(connection, file);
        }
    }

    private static BackupManifest restore(Path file, Path data, int dbPort) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new Restore.RestoreRefused("找不到备份文件 " + file + " (no such file)");
        }
        if (System.getenv("DATABASE_URL") != null) {
            throw new Restore.RestoreRefused("DATABASE_URL 已设置：外部 PostgreSQL 请用 pg_restore 或其自身的恢复手段；"
                    + "此命令只恢复内置数据库 (restore is for the embedded database only)");
        }
        System.out.println("正在把 " + file + " 恢复到 " + data + " …");
        BackupManifest manifest = Restore.intoEmptyFolder(file, data, dbPort);
        System.out.println("恢复完成。下次 ./luodi 启动时，查询端会从第一个事件起重建全部读模型（需要一些时间）。");
        return manifest;
    }

    private static String summary(BackupManifest manifest) {
        return "事件至 global_index " + manifest.lastGlobalIndex() + "；各表行数: " + manifest.tables().stream()
                .map(t -> t.name() + " " + t.rows()).collect(Collectors.joining(", "));
    }

    private static Path data(Path home) {
        return home.resolve("pgdata");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
