package org.luodi.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.luodi.platform.testing.EmbeddedPostgresInitializer;
import org.luodi.platform.testing.MutableClock;
import org.luodi.query.processing.ProcessingProgress;
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
 * are not disturbed by another class's projects), and a clock the test sets (it stamps target changes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@Import(IsolatedQuerySideTest.TestClock.class)
public abstract class IsolatedQuerySideTest {
    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ProcessingProgress progress;

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
        recorder = new Recorder(eventStore, progress);
    }

    protected ApiClient as(String username) {
        return new ApiClient(port, username);
    }

    protected ApiClient supervisor() {
        return as("supervisor");
    }
}
