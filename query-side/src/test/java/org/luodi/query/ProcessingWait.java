package org.luodi.query;

import org.luodi.query.processing.ProcessingProgress;

import java.time.Duration;

/** Waits exactly as long as the read models need: until every processor has reached the event store's head. */
public final class ProcessingWait {
    private ProcessingWait() {
    }

    public static void untilCaughtUp(ProcessingProgress progress) {
        untilCaughtUp(progress, Duration.ofSeconds(30));
    }

    public static void untilCaughtUp(ProcessingProgress progress, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!progress.allCaughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("read models not caught up after " + timeout + ": " + progress.all());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the read models", e);
            }
        }
    }
}
