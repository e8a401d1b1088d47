package org.luodi.launcher;

import org.luodi.events.Sha256;
import org.postgresql.PGConnection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code ./luodi backup FILE}: one consistent snapshot of every kept table (see {@link BackupTables}) into one zip
 * file, taken while Luodi runs. All tables are read in a single REPEATABLE READ, READ ONLY transaction, so the file
 * holds exactly what was committed at one instant: an event and the Idempotency-Key answer committed with it are
 * both in, or both out. Writers are never blocked (PostgreSQL's snapshots need no locks beyond ACCESS SHARE).
 * The file is written beside its final name and moved there when complete, so a half-written backup never carries
 * the name.
 */
public final class Backup {
    private Backup() {
    }

    /** Writes the backup of the database behind {@code connection} to {@code file}; returns its manifest. */
    public static BackupManifest write(Connection connection, Path file) throws IOException, SQLException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            // the snapshot is taken by the transaction's first query, so every later read sees the same instant
            long lastGlobalIndex = single(connection, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
            String schemaVersion = schemaVersion(connection);
            String snapshot = text(connection, "SELECT pg_current_snapshot()::text");
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (Map.Entry<String, List<String>> table : BackupTables.kept(connection).entrySet()) {
                tables.add(copyOut(connection, zip, table.getKey(), table.getValue()));
            }
            connection.commit();
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, BackupManifest.VERSION,
                    Instant.now().toString(), schemaVersion, lastGlobalIndex, snapshot, tables);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            out.flush();
            zip.close();
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            connection.rollback();
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            connection.setReadOnly(false);
            connection.setAutoCommit(autoCommit);
        }
    }

    private static BackupManifest.Table copyOut(Connection connection, ZipOutputStream zip, String table,
                                                List<String> columns) throws IOException, SQLException {
        String entry = "tables/" + table + ".copy";
        zip.putNextEntry(new ZipEntry(entry));
        MessageDigest sha256 = Sha256.digest();
        // the zip stream must stay open after each entry: the COPY writes through a shield that does not close it
        OutputStream shielded = new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        long rows;
        try (DigestOutputStream digesting = new DigestOutputStream(shielded, sha256)) {
            rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "COPY " + quoted(table) + " (" + String.join(", ", columns.stream().map(Backup::quoted).toList())
                            + ") TO STDOUT", digesting);
        }
        zip.closeEntry();
        return new BackupManifest.Table(table, columns, rows, HexFormat.of().formatHex(sha256.digest()), entry);
    }

    static String schemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                     + " ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static long single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

}
