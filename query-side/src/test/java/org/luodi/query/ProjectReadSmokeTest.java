package org.luodi.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.luodi.events.ConstructionStarted;
import org.luodi.events.ProjectSigned;
import org.luodi.events.SourceRegion;
import org.luodi.events.StartKind;
import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class ProjectReadSmokeTest {
    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void reads() throws Exception {
        RecordedEvents events = new RecordedEvents(eventStore);
        String id = UUID.randomUUID().toString();
        events.byClerk("gaoxin", new ProjectSigned(id, "项目", "投资方", "gaoxin", "smart-equipment", true,
                new BigDecimal("12000.50"), SourceRegion.IN_PROVINCE, LocalDate.of(2024, 3, 1), null),
                Instant.parse("2024-03-02T01:00:00Z"));
        events.byClerk("gaoxin", new ConstructionStarted(id, LocalDate.of(2024, 5, 1), StartKind.NEW),
                Instant.parse("2024-05-02T01:00:00Z"));
        Thread.sleep(1500);
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth("supervisor", "supervisor")).build();
        System.out.println(client.get().uri("/api/projects").retrieve().body(String.class));
        System.out.println(client.get().uri("/api/projects/" + id + "?asOf=2024-04-01").retrieve().body(String.class));
        System.out.println(client.get().uri("/api/projects/" + id + "/history").retrieve().body(String.class));
        System.out.println(client.get().uri("/api/audit?actor=gaoxin").retrieve().body(String.class));
    }
}
