package org.luodi.query.processing;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which can be told to read the store now rather than at its next poll. Axon does this
 * itself after events appended by this process commit; the query side appends none, so {@link EventArrivalListener}
 * says when another process did.
 */
final class PromptEventStore extends EmbeddedEventStore {
    PromptEventStore(Builder builder) {
        super(builder);
    }

    void readNow() {
        afterCommit(List.of());
    }
}
