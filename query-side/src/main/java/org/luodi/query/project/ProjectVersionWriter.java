package org.luodi.query.project;

import org.luodi.events.Amount;
import org.luodi.events.CurrencyCode;
import org.luodi.events.FundsArrived;
import org.luodi.events.Milestone;
import org.luodi.events.MilestoneCorrected;
import org.luodi.events.MilestoneRetracted;
import org.luodi.events.ProjectEvent;
import org.luodi.events.ProjectSigned;
import org.luodi.query.jdbc.CopyBatch;
import org.luodi.query.jdbc.TypedBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static java.sql.Types.INTEGER;
import static java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
import static java.sql.Types.VARCHAR;
import static org.luodi.query.jdbc.TypedBatch.timestamp;

/**
 * Writes one processor batch of events into project_version and fund_arrival_version: reads the current rows of
 * the batch's projects once, folds the events in memory, then closes rows with JDBC batches and appends the new ones
 * with COPY. An event that leaves a project counting for another township, chain or department gives each of its
 * current arrivals a new version too, since arrival rows carry those units for the statistics.
 * Events already in the tables (a redelivery) are skipped; another event under a sequence number already written (the
 * number reused after an event was deleted from the store) is refused, so that it is parked for this project only.
 */
@Component
class ProjectVersionWriter {
    private static final TypedBatch CLOSE_PROJECT = new TypedBatch(
            "UPDATE project_version SET recorded_to = ? WHERE project_id = ? AND recorded_to IS NULL",
            TIMESTAMP_WITH_TIMEZONE, VARCHAR);
    private static final CopyBatch INSERT_PROJECT = new CopyBatch("project_version",
            ("version, event_id, recorded_from, recorded_to, " + ProjectVersions.COLUMNS).split(", "));
    private static final TypedBatch CLOSE_ARRIVAL = new TypedBatch("UPDATE fund_arrival_version SET recorded_to = ? "
            + "WHERE project_id = ? AND arrival_no = ? AND recorded_to IS NULL",
            TIMESTAMP_WITH_TIMEZONE, VARCHAR, INTEGER);
    private static final CopyBatch INSERT_ARRIVAL = new CopyBatch("fund_arrival_version", "project_id", "arrival_no",
            "version", "event_id", "recorded_from", "recorded_to", "arrived_on", "source", "amount_wan", "amount_usd_wan",
            "township", "industry_chain", "introduced_by");

    private final JdbcTemplate jdbc;

    ProjectVersionWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event with its aggregate sequence number, its identifier and the instant it was recorded. */
    record Recorded(ProjectEvent event, long sequence, String eventId, Instant recordedAt) {
    }

    /** A version about to be inserted; {@code to} is set when a later event of the same batch replaces it. */
    private static final class NewRow<T> {
        final String projectId;
        final T value;
        final long version;
        final String eventId;
        final Instant from;
        Instant to;

        NewRow(String projectId, T value, Recorded event) {
            this.projectId = projectId;
            this.value = value;
            this.version = event.sequence();
            this.eventId = event.eventId();
            this.from = event.recordedAt();
        }
    }

    private record ArrivalKey(String projectId, int arrivalNo) {
    }

    /** One event of one project. */
    private record Applied(String projectId, long sequence) {
    }

    /**
     * What an arrival counts for in the statistics: its project's township, chain and credit when the arrival's
     * version was made. Arrival rows carry them (V31, V67) so that the year's sums per unit read the arrivals alone.
     */
    private record Units(String township, String industryChain, String introducedBy) {
        static Units of(ProjectState project) {
            return new Units(project.township(), project.industryChain(), project.introducedBy());
        }
    }

    /** An arrival version about to be written, with the units it counts for. */
    private record CountedArrival(FundArrival arrival, Units units) {
    }

    void write(List<Recorded> batch) {
        Fold fold = new Fold(batch);
        for (Recorded r : batch) {
            if (alreadyWritten(fold.applied, r)) {
                continue; // redelivered
            }
            if (arrivalNo(r.event()) != null) {
                fold.arrivalEvent(r);
            } else {
                fold.projectEvent(r);
            }
        }
        CLOSE_PROJECT.execute(jdbc, fold.closedProjects);
        INSERT_PROJECT.execute(jdbc, fold.projectRows.stream().map(ProjectVersionWriter::projectRow).toList());
        CLOSE_ARRIVAL.execute(jdbc, fold.closedArrivals);
        INSERT_ARRIVAL.execute(jdbc, fold.arrivalRows.stream().map(ProjectVersionWriter::arrivalRow).toList());
    }

    /** One batch folded in memory: the current rows it starts from, the rows it closes and the rows it adds. */
    private final class Fold {
        final Map<Applied, String> applied;
        final Map<String, ProjectState> states;
        final Map<ArrivalKey, FundArrival> arrivals;
        /** The arrivals named by the batch's funds events: read (or found absent) before folding. */
        final Set<ArrivalKey> probed;
        /** The projects whose every current arrival has been read, because an event moved them to another unit. */
        final Set<String> allArrivalsRead = new HashSet<>();
        final Map<String, NewRow<ProjectState>> pendingProjects = new LinkedHashMap<>();
        final Map<ArrivalKey, NewRow<CountedArrival>> pendingArrivals = new LinkedHashMap<>();
        final List<NewRow<ProjectState>> projectRows = new ArrayList<>();
        final List<NewRow<CountedArrival>> arrivalRows = new ArrayList<>();
        final List<Object[]> closedProjects = new ArrayList<>();
        final List<Object[]> closedArrivals = new ArrayList<>();

        Fold(List<Recorded> batch) {
            applied = alreadyApplied(batch);
            states = currentStates(batch.stream().map(r -> r.event().projectId()).distinct().toArray(String[]::new));
            arrivals = currentArrivals(batch);
            probed = batch.stream().filter(r -> arrivalNo(r.event()) != null)
                    .map(r -> new ArrivalKey(r.event().projectId(), arrivalNo(r.event()))).collect(Collectors.toSet());
        }

        void arrivalEvent(Recorded r) {
            ProjectEvent event = r.event();
            ArrivalKey key = new ArrivalKey(event.projectId(), arrivalNo(event));
            FundArrival before = arrivals.get(key);
            if (before == null && !(event instanceof FundsArrived)) {
                return; // a correction or retraction of an arrival already gone: nothing to change
            }
            closeArrival(key, r.recordedAt());
            FundArrival after = arrivalAfter(event, before);
            if (after == null) {
                arrivals.remove(key);
            } else {
                addArrival(key, after, Units.of(states.get(key.projectId())), r);
            }
        }

        void projectEvent(Recorded r) {
            ProjectEvent event = r.event();
            String id = event.projectId();
            ProjectState before = states.get(id);
            if (before == null && !(event instanceof ProjectSigned)) {
                throw new IllegalStateException("event " + r.sequence() + " of unknown project " + id);
            }
            close(pendingProjects.remove(id), before != null, r.recordedAt(), closedProjects,
                    new Object[]{timestamp(r.recordedAt()), id});
            ProjectState after = event instanceof ProjectSigned signed ? ProjectState.signed(signed)
                    : before.apply(event);
            states.put(id, after);
            NewRow<ProjectState> row = new NewRow<>(id, after, r);
            pendingProjects.put(id, row);
            projectRows.add(row);
            if (before != null && !Units.of(before).equals(Units.of(after))) {
                moveArrivals(id, Units.of(after), r);
            }
        }

        /** A project now counts for another unit: each of its current arrivals gets a version that says so. */
        private void moveArrivals(String projectId, Units units, Recorded r) {
            readAllArrivals(projectId);
            List<Map.Entry<ArrivalKey, FundArrival>> current = arrivals.entrySet().stream()
                    .filter(a -> a.getKey().projectId().equals(projectId)).toList();
            for (Map.Entry<ArrivalKey, FundArrival> a : current) {
                closeArrival(a.getKey(), r.recordedAt());
                addArrival(a.getKey(), a.getValue(), units, r);
            }
        }

        /** Ends an arrival's current version: this batch's pending row, or else the row in the table. */
        private void closeArrival(ArrivalKey key, Instant at) {
            close(pendingArrivals.remove(key), arrivals.containsKey(key), at, closedArrivals,
                    new Object[]{timestamp(at), key.projectId(), key.arrivalNo()});
        }

        private void addArrival(ArrivalKey key, FundArrival arrival, Units units, Recorded r) {
            arrivals.put(key, arrival);
            NewRow<CountedArrival> row = new NewRow<>(key.projectId(), new CountedArrival(arrival, units), r);
            pendingArrivals.put(key, row);
            arrivalRows.add(row);
        }

        /**
         * Adds the project's current arrivals in the table that the batch did not name (those it named are in
         * {@code arrivals} already, as this batch left them). Only moves need this, and moves are rare.
         */
        private void readAllArrivals(String projectId) {
            if (!allArrivalsRead.add(projectId)) {
                return;
            }
            jdbc.query("SELECT * FROM fund_arrival_version WHERE project_id = ? AND recorded_to IS NULL", rs -> {
                ArrivalKey key = new ArrivalKey(projectId, rs.getInt("arrival_no"));
                if (!probed.contains(key)) {
                    arrivals.put(key, ProjectVersions.ARRIVAL.mapRow(rs, 0));
                }
            }, projectId);
        }
    }

    /** Ends the version being replaced: one of this batch's new rows, or the current row in the table. */
    private static <T> void close(NewRow<T> pending, boolean existed, Instant at, List<Object[]> closes,
                                  Object[] closeInTable) {
        if (pending != null) {
            pending.to = at;
        } else if (existed) {
            closes.add(closeInTable);
        }
    }

    private static Integer arrivalNo(ProjectEvent event) {
        if (event instanceof FundsArrived e) {
            return e.arrivalNo();
        }
        if (event instanceof MilestoneCorrected e && e.milestone() == Milestone.FUNDS) {
            return e.arrivalNo();
        }
        if (event instanceof MilestoneRetracted e && e.milestone() == Milestone.FUNDS) {
            return e.arrivalNo();
        }
        return null;
    }

    /** The arrival after a funds event; null when it was retracted. */
    private static FundArrival arrivalAfter(ProjectEvent event, FundArrival before) {
        if (event instanceof FundsArrived e) {
            return arrival(e);
        }
        if (event instanceof MilestoneCorrected e) {
            return new FundArrival(before.arrivalNo(), e.date() != null ? e.date() : before.arrivedOn(),
                    before.source(), e.amountWan() != null ? e.amountWan() : before.amountWan(),
                    e.amountUsdWan() != null ? e.amountUsdWan() : before.amountUsdWan());
        }
        return null;
    }

    /** FundsArrived (revision 2): its amount goes to the column of its currency, 万元 or 万美元. */
    static FundArrival arrival(FundsArrived e) {
        Amount amount = e.amount();
        BigDecimal cny = amount != null && amount.currency() == CurrencyCode.CNY ? amount.wan() : null;
        BigDecimal usd = amount != null && amount.currency() == CurrencyCode.USD ? amount.wan() : null;
        return new FundArrival(e.arrivalNo(), e.arrivedOn(), e.source(), cny, usd);
    }

    /**
     * Whether the event was written already (by an earlier batch or earlier in this one); marks it written. The same
     * sequence number with another event identifier is not a redelivery but a reused number.
     */
    private static boolean alreadyWritten(Map<Applied, String> applied, Recorded r) {
        Applied key = new Applied(r.event().projectId(), r.sequence());
        if (!applied.containsKey(key)) {
            applied.put(key, r.eventId());
            return false;
        }
        String written = applied.get(key);
        if (written != null && r.eventId() != null && !written.equals(r.eventId())) {
            throw new SequenceNumberReused(key.projectId(), r.sequence(), written, r.eventId());
        }
        return true;
    }

    /**
     * The batch's events that are already in the tables, with the identifier of the event that wrote them (a redelivery): those that made a version, found by key. The
     * other events make no row (a retraction of an arrival, a correction or retraction of an arrival already gone)
     * and change nothing when applied again, since arrival numbers are never reused. Only probes for the batch's own
     * keys: reading every version of the batch's projects instead was the largest statement of a rebuild. Each
     * lookup is a LATERAL … LIMIT 1 so that it stays one index probe per key: as a join, a table just emptied for a
     * rebuild (its statistics saying it is tiny) was read whole into a hash table on every batch.
     */
    private Map<Applied, String> alreadyApplied(List<Recorded> batch) {
        List<Recorded> projectEvents = batch.stream().filter(r -> arrivalNo(r.event()) == null).toList();
        List<Recorded> arrivalEvents = batch.stream().filter(r -> arrivalNo(r.event()) != null).toList();
        Map<Applied, String> applied = new HashMap<>();
        jdbc.query("SELECT u.project_id, u.version, found.event_id "
                        + "FROM unnest(?::varchar[], ?::bigint[]) AS u(project_id, version) "
                        + "CROSS JOIN LATERAL (SELECT v.event_id FROM project_version v "
                        + "WHERE v.project_id = u.project_id AND v.version = u.version LIMIT 1) found "
                        + "UNION ALL SELECT u.project_id, u.version, found.event_id "
                        + "FROM unnest(?::varchar[], ?::int[], ?::bigint[]) "
                        + "AS u(project_id, arrival_no, version) CROSS JOIN LATERAL (SELECT f.event_id "
                        + "FROM fund_arrival_version f WHERE f.project_id = u.project_id "
                        + "AND f.arrival_no = u.arrival_no AND f.version = u.version LIMIT 1) found",
                rs -> {
                    applied.put(new Applied(rs.getString(1), rs.getLong(2)), rs.getString(3));
                },
                projectIds(projectEvents), sequences(projectEvents),
                projectIds(arrivalEvents), arrivalEvents.stream().mapToInt(r -> arrivalNo(r.event())).toArray(),
                sequences(arrivalEvents));
        return applied;
    }

    private static String[] projectIds(List<Recorded> events) {
        return events.stream().map(r -> r.event().projectId()).toArray(String[]::new);
    }

    private static long[] sequences(List<Recorded> events) {
        return events.stream().mapToLong(Recorded::sequence).toArray();
    }

    private Map<String, ProjectState> currentStates(String[] ids) {
        Map<String, ProjectState> states = new HashMap<>();
        jdbc.query("SELECT " + ProjectVersions.COLUMNS + " FROM project_version WHERE recorded_to IS NULL "
                + "AND project_id = ANY (?)", ProjectVersions.STATE, (Object) ids).forEach(s -> states.put(s.projectId(), s));
        return states;
    }

    /** The current version of each arrival the batch's funds events name, one probe each (see alreadyApplied). */
    private Map<ArrivalKey, FundArrival> currentArrivals(List<Recorded> batch) {
        List<ArrivalKey> keys = batch.stream().filter(r -> arrivalNo(r.event()) != null)
                .map(r -> new ArrivalKey(r.event().projectId(), arrivalNo(r.event()))).distinct().toList();
        Map<ArrivalKey, FundArrival> arrivals = new HashMap<>();
        if (keys.isEmpty()) {
            return arrivals;
        }
        jdbc.query("SELECT f.* FROM unnest(?::varchar[], ?::int[]) AS u(project_id, arrival_no) CROSS JOIN LATERAL "
                        + "(SELECT * FROM fund_arrival_version f WHERE f.project_id = u.project_id "
                        + "AND f.arrival_no = u.arrival_no AND f.recorded_to IS NULL LIMIT 1) f",
                rs -> {
                    arrivals.put(new ArrivalKey(rs.getString("project_id"), rs.getInt("arrival_no")),
                            ProjectVersions.ARRIVAL.mapRow(rs, 0));
                }, keys.stream().map(ArrivalKey::projectId).toArray(String[]::new),
                keys.stream().mapToInt(ArrivalKey::arrivalNo).toArray());
        return arrivals;
    }

    private static Object[] projectRow(NewRow<ProjectState> row) {
        ProjectState s = row.value;
        return new Object[]{row.version, row.eventId, timestamp(row.from), timestamp(row.to),
                s.projectId(), s.name(), s.investor(), s.township(), s.industryChain(), s.industrial(),
                s.contractAmountWan(), s.sourceRegion().name(), s.signedOn(), s.introducedBy(), s.introducedByText(),
                s.plannedInvestmentAtSigningWan(), ProjectVersions.arrayLiteral(s.types()),
                ProjectVersions.arrayLiteral(s.investorCategories()), s.registeredOn(), s.companyName(), s.creditCode(),
                s.foreignInvested(), s.exportOriented(), s.startedOn(),
                s.startKind() == null ? null : s.startKind().name(), s.storedOn(), s.plannedInvestmentWan(),
                s.productionOn(), s.terminatedOn(), s.terminationReason(), s.voided(), s.leader(), s.serviceTeam()};
    }

    private static Object[] arrivalRow(NewRow<CountedArrival> row) {
        FundArrival a = row.value.arrival();
        Units units = row.value.units();
        return new Object[]{row.projectId, a.arrivalNo(), row.version, row.eventId, timestamp(row.from), timestamp(row.to),
                a.arrivedOn(), a.source().name(), a.amountWan(), a.amountUsdWan(), units.township(),
                units.industryChain(), units.introducedBy()};
    }
}
