package org.luodi.query.stats;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.luodi.platform.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.time.LocalDate;

/**
 * The whole query side over HTTP, on an empty database of its own per test class (so that hand-computed numbers
 * are not disturbed by another class's projects), with one segment per processor so that waiting for a projection
 * is waiting for one token, and a clock the test sets (it stamps target changes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "luodi.processing.segments=1")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@Import(QuerySideTest.TestClock.class)
public abstract class QuerySideTest {
    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;

    protected Recorder recorder;

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        @Primary
        public MutableClock testClock() {
            return MutableClock.on(LocalDate.of(2026, 1, 15));
        }
    }

    @BeforeEach
    void newRecorder() {
        recorder = new Recorder(eventStore, jdbc);
    }

    protected Api as(String username) {
        return Api.as(port, username);
    }

    protected Api supervisor() {
        return as("supervisor");
    }
}
