package org.luodi.query.processing;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Listens on PostgreSQL channel {@value #CHANNEL}, which V4's trigger signals once per transaction that appends
 * events, and runs {@code onArrival} for each notification: with {@code luodi.processing.wake=notify} that makes the
 * event store read the new events at once ({@link Wake}). At once, but not more often than every {@code spacing}: a
 * lone command's events are read as soon as they commit, while under a steady load the notifications that arrive
 * within {@code spacing} of a read make one read, so that the read models take their events in batches (a batch is a
 * transaction of each projection's, whatever its size) as they do with the timer.
 * <p>
 * One connection of its own, outside the pool: it spends its life blocked waiting for notifications. When it is lost
 * (the backend terminated, PostgreSQL restarted) the listener says so once, reconnects with a growing pause, says when
 * it listens again, and then runs {@code onArrival} once, for what was appended meanwhile; until then the store's slow
 * fallback poll keeps the read models following. A connection that has been silent for {@link #CHECK_AFTER} is asked
 * whether it is still alive, so that a silently dropped one is noticed too.
 */
final class EventArrivalListener implements AutoCloseable {
    static final String CHANNEL = "luodi_events";
    static final Duration CHECK_AFTER = Duration.ofSeconds(10);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(EventArrivalListener.class);

    /** Opens a new connection to the database the events are in. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Runnable onArrival;
    private final Duration spacing;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    EventArrivalListener(Connector connector, Runnable onArrival, Duration spacing) {
        this.connector = connector;
        this.onArrival = onArrival;
        this.spacing = spacing;
        this.thread = new Thread(this::listenUntilClosed, "event-arrival-listener");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void listenUntilClosed() {
        Duration pause = FIRST_PAUSE;
        long lostAt = 0;
        while (!closed) {
            try (Connection c = connector.connect()) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (lostAt != 0) {
                    log.info("listening for new events again, after {} s", (System.nanoTime() - lostAt) / 1_000_000_000L);
                }
                lostAt = 0;
                pause = FIRST_PAUSE;
                onArrival.run();
                relayNotifications(c);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                if (lostAt == 0) {
                    lostAt = System.nanoTime();
                    log.warn("not listening for new events ({}); reconnecting, the read models meanwhile follow the "
                            + "store's fallback poll", e.toString());
                } else {
                    log.debug("still not listening for new events", e);
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    break;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    private void relayNotifications(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications((int) CHECK_AFTER.toMillis());
            if (notifications != null && notifications.length > 0) {
                onArrival.run();
                try {
                    Thread.sleep(spacing.toMillis()); // what arrives meanwhile waits in the socket, for one read
                } catch (InterruptedException e) {
                    return;
                }
            } else if (!c.isValid(5)) {
                throw new SQLException("the listening connection no longer answers");
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run); // from another thread: ends the wait for notifications at once
            } catch (SQLException | RuntimeException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
