package org.luodi.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.luodi.events.FundsArrived;
import org.luodi.events.ProjectEvent;
import org.luodi.events.SourceRegion;
import org.luodi.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.luodi.query.SampleEvents.newId;
import static org.luodi.query.SampleEvents.on;
import static org.luodi.query.SampleEvents.signed;

/**
 * An event delivered again (a segment split or merged, a token moved back by hand) leaves project_event as it was:
 * the projection appends with COPY, which has no ON CONFLICT, so it must leave such events out itself.
 */
class HistoryRedeliveryTest extends QuerySideTest {
    @Autowired
    HistoryProjection projection;

    @Test
    void eventsDeliveredAgainAreLeftOut() {
        String id = newId();
        events().byClerk("gaoxin", signed(id, "gaoxin", "重放项目", LocalDate.of(2024, 3, 1)), on("2024-03-02"));
        events().byClerk("gaoxin", new FundsArrived(id, 1, LocalDate.of(2024, 4, 1), SourceRegion.IN_PROVINCE,
                new BigDecimal("120.5"), null), on("2024-04-02"));
        awaitProcessed();
        List<Map<String, Object>> rows = rows(id);
        assertThat(rows).hasSize(2);

        eventStore.readEvents(id).asStream().forEach(this::deliverAgain);

        assertThat(rows(id)).isEqualTo(rows);
    }

    private void deliverAgain(DomainEventMessage<?> message) {
        projection.on((ProjectEvent) message.getPayload(), message, message.getSequenceNumber(),
                message.getMetaData(), message.getTimestamp());
    }

    private List<Map<String, Object>> rows(String projectId) {
        return jdbc.queryForList("SELECT * FROM project_event WHERE project_id = ? ORDER BY global_index", projectId);
    }
}
