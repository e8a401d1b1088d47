package org.luodi.command.integrity;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.luodi.command.RunningCommandSide;
import org.luodi.events.EventHash;
import org.luodi.events.ProjectTerminated;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage engine stores the bytes {@link HashChain} hashed, without serializing the payload again. */
@RunningCommandSide
class HashedEventTest {
    @Autowired
    private HashChain chain;
    @Autowired
    private Serializer serializer;
    @Autowired
    private EventStorageEngine engine;

    @Test
    void theEngineSerializesWithTheSerializerTheChainHashesWith() {
        assertThat(engine).isInstanceOf(AbstractEventStorageEngine.class);
        assertThat(((AbstractEventStorageEngine) engine).getEventSerializer()).isSameAs(serializer);
    }

    @Test
    void aChainedEventHandsTheHashedBytesToTheEngineAndKeepsEverythingElse() {
        String id = UUID.randomUUID().toString();
        DomainEventMessage<ProjectTerminated> event = new GenericDomainEventMessage<>("InvestmentProject", id, 0,
                new ProjectTerminated(id, LocalDate.of(2024, 5, 1), "投资方撤资"), MetaData.with("actor", "gaoxin"));

        var chained = (DomainEventMessage<?>) chain.handle(List.of(event)).apply(0, event);

        assertThat(chained).isInstanceOf(HashedEvent.class);
        SerializedObject<byte[]> stored = chained.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> fresh = serializer.serialize(event.getPayload(), byte[].class);
        assertThat(stored.getData()).isEqualTo(fresh.getData());
        assertThat(chained.getMetaData().get(EventHash.HASH)).isEqualTo(EventHash.of("", id, 0,
                stored.getType().getName(), stored.getType().getRevision(), stored.getData(),
                chained.getMetaData().withoutKeys(java.util.Set.of(EventHash.PREVIOUS, EventHash.HASH))));
        assertThat(chained.getMetaData()).containsEntry("actor", "gaoxin").containsEntry(EventHash.PREVIOUS, "");
        assertThat(chained.getIdentifier()).isEqualTo(event.getIdentifier());
        assertThat(chained.getTimestamp()).isEqualTo(event.getTimestamp());
        assertThat(chained.getAggregateIdentifier()).isEqualTo(id);
        assertThat(chained.getSequenceNumber()).isZero();
        assertThat(chained.getType()).isEqualTo("InvestmentProject");
        assertThat(chained.getPayload()).isSameAs(event.getPayload());
    }
}
