package org.luodi.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.util.List;

/**
 * The first entry of a backup file ({@code manifest.json}): what it holds and how to check it. Each kept table is
 * one entry in PostgreSQL's COPY text format, with its columns (so that a later schema with more columns still
 * loads it), its row count and the SHA-256 of the entry's bytes.
 *
 * @param format        always {@link #FORMAT}
 * @param version       the file format's version, {@link #VERSION}
 * @param createdAt     when the snapshot was taken (UTC, ISO-8601)
 * @param schemaVersion the highest Flyway migration applied to the source database
 * @param lastGlobalIndex the highest {@code global_index} in the snapshot (0 for an empty store)
 * @param snapshot      PostgreSQL's {@code pg_current_snapshot()} of the backup's transaction ({@code xmin:xmax:xip}):
 *                      which transactions' rows it holds, for an exact comparison with the source
 * @param tables        the kept tables, in the order they were written
 */
public record BackupManifest(String format, int version, String createdAt, String schemaVersion,
                             long lastGlobalIndex, String snapshot, List<Table> tables) {
    public static final String FORMAT = "luodi-backup";
    public static final int VERSION = 1;
    public static final String ENTRY = "manifest.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Table(String name, List<String> columns, long rows, String sha256, String entry) {
    }

    byte[] toJson() throws IOException {
        return JSON.writeValueAsBytes(this);
    }

    static BackupManifest fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, BackupManifest.class);
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
