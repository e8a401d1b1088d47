package org.luodi.platform.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the bytes of 实证 files live, by their SHA-256 (#19): the command side puts a file once it has been received
 * and checked, before the event that names it is sent; the query side opens it to serve it, and checks the bytes
 * against the hash the event recorded. Content-addressed, so the same bytes are kept once and a stored file never
 * changes. {@code luodi.evidence.store} chooses: {@code postgres} (default, {@link PostgresEvidenceStore}) or
 * {@code s3} ({@link S3EvidenceStore}, an S3-compatible object store such as MinIO).
 */
public interface EvidenceStore {
    /** Keeps {@code file}'s {@code size} bytes under {@code sha256} (lower-case hex); nothing when already held. */
    void put(String sha256, Path file, long size) throws IOException;

    /** The bytes kept under {@code sha256}, or empty when none are; the caller closes the stream. */
    Optional<InputStream> open(String sha256) throws IOException;
}
