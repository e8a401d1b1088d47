package org.luodi.system.resilience;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls until something holds, for a bounded time; the last value seen goes into the failure message. */
final class Await {
    private Await() {
    }

    /** Polls {@code probe} every {@code every} until {@code done} holds; returns that value. */
    static <T> T until(String what, Duration timeout, Duration every, Callable<T> probe, Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                lastFailure = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("not within " + timeout + ": " + what + "; last seen: "
                        + (lastFailure != null ? lastFailure : last));
                if (lastFailure != null) {
                    error.initCause(lastFailure);
                }
                throw error;
            }
            Thread.sleep(every.toMillis());
        }
    }

    /** Milliseconds since {@code startNanos} (a {@code System.nanoTime()} value). */
    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
