package org.luodi.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Axon's coordinator relies on these callbacks once it is told they exist: they must keep coming until closed. */
class WakingEventSourceTest {
    @SuppressWarnings("unchecked")
    private final StreamableMessageSource<TrackedEventMessage<?>> store = mock(StreamableMessageSource.class);
    private final WakingEventSource source = new WakingEventSource(store, 5);

    WakingEventSourceTest() {
        when(store.openStream(any())).thenAnswer(invocation -> mock(BlockingStream.class));
    }

    @AfterEach
    void stopAlarm() {
        source.close();
    }

    @Test
    void aStreamOffersCallbacksAndWakesItsCoordinatorUntilClosed() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        CountDownLatch woken = new CountDownLatch(3);
        AtomicInteger calls = new AtomicInteger();

        assertThat(stream.setOnAvailableCallback(() -> {
            calls.incrementAndGet();
            woken.countDown();
        })).isTrue();
        assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();

        stream.close();
        Thread.sleep(20); // a wake already under way may still finish
        int afterClose = calls.get();
        Thread.sleep(100); // twenty intervals
        assertThat(calls.get()).isEqualTo(afterClose);
    }

    @Test
    void aCallbackThatThrowsDoesNotSilenceTheOthers() throws InterruptedException {
        source.openStream(null).setOnAvailableCallback(() -> {
            throw new IllegalStateException("coordinator shutting down");
        });
        CountDownLatch woken = new CountDownLatch(3);
        source.openStream(null).setOnAvailableCallback(woken::countDown);

        assertThat(woken.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
