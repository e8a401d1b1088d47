package org.luodi.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
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
import org.springframework.test.context.ContextConfiguration;

import java.time.LocalDate;

/**
 * The query side on a real (embedded) PostgreSQL, with a clock the test moves. Test classes that extend this and add
 * no configuration of their own share one Spring context and one database: give every project a fresh id (and
 * filter lists by something unique to the test) rather than assume an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "luodi.alerts.push.check-interval=100ms",
        "luodi.alerts.push.poll-interval=100ms",
        "luodi.warnings.ladder-refresh-ms=3600000"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(QuerySideTest.TestClock.class)
public abstract class QuerySideTest {
    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected ProcessingProgress progress;
    @Autowired
    protected JdbcTemplate jdbc;

    /** Writes events as the command side would; one per test instance, so per test method. */
    protected RecordedEvents events() {
        if (events == null) {
            events = new RecordedEvents(eventStore);
        }
        return events;
    }

    private RecordedEvents events;

    protected ApiClient as(String username) {
        return new ApiClient(port, username);
    }

    /** Returns once every read model has handled every event recorded so far. */
    protected void awaitProcessed() {
        ProcessingWait.untilCaughtUp(progress);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return MutableClock.on(LocalDate.of(2025, 1, 1));
        }
    }
}
