package org.luodi.query.audit;

import org.luodi.query.audit.SealHashing.Leaf;
import org.luodi.query.audit.Seals.Seal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals the event store a few seconds after commit (docs/audit-digest.md): each seal covers the next run of global
 * indexes without a gap that may still fill. A missing index is taken as never coming, and sealed as absent, once
 * every transaction that was open when it was first seen missing has ended (the one holding it must have been among
 * them: it drew its number before the later, visible one), or after the grace period at the latest. One instance
 * seals at a time (a transaction-scoped advisory lock); the others skip their turn.
 */
@Component
@EnableConfigurationProperties(SealProperties.class)
public class Sealer {
    private static final Logger log = LoggerFactory.getLogger(Sealer.class);
    /** The advisory lock key of sealing ("LD1SEAL" in ASCII). */
    private static final long LOCK = 0x4C443153_45414CL;
    /** Seals per scheduled turn: a backlog (after a restore, say) is worked off in turns of ~100,000 indexes. */
    private static final int SEALS_PER_TURN = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Seals seals;
    private final Clock clock;
    private final SealProperties properties;
    /** Missing indexes: when this instance first saw each missing (by the clock, and by the database's time). */
    private final Map<Long, Missing> missing = new ConcurrentHashMap<>();
    /** Runs between reading the rows and looking at the open transactions: a test commits a writer there. */
    volatile Runnable afterRowsRead = () -> {
    };

    private record Missing(Instant seenAt, OffsetDateTime databaseTime) {
    }

    public Sealer(JdbcTemplate jdbc, TransactionTemplate transaction, Seals seals, Clock clock,
                  SealProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.seals = seals;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${luodi.audit.seal.interval-ms:2000}")
    void scheduled() {
        if (properties.enabled()) {
            try {
                sealAvailable(SEALS_PER_TURN);
            } catch (RuntimeException e) {
                // the next turn tries again (e.g. the database was away); sealing later loses nothing
                log.warn("sealing the event store failed, will try again: {}", e.toString());
            }
        }
    }

    /** Seals whatever can be sealed now; returns how many seals were made. */
    public int sealAvailable() {
        return sealAvailable(Integer.MAX_VALUE);
    }

    private int sealAvailable(int most) {
        int made = 0;
        while (made < most && Boolean.TRUE.equals(transaction.execute(status -> sealNext()))) {
            made++;
        }
        return made;
    }

    /** One seal in one transaction; true when it was made. */
    private boolean sealNext() {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
            return false;
        }
        Optional<Seal> previous = seals.latest();
        long first = previous.map(s -> s.lastIndex() + 1).orElse(1L);
        List<Leaf> rows = new ArrayList<>();
        jdbc.query("SELECT " + SealHashing.ROW_COLUMNS + " FROM domain_event_entry WHERE global_index >= ? "
                + "ORDER BY global_index LIMIT ?", rs -> {
            rows.add(SealHashing.row(rs));
        }, first, properties.maxIndexes());
        // read after the rows: a writer that holds a missing index began before the row above it committed, so before
        // this moment, whenever that was; read before the rows, a writer that began in between would look too young
        OffsetDateTime readAt = jdbc.queryForObject("SELECT clock_timestamp()", OffsetDateTime.class);
        afterRowsRead.run();
        List<Leaf> leaves = cover(first, rows, readAt);
        if (leaves.isEmpty()) {
            return false;
        }
        Instant latestEventAt = previous.map(Seal::latestEventAt).orElse(null);
        int events = 0;
        for (Leaf leaf : leaves) {
            if (!leaf.absent()) {
                events++;
                Instant at = eventTime(leaf.timeStamp());
                latestEventAt = at != null && (latestEventAt == null || at.isAfter(latestEventAt)) ? at : latestEventAt;
            }
        }
        long sealNo = previous.map(s -> s.sealNo() + 1).orElse(1L);
        long last = leaves.get(leaves.size() - 1).globalIndex();
        Instant sealedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] root = SealHashing.root(previous.map(Seal::root).orElse(SealHashing.NO_ROOT), sealNo, first, last,
                latestEventAt, sealedAt, leaves);
        seals.insert(new Seal(sealNo, first, last, events, leaves.size() - events, latestEventAt, sealedAt, root),
                SealHashing.entries(leaves));
        missing.keySet().removeIf(index -> index <= last);
        log.debug("sealed global indexes {}..{} ({} events) as seal {}", first, last, events, sealNo);
        return true;
    }

    /**
     * The leaves from {@code first} on, up to the first missing index that may still come (excluded). An index judged
     * never coming is looked for once more after the open transactions were read: its writer may have committed after
     * the rows were read and before that look, and then it is neither open nor missing.
     */
    private List<Leaf> cover(long first, List<Leaf> rows, OffsetDateTime readAt) {
        List<Leaf> leaves = coverByOpenTransactions(first, rows, readAt);
        Long[] absent = leaves.stream().filter(Leaf::absent).map(Leaf::globalIndex).toArray(Long[]::new);
        if (absent.length == 0) {
            return leaves;
        }
        Long arrived = jdbc.queryForObject("SELECT min(global_index) FROM domain_event_entry WHERE global_index = ANY(?)",
                Long.class, (Object) absent);
        return arrived == null ? leaves : leaves.stream().filter(leaf -> leaf.globalIndex() < arrived).toList();
    }

    private List<Leaf> coverByOpenTransactions(long first, List<Leaf> rows, OffsetDateTime readAt) {
        List<Leaf> leaves = new ArrayList<>();
        OffsetDateTime oldestOpen = null;
        boolean oldestLooked = false;
        long expected = first;
        for (Leaf row : rows) {
            for (; expected < row.globalIndex(); expected++) {
                if (!oldestLooked) {
                    oldestOpen = jdbc.queryForObject("SELECT min(xact_start) FROM pg_stat_activity "
                            + "WHERE pid <> pg_backend_pid() AND xact_start IS NOT NULL AND datname = current_database() "
                            + "AND backend_type = 'client backend'", OffsetDateTime.class);
                    oldestLooked = true;
                }
                if (!neverComing(expected, readAt, oldestOpen)) {
                    return leaves;
                }
                leaves.add(SealHashing.absent(expected));
            }
            leaves.add(row);
            expected = row.globalIndex() + 1;
            if (leaves.size() >= properties.maxIndexes()) {
                break;
            }
        }
        return leaves;
    }

    private boolean neverComing(long index, OffsetDateTime readAt, OffsetDateTime oldestOpen) {
        Missing seen = missing.computeIfAbsent(index, i -> new Missing(clock.instant(), readAt));
        boolean noneOpenSinceSeen = oldestOpen == null || oldestOpen.isAfter(seen.databaseTime());
        Duration waited = Duration.between(seen.seenAt(), clock.instant());
        return noneOpenSinceSeen || waited.compareTo(properties.grace()) >= 0;
    }

    static Instant eventTime(String timeStamp) {
        try {
            return timeStamp == null ? null : Instant.parse(timeStamp).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
