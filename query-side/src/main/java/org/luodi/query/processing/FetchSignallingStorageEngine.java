package org.luodi.query.processing;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's JDBC storage engine, which runs an action each time the embedded event store's poller has put a newly read
 * event into its cache. With {@code luodi.processing.wake=notify} that action wakes the processors' coordinators: a
 * notification only makes the poller read, and only once it has read is there something for them to see.
 * <p>
 * The poller is the one reader that asks for a stream that may block ({@code mayBlock}); a processor catching up on
 * its own (a rebuild) reads with {@code mayBlock=false} and signals nothing, so that it does not wake every other
 * processor once per event.
 */
final class FetchSignallingStorageEngine extends JdbcEventStorageEngine {
    private volatile Runnable afterEachPolledEvent = () -> {
    };

    FetchSignallingStorageEngine(Builder builder) {
        super(builder);
    }

    void afterEachPolledEvent(Runnable action) {
        this.afterEachPolledEvent = action;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken from, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(from, mayBlock);
        return mayBlock ? signalling(events) : events;
    }

    private <T> Stream<T> signalling(Stream<T> events) {
        Spliterator<T> each = events.spliterator();
        Spliterator<T> signalled = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (!each.tryAdvance(action)) {
                    return false;
                }
                afterEachPolledEvent.run(); // the action, the store caching the event, has run
                return true;
            }
        };
        return StreamSupport.stream(signalled, false).onClose(events::close);
    }
}
