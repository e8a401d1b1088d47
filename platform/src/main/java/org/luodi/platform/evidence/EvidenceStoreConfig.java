package org.luodi.platform.evidence;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/**
 * Chooses the {@link EvidenceStore} by {@code luodi.evidence.store}: {@code postgres} (default) or {@code s3}, with
 * {@code luodi.evidence.s3.endpoint}, {@code bucket}, {@code region}, {@code access-key} and {@code secret-key}
 * (environment EVIDENCE_S3_*; docker-compose.yml sets them for its MinIO). Path-style addressing, as MinIO and most
 * S3-compatible stores on an intranet want (no per-bucket DNS names).
 */
@Configuration
public class EvidenceStoreConfig {

    @Bean
    @ConditionalOnProperty(name = "luodi.evidence.store", havingValue = "postgres", matchIfMissing = true)
    EvidenceStore postgresEvidenceStore(JdbcTemplate jdbc) {
        return new PostgresEvidenceStore(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "luodi.evidence.store", havingValue = "s3")
    EvidenceStore s3EvidenceStore(@Value("${luodi.evidence.s3.endpoint}") String endpoint,
                                  @Value("${luodi.evidence.s3.bucket:luodi-evidence}") String bucket,
                                  @Value("${luodi.evidence.s3.region:us-east-1}") String region,
                                  @Value("${luodi.evidence.s3.access-key}") String accessKey,
                                  @Value("${luodi.evidence.s3.secret-key}") String secretKey) {
        return new S3EvidenceStore(s3Client(endpoint, region, accessKey, secretKey), bucket);
    }

    /** The client as the S3 store uses it; also what its test points at a local stub. */
    public static S3Client s3Client(String endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true)
                .build();
    }
}
