package org.luodi.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the pooled processors see it, with streams that wake their coordinator every
 * {@code wakeIntervalMs}, and whenever {@link #wakeAll()} is called ({@link Wake}). When caught up, Axon's coordinator looks at its stream again only after 500 ms unless the
 * stream offers to call it back when events arrive; the embedded event store's streams cannot, so every new event
 * waited a quarter of a second on average before a projection saw it (SPEC's alerts and rates read stale). A woken
 * coordinator that finds nothing new only peeks at the store's in-memory cache and sleeps again.
 */
final class WakingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WakingEventSource.class);
    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService alarm = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-stream-alarm");
        thread.setDaemon(true);
        return thread;
    });

    WakingEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, long wakeIntervalMs) {
        this.store = store;
        alarm.scheduleWithFixedDelay(this::wakeAll, wakeIntervalMs, wakeIntervalMs, TimeUnit.MILLISECONDS);
    }

    /** Each callback on its own: one that throws (a processor shutting down) would cancel the alarm for good. */
    void wakeAll() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.debug("waking an event stream's coordinator failed", e);
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        return new WakingStream(store.openStream(from));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        alarm.shutdownNow();
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> stream;
        private Runnable callback;

        private WakingStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (this.callback != null) {
                callbacks.remove(this.callback);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            if (callback != null) {
                callbacks.remove(callback);
            }
            stream.close();
        }
    }
}
