package org.luodi.query.processing;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.luodi.query.QuerySideTest;
import org.luodi.query.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;

/**
 * luodi.processing.wake=notify, with every other way of noticing new events a minute apart: the store's fallback
 * poll, the coordinators' own look for work and their alarm. An event appended by another writer (as the command side
 * does, unseen by this process's event store) that is projected within seconds can only have come through PostgreSQL's
 * notification, the store reading at once and the coordinators being woken by what it read.
 */
@TestPropertySource(properties = {
        "luodi.processing.wake=notify",
        "luodi.processing.notify-fallback-ms=60000",
        "luodi.processing.token-claim-interval-ms=60000",
        "luodi.processing.claim-extension-threshold-ms=60000"})
class NotifyWakeTest extends QuerySideTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @Autowired
    EventStorageEngine storageEngine;

    private EmbeddedEventStore otherWriter;
    private RecordedEvents othersEvents;

    @BeforeEach
    void anotherWriter() {
        otherWriter = EmbeddedEventStore.builder().storageEngine(storageEngine).build();
        othersEvents = new RecordedEvents(otherWriter);
        awaitProcessed();
    }

    @AfterEach
    void stopWriter() {
        otherWriter.shutDown();
    }

    @Test
    void anEventAppendedElsewhereIsProjectedPromptly() {
        assertProjectedPromptly(appendSigning());
    }

    @Test
    void afterItsConnectionIsKilledTheListenerListensAgainAndEventsStillArrivePromptly() throws InterruptedException {
        int killed = awaitListeningBackend(-1);
        assertThat(jdbc.queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, killed)).isTrue();

        awaitListeningBackend(killed);
        assertProjectedPromptly(appendSigning());
    }

    private String appendSigning() {
        String id = newId();
        othersEvents.byClerk("gaoxin", signed(id, "gaoxin", "通知" + id.substring(0, 4), LocalDate.of(2024, 5, 1)),
                on("2024-05-02"));
        return id;
    }

    private void assertProjectedPromptly(String projectId) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < PROMPTLY.toNanos()) {
            Integer versions = jdbc.queryForObject("SELECT count(*) FROM project_version WHERE project_id = ?",
                    Integer.class, projectId);
            if (versions > 0) {
                return;
            }
            sleep(10);
        }
        throw new AssertionError("project " + projectId + " not projected within " + PROMPTLY
                + " (the fallback poll is a minute away)");
    }

    /** The backend of the listening connection once it has issued its LISTEN and waits; not {@code other}. */
    private int awaitListeningBackend(int other) {
        long deadline = System.nanoTime() + PROMPTLY.toNanos();
        while (System.nanoTime() < deadline) {
            List<Integer> pids = jdbc.queryForList("""
                    SELECT pid FROM pg_stat_activity
                     WHERE datname = current_database() AND application_name = 'luodi-query-listener'
                       AND query = 'LISTEN luodi_events' AND state = 'idle' AND pid <> ?""", Integer.class, other);
            if (pids.size() == 1) {
                return pids.get(0);
            }
            sleep(20);
        }
        throw new AssertionError("no connection listening on luodi_events within " + PROMPTLY);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
