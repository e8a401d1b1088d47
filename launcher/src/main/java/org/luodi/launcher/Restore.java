package org.luodi.launcher;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.luodi.events.Sha256;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code ./luodi restore FILE}: a backup made by {@link Backup} into an empty data folder. Flyway first creates the
 * schema of this version of Luodi (triggers included: the event store stays append-only, and COPY only inserts),
 * then every kept table is loaded with COPY FROM in one transaction, and the sequences are moved past the highest
 * restored id. Read models and processor tokens stay empty, so the query side replays every event at its first
 * start and builds every read model again.
 */
public final class Restore {
    private Restore() {
    }

    /** The manifest of {@code file}, after checking every entry's row count source and SHA-256 against it. */
    public static BackupManifest check(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(BackupManifest.ENTRY);
            if (manifestEntry == null) {
                throw new RestoreRefused(file + " 不是落地的备份文件（缺少 manifest.json） (not a Luodi backup)");
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = BackupManifest.fromJson(in.readAllBytes());
            }
            if (!BackupManifest.FORMAT.equals(manifest.format()) || manifest.version() != BackupManifest.VERSION) {
                throw new RestoreRefused(file + " 的格式 " + manifest.format() + " v" + manifest.version()
                        + " 不能由此版本恢复 (unsupported backup format)");
            }
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.entry());
                if (entry == null) {
                    throw new RestoreRefused("备份文件缺少 " + table.entry() + " (backup file incomplete)");
                }
                MessageDigest sha256 = Sha256.digest();
                try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha256)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256())) {
                    throw new RestoreRefused("备份文件已损坏：" + table.entry() + " 的校验值不符 (SHA-256 mismatch)");
                }
            }
            return manifest;
        }
    }

    /**
     * Restores {@code file} into {@code dataDirectory}, which must be absent or empty: starts the embedded server
     * there on {@code port}, creates the schema, loads the tables, and stops the server again.
     */
    public static BackupManifest intoEmptyFolder(Path file, Path dataDirectory, int port)
            throws IOException, SQLException {
        if (Files.isDirectory(dataDirectory)) {
            try (Stream<Path> entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new RestoreRefused("数据目录 " + dataDirectory + " 不是空的：恢复只写入空目录，不覆盖现有数据。"
                            + "请先停止落地并把该目录移走或改名。 (the data folder is not empty; move it away first)");
                }
            }
        } else if (Files.exists(dataDirectory)) {
            throw new RestoreRefused(dataDirectory + " 不是目录 (not a folder)");
        }
        BackupManifest manifest = check(file);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, port)) {
            migrate(database.jdbcUrl(), "postgres", "");
            try (Connection connection = database.connect()) {
                load(connection, file, manifest);
            }
        }
        return manifest;
    }

    /** Flyway creates the schema of this version of Luodi, from the migrations of platform and both sides. */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure().dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration", "classpath:db/command", "classpath:db/query").load().migrate();
    }

    /**
     * Loads a checked backup into a freshly migrated, empty database behind {@code connection}, in one transaction:
     * either every table is restored or nothing is.
     */
    public static void load(Connection connection, Path file, BackupManifest manifest) throws IOException, SQLException {
        String current = Backup.schemaVersion(connection);
        if (manifest.schemaVersion() != null && (current == null || MigrationVersion.fromVersion(manifest.schemaVersion())
                .compareTo(MigrationVersion.fromVersion(current)) > 0)) {
            throw new RestoreRefused("备份来自更新的落地（数据库版本 " + manifest.schemaVersion() + "，此版本为 " + current
                    + "）：请用不旧于备份的版本恢复 (backup is from a newer schema)");
        }
        Map<String, List<String>> target = BackupTables.kept(connection);
        for (BackupManifest.Table table : manifest.tables()) {
            List<String> columns = target.get(table.name());
            if (columns == null || !columns.containsAll(table.columns())) {
                throw new RestoreRefused("此版本的数据库没有表 " + table.name() + " 或其列 " + table.columns()
                        + " (table or columns missing in this schema)");
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : BackupTables.loadOrder(connection, manifest.tables().stream()
                    .map(BackupManifest.Table::name).toList())) {
                BackupManifest.Table table = manifest.table(name);
                if (Backup.single(connection, "SELECT count(*) FROM " + Backup.quoted(name)) != 0) {
                    throw new RestoreRefused("表 " + name + " 不是空的：只能恢复到新建的数据库 (table not empty)");
                }
                long rows;
                try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
                    rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + Backup.quoted(name)
                            + " (" + String.join(", ", table.columns().stream().map(Backup::quoted).toList())
                            + ") FROM STDIN", in);
                }
                if (rows != table.rows()) {
                    throw new RestoreRefused(name + ": 恢复了 " + rows + " 行，备份记载 " + table.rows() + " 行");
                }
            }
            advanceSequences(connection, manifest);
            connection.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Every sequence behind a restored column moves to the column's highest value, so that the next event gets the
     * global index after the last restored one (gaps the source had stay gaps: indexes are restored as they were).
     */
    private static void advanceSequences(Connection connection, BackupManifest manifest) throws SQLException {
        for (BackupManifest.Table table : manifest.tables()) {
            for (String column : table.columns()) {
                String sequence;
                try (var s = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                    s.setString(1, Backup.quoted(table.name()));
                    s.setString(2, column);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        sequence = rs.getString(1);
                    }
                }
                if (sequence != null) {
                    try (Statement s = connection.createStatement()) {
                        s.execute("SELECT setval('" + sequence.replace("'", "''") + "', coalesce(max("
                                + Backup.quoted(column) + "), 1), max(" + Backup.quoted(column) + ") IS NOT NULL) FROM "
                                + Backup.quoted(table.name()));
                    }
                }
            }
        }
    }

    /** A restore that must not go on, with a message for the person who asked for it. */
    public static final class RestoreRefused extends RuntimeException {
        public RestoreRefused(String message) {
            super(message);
        }
    }
}
