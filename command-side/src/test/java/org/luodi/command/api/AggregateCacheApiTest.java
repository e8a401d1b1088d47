package org.luodi.command.api;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.luodi.events.CompanyRegistered;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Projects stay cached between commands, but another command-side instance may have appended to one since: a
 * command is then decided on the project as stored, never on the cached past (here: another instance recorded the
 * registration, so correcting it must be accepted, where the cached project would refuse "not recorded").
 */
class AggregateCacheApiTest extends CommandSideApiTest {
    @Autowired
    EventStorageEngine storage;
    @Autowired
    @Qualifier("aggregateCache")
    Cache cache;

    @Test
    void aProjectChangedByAnotherInstanceIsDecidedOnItsStoredState() {
        String id = signGaoxinProject();
        // the cache holds projects weakly: should a garbage collection have dropped this one, there is nothing to test
        assumeThat(cache.containsKey(id)).as("project cached after signing").isTrue();

        storage.appendEvents(new GenericDomainEventMessage<>("InvestmentProject", id, 1,
                new CompanyRegistered(id, LocalDate.of(2024, 4, 2), "大冶光谷智能装备有限公司", null, false, false)));

        ApiClient.Answer correction = gaoxin.post("/api/projects/" + id + "/corrections", """
                {"milestone":"REGISTRATION","date":"2024-04-03","reason":"注册日期录错"}""");
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);
        assertThat(eventTypes(id)).containsExactly("ProjectSigned", "CompanyRegistered", "MilestoneCorrected");
    }

    @Test
    void aCachedProjectTakesItsNextCommands() {
        String id = signGaoxinProject();
        assertThat(gaoxin.post("/api/projects/" + id + "/start", """
                {"startedOn":"2024-05-01","kind":"NEW"}""").status()).isEqualTo(200);
        assertThat(gaoxin.post("/api/projects/" + id + "/storage", """
                {"storedOn":"2024-06-10","plannedInvestmentWan":15000.00}""").status()).isEqualTo(200);
        assertThat(eventTypes(id)).containsExactly("ProjectSigned", "ConstructionStarted", "ProjectStored");
    }

    private List<String> eventTypes(String projectId) {
        return jdbc.queryForList("""
                SELECT substring(payload_type from '[^.]+$') FROM domain_event_entry
                WHERE aggregate_identifier = ? ORDER BY sequence_number""", String.class, projectId);
    }
}
