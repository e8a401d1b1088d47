package org.luodi.platform.evidence;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The default store: table evidence_blob (platform migration V110) in Luodi's own database, so the embedded
 * installation needs nothing more. The upload streams into the row from its temporary file (the driver sends the
 * stream, it is not read whole first); reading gives the row's bytes, at most the 20 MiB an upload may have.
 */
public class PostgresEvidenceStore implements EvidenceStore {
    private final JdbcTemplate jdbc;

    public PostgresEvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String sha256, Path file, long size) throws IOException {
        if (held(sha256)) {
            return; // the same bytes again: nothing to send
        }
        try (InputStream in = Files.newInputStream(file)) {
            jdbc.update(connection -> {
                var insert = connection.prepareStatement("INSERT INTO evidence_blob (sha256, size, content) "
                        + "VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
                insert.setString(1, sha256);
                insert.setLong(2, size);
                insert.setBinaryStream(3, in, size);
                return insert;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        List<byte[]> content = jdbc.query("SELECT content FROM evidence_blob WHERE sha256 = ?",
                (row, i) -> row.getBytes(1), sha256);
        return content.isEmpty() ? Optional.empty() : Optional.of(new ByteArrayInputStream(content.get(0)));
    }

    private boolean held(String sha256) {
        return !jdbc.queryForList("SELECT 1 FROM evidence_blob WHERE sha256 = ?", Integer.class, sha256).isEmpty();
    }
}
