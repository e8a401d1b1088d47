package org.luodi.query.alert;

import org.luodi.query.project.ProjectVersionsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides when to sweep: on the first check of every new day of the injected clock (crossings happen at midnight),
 * at the first check after the projection committed a change to a project (a start clears its alert within
 * {@code check-interval}), and again at the next check when a sweep had to wait for the read model to catch up.
 * Sweeping at once after every projection batch kept this thread busy: a sweep reads every open alert, and batches
 * come every few milliseconds under load. One thread; sweeps never overlap here, and
 * {@link AlertAnnouncements#lockSweeps} makes other instances' sweeps take turns with this one.
 */
@Component
@EnableConfigurationProperties(AlertPushProperties.class)
public class AlertSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AlertSweeper.class);

    private final AlertSweep sweep;
    private final AlertBroadcaster broadcaster;
    private final Clock clock;
    private final AlertPushProperties properties;
    private final AtomicBoolean due = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private LocalDate sweptDay; // only read and written on the executor's thread
    private boolean failing; // likewise; to warn once per outage rather than every check

    public AlertSweeper(AlertSweep sweep, AlertBroadcaster broadcaster, Clock clock, AlertPushProperties properties) {
        this.sweep = sweep;
        this.broadcaster = broadcaster;
        this.clock = clock;
        this.properties = properties;
    }

    /** The read model changed a project: sweep at the next check, once the change is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ProjectVersionsChanged changed) {
        due.set(true);
    }

    private void check() {
        try {
            LocalDate today = LocalDate.now(clock);
            if (!due.getAndSet(false) && today.equals(sweptDay)) {
                return;
            }
            Optional<List<AlertChange>> recorded = sweep.sweep(today);
            if (recorded.isEmpty()) {
                due.set(true); // the read model is catching up: look again at the next check
                return;
            }
            sweptDay = today;
            if (failing) {
                failing = false;
                log.info("alert sweep works again");
            }
            if (!recorded.get().isEmpty()) {
                log.info("{} alert change(s) announced for {}", recorded.get().size(), today);
                broadcaster.publishNew();
            }
        } catch (RuntimeException e) {
            due.set(true);
            if (!failing) {
                failing = true;
                log.warn("alert sweep failed, will retry at every check: {}", e.toString(), e);
            }
        }
    }

    /** A start is a restart: nothing in memory, so the first check sweeps (and catches up on any missed day). */
    @Override
    public synchronized void start() {
        sweptDay = null;
        due.set(true);
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alert-sweeper"));
        long every = properties.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
