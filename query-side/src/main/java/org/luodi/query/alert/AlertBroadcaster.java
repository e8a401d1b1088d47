package org.luodi.query.alert;

import org.luodi.platform.security.LuodiUser;
import org.luodi.query.lead.LeadOverdue;
import org.luodi.query.lead.LeadQueries;
import org.luodi.query.processing.ReadModelNotice;
import org.luodi.query.ticket.TicketOverdue;
import org.luodi.query.warning.WarningChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes announced alert changes to the open streams, each subscriber seeing only the townships it may read. It
 * follows the announcement log rather than the local sweep, so that changes announced by another query-side instance
 * reach this instance's subscribers too, and a client reconnecting with Last-Event-ID gets what it missed.
 */
@Component
public class AlertBroadcaster implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AlertBroadcaster.class);
    private static final int BATCH = 500;

    private final AlertAnnouncements announcements;
    private final AlertPushProperties properties;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile ScheduledExecutorService executor;
    private long cursor; // the last announcement id pushed; guarded by this
    private boolean failing; // only on the executor's thread; to warn once per outage rather than every poll

    public AlertBroadcaster(AlertAnnouncements announcements, AlertPushProperties properties) {
        this.announcements = announcements;
        this.properties = properties;
    }

    /**
     * A new stream for {@code user}, limited to {@code township} when not null; with {@code lastEventId}, first the
     * announcements after that one (oldest first), then the live ones.
     */
    public synchronized SseEmitter subscribe(LuodiUser user, String township, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Subscriber subscriber = new Subscriber(emitter, user, township, lastEventId != null ? lastEventId : cursor);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(emitter::complete);
        emitter.onError(e -> subscribers.remove(subscriber));
        if (subscriber.send(SseEmitter.event().comment("connected").reconnectTime(5_000))) {
            // under this monitor no live push runs, so the replay and the live changes never interleave; a
            // department reads no township's alerts, so there is nothing to replay to it
            for (long after = subscriber.lastSent; after < cursor && !user.isDepartment(); ) {
                List<AlertChange> missed = announcements.between(after, cursor, subscriber.townshipFilter(), BATCH);
                missed.forEach(subscriber::deliver);
                after = missed.isEmpty() ? cursor : missed.get(missed.size() - 1).id();
            }
            subscribers.add(subscriber);
        }
        return emitter;
    }

    /** Pushes every announcement recorded since the last push, by this instance's sweep or another's. */
    public synchronized void publishNew() {
        long last = announcements.lastId();
        while (cursor < last) {
            List<AlertChange> fresh = announcements.between(cursor, last, null, BATCH);
            if (fresh.isEmpty()) {
                break;
            }
            for (AlertChange change : fresh) {
                subscribers.removeIf(s -> !s.deliver(change));
            }
            cursor = fresh.get(fresh.size() - 1).id();
        }
    }

    /**
     * A read model in trouble or well again, to supervisors, administrators and leaders only (their figures may be
     * incomplete), under the event name {@code readModelStalled} / {@code readModelRecovered}. Not replayed on reconnect:
     * the admin page and /actuator/health show the state as it is.
     */
    @EventListener
    public void readModelNotice(ReadModelNotice notice) {
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(notice.kind())
                .data(notice, MediaType.APPLICATION_JSON);
        subscribers.stream().filter(s -> !s.user.isClerk() && !s.user.isDepartment()).forEach(s -> s.send(event));
    }

    /**
     * A ticket's deadline lapsed unanswered (query.ticket.OverdueTickets), under the event name {@code ticketOverdue},
     * to those who may read its township (supervisors, administrators, the township's clerks) and to the department
     * it is assigned to. Not replayed on
     * reconnect: the overdue tickets stay in GET /api/tickets?overdue=true until answered.
     */
    @EventListener
    public void ticketOverdue(TicketOverdue overdue) {
        SseEmitter.SseEventBuilder event = SseEmitter.event().name("ticketOverdue")
                .data(overdue, MediaType.APPLICATION_JSON);
        subscribers.stream().filter(s -> s.user.isDepartment() ? s.user.department().equals(overdue.department())
                : s.user.mayAccessTownship(overdue.township())
                && (s.township == null || s.township.equals(overdue.township()))).forEach(s -> s.send(event));
    }

    /**
     * A lead's follow-up lapsed (query.lead.OverdueLeadAnnouncements), under the event name {@code leadOverdue}, to
     * the lead's units and the supervisors only (LeadQueries.amongItsUnits): not to administrators or leaders, who
     * follow no lead up, nor to another township's clerk. A stream narrowed to a township gets the leads reported by
     * it or settling there. Not replayed on reconnect: GET /api/leads/overdue lists the late leads.
     */
    @EventListener
    public void leadOverdue(LeadOverdue overdue) {
        SseEmitter.SseEventBuilder event = SseEmitter.event().name("leadOverdue")
                .data(overdue, MediaType.APPLICATION_JSON);
        subscribers.stream().filter(s -> LeadQueries.amongItsUnits(s.user, overdue.unit(), overdue.township())
                && (s.township == null || s.township.equals(overdue.unit()) || s.township.equals(overdue.township())))
                .forEach(s -> s.send(event));
    }

    /**
     * A change of the warning ladder (query.warning.WarningSweep) under the event name {@code warning}, to those who
     * may read its township. Like overdue tickets, not replayed on reconnect: GET /api/warnings shows the ladder.
     */
    @EventListener
    public void warning(WarningChange change) {
        SseEmitter.SseEventBuilder event = SseEmitter.event().name("warning").data(change, MediaType.APPLICATION_JSON);
        subscribers.stream().filter(s -> s.user.mayAccessTownship(change.township())
                && (s.township == null || s.township.equals(change.township()))).forEach(s -> s.send(event));
    }

    private void heartbeat() {
        subscribers.removeIf(s -> !s.send(SseEmitter.event().comment("heartbeat")));
    }

    private void poll() {
        try {
            publishNew();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("could not read alert announcements, will retry at every poll: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        cursor = announcements.lastId(); // older announcements reach only clients that ask with Last-Event-ID
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "alert-broadcaster"));
        long poll = properties.pollInterval().toMillis();
        long heartbeat = properties.heartbeat().toMillis();
        executor.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
        subscribers.forEach(s -> s.emitter.complete()); // lets the server shut down; clients reconnect elsewhere
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stops after the sweeper, which hands it what it announced. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    private static final class Subscriber {
        final SseEmitter emitter;
        final LuodiUser user;
        final String township;
        long lastSent;

        Subscriber(SseEmitter emitter, LuodiUser user, String township, long lastSent) {
            this.emitter = emitter;
            this.user = user;
            this.township = township;
            this.lastSent = lastSent;
        }

        String townshipFilter() {
            return user.isClerk() ? user.township() : township;
        }

        /** False once the client is gone. */
        synchronized boolean deliver(AlertChange change) {
            if (change.id() <= lastSent || !user.mayAccessTownship(change.township())
                    || (township != null && !township.equals(change.township()))) {
                return true;
            }
            lastSent = change.id();
            return send(SseEmitter.event().id(String.valueOf(change.id())).name("alert")
                    .data(change, MediaType.APPLICATION_JSON));
        }

        synchronized boolean send(SseEmitter.SseEventBuilder event) {
            try {
                emitter.send(event);
                return true;
            } catch (IOException | IllegalStateException gone) {
                return false;
            }
        }
    }
}
