package org.luodi.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command that finds every database connection in use, with the database up, is refused as "busy" (503), not as
 * the database being away, and writes nothing; sent again with its Idempotency-Key once a connection is free, it
 * goes through. A pool of two connections that the test holds stands for a command side at capacity.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=300"})
class BusyPoolApiTest extends CommandSideApiTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aCommandWithoutAFreeConnectionIsRefusedAsBusyAndCanBeSentAgain() throws Exception {
        long before = eventCount();
        String key = UUID.randomUUID().toString();
        ApiClient.Answer refused;
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            refused = gaoxin.post("/api/projects", signing(null), key);
        }
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("detail").asText()).isEqualTo("系统繁忙，请稍后重试");
        assertThat(problem.path("code").asText()).isEqualTo("server.busy");
        assertThat(eventCount()).as("events after the refusal").isEqualTo(before);

        ApiClient.Answer again = gaoxin.post("/api/projects", signing(null), key);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.replayed()).as("nothing of the refused attempt was kept to replay").isFalse();
        assertThat(eventCount()).isEqualTo(before + 1);
    }
}
