package org.luodi.command;

import org.junit.jupiter.api.Test;
import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class SmokeSignTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signs() {
        var answer = RestClient.create("http://localhost:" + port).post().uri("/api/projects")
                .headers(h -> h.setBasicAuth("gaoxin", "gaoxin"))
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name":"光谷智能装备产业园","investor":"武汉某公司","township":"gaoxin","industryChain":"smart-equipment",
                         "industrial":true,"contractAmountWan":12000.50,"sourceRegion":"OUT_OF_PROVINCE","signedOn":"2024-03-15"}""")
                .retrieve().toEntity(String.class);
        System.out.println(answer);
        System.out.println(jdbc.queryForList("SELECT convert_from(payload,'UTF8') p, convert_from(meta_data,'UTF8') m, payload_type, payload_revision, time_stamp FROM domain_event_entry"));
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
    }
}
