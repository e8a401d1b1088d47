package org.luodi.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code luodi.audit.seal}: whether this instance seals (several may; one seals at a time), how long a missing
 * global index may stay missing before it counts as never coming (it is then sealed as absent; the same slack
 * bounds how much earlier than already sealed events a new event may be stamped), and how many global indexes one
 * seal covers at most (a backlog, e.g. after a restore, is sealed in several). The interval is
 * {@code luodi.audit.seal.interval-ms}.
 */
@ConfigurationProperties("luodi.audit.seal")
public record SealProperties(Boolean enabled, Duration grace, Integer maxIndexes) {
    public SealProperties {
        enabled = enabled == null || enabled;
        grace = grace == null ? Duration.ofSeconds(60) : grace;
        maxIndexes = maxIndexes == null ? 5000 : maxIndexes;
    }
}
