package org.luodi.system.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client threads that each send commands in a loop until {@link #stop()} or until they have sent their share; a
 * short pause between commands keeps the load steady and bounded on a small machine. Each thread has its own seeded
 * {@link Random}, so a run's mix is repeatable.
 */
final class Load {
    /** What one client thread does in one round. */
    interface Step {
        void run(int thread, int round, Random random) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Load() {
    }

    /** Starts {@code threads} clients, each doing at most {@code roundsPerThread} rounds, pausing between them. */
    static Load start(int threads, int roundsPerThread, Duration pause, Step step) {
        Load load = new Load();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                Random random = new Random(7919L * (thread + 1));
                try {
                    for (int round = 0; round < roundsPerThread && !load.stopped.get(); round++) {
                        step.run(thread, round, random);
                        load.rounds.incrementAndGet();
                        if (!pause.isZero()) {
                            Thread.sleep(pause.toMillis());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    load.failure.compareAndSet(null, e);
                }
            }, "load-" + t);
            load.threads.add(worker);
            worker.start();
        }
        return load;
    }

    int rounds() {
        return rounds.get();
    }

    void stop() {
        stopped.set(true);
    }

    /** Waits for every client thread; rethrows the first failure of a client. */
    void join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                stop();
                throw new AssertionError("load did not finish within " + timeout);
            }
        }
        if (failure.get() != null) {
            throw new AssertionError("a load client failed", failure.get());
        }
    }
}
