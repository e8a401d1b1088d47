package org.luodi.platform.evidence;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An S3-compatible object store (MinIO in docker-compose.yml) through the AWS SDK: one object per file, named
 * {@code evidence/<sha256>} in the configured bucket. Put is skipped when the object exists; the SDK streams the
 * temporary file, never reading it whole.
 */
public class S3EvidenceStore implements EvidenceStore {
    private static final String PREFIX = "evidence/";

    private final S3Client s3;
    private final String bucket;

    public S3EvidenceStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String key(String sha256) {
        return PREFIX + sha256;
    }

    @Override
    public void put(String sha256, Path file, long size) throws IOException {
        try {
            if (exists(sha256)) {
                return;
            }
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(sha256)).contentLength(size)
                    .contentType("application/octet-stream").build(), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            throw new IOException("object store refused " + key(sha256) + ": " + e.statusCode(), e);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(key(sha256))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("object store refused " + key(sha256) + ": " + e.statusCode(), e);
        }
    }

    private boolean exists(String sha256) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
