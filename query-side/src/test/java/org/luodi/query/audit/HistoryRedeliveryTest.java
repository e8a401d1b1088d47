package org.luodi.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.luodi.events.AttributesCorrected;
import org.luodi.events.FundsArrived;
import org.luodi.events.ProjectAttributes;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.luodi.events.SourceRegion;
import org.luodi.query.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * Each row keeps the project's township after its event, a move (更正项目信息) included, also when rows are
     * written again after they were lost: the township before them is then read from the table, not from what this
     * instance remembers of events written later.
     */
    @Test
    void rowsWrittenAgainAfterAMoveKeepTheTownshipOfTheirTime() {
        String id = newId();
        ProjectSigned signing = signed(id, "gaoxin", "移交项目", LocalDate.of(2024, 3, 1));
        events().byClerk("gaoxin", signing, on("2024-03-02"));
        events().byClerk("gaoxin", funds(id, 1), on("2024-04-02"));
        ProjectAttributes moved = new ProjectAttributes(signing.name(), signing.investor(), "chengui",
                signing.industryChain(), signing.industrial(), signing.sourceRegion(), signing.contractAmountWan(),
                null, Set.of(), Set.of());
        events().bySupervisor(new AttributesCorrected(id, signing.attributes(), moved, "项目落在陈贵镇"),
                on("2024-04-10"), "项目落在陈贵镇");
        events().byClerk("chengui", funds(id, 2), on("2024-05-02"));
        awaitProcessed();
        assertThat(townships(id)).containsExactly("gaoxin", "gaoxin", "chengui", "chengui");

        // lost after the move was written: the first of them is 高新区's, though the last thing written is 陈贵镇's
        jdbc.update("DELETE FROM project_event WHERE project_id = ? AND sequence_number > 0", id);
        eventStore.readEvents(id).asStream().forEach(this::deliverAgain);
        assertThat(townships(id)).containsExactly("gaoxin", "gaoxin", "chengui", "chengui");
    }

    private static FundsArrived funds(String projectId, int arrivalNo) {
        return new FundsArrived(projectId, arrivalNo, LocalDate.of(2024, 4, arrivalNo), SourceRegion.IN_PROVINCE,
                new BigDecimal("100"), null);
    }

    private List<String> townships(String projectId) {
        return jdbc.queryForList("SELECT project_township FROM project_event WHERE project_id = ? "
                + "ORDER BY sequence_number", String.class, projectId);
    }

    private void deliverAgain(DomainEventMessage<?> message) {
        projection.on((ProjectEvent) message.getPayload(), message, message.getSequenceNumber(),
                message.getMetaData(), message.getTimestamp());
    }

    private List<Map<String, Object>> rows(String projectId) {
        return jdbc.queryForList("SELECT * FROM project_event WHERE project_id = ? ORDER BY global_index", projectId);
    }
}
