package org.luodi.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national data set: {@code projects} project lives signed over the last seven years, written straight into
 * domain_event_entry with COPY (binary) as rows identical in form to the command side's (see {@link EventRows}),
 * interleaved across projects in the order they were recorded, global indexes continuing the store's sequence.
 * One project in ten carries a problem ticket ({@link TicketLives}), and every project three leads
 * ({@link LeadLives}), each its own aggregate, interleaved the same way; started projects carry evidence metadata
 * ({@link EvidenceLives}) in their own sequence.
 */
final class NationalData {
    static final String PREFIX = "luodi-bench-national-";

    /** What the run needs afterwards: the size, and the projects still open for new fund arrivals. */
    record Result(int projects, long events, long firstIndex, long lastIndex, double seconds, int[] openProjects,
                  byte[] nextSequence, String[] clerkOf, int stalledOpen, int tickets, int leads,
                  int evidenceFiles, int[] startedProjects) {
    }

    private final Plans plans;
    private final LocalDate from;
    private final LocalDate to;
    private final Instant base;
    private final TicketLives tickets;
    private final LeadLives leads;

    NationalData(Plans plans, LocalDate today) {
        this.plans = plans;
        this.from = today.minusYears(7);
        this.to = today.minusDays(1);
        this.base = from.minusDays(2).atStartOfDay(Plans.SHANGHAI).toInstant();
        this.tickets = new TicketLives(to, plans.now());
        this.leads = new LeadLives(from, to, plans.now());
    }

    List<Plans.Planned> plan(int no) {
        return EvidenceLives.add(no, plans.plan(Plans.projectId(PREFIX, no), no, from, to), plans.now());
    }

    /** The rows of one aggregate's life, sequence by sequence: a project's, or its ticket's. */
    private record Life(String aggregateId, String aggregateType, List<Object> events, List<EventRows.Stamp> stamps) {
        static Life of(List<Plans.Planned> project) {
            return new Life(project.get(0).event().projectId(), EventRows.AGGREGATE_TYPE,
                    project.stream().map(p -> (Object) p.event()).toList(),
                    project.stream().map(p -> new EventRows.Stamp(p.actor(), p.role(), p.actorTownship(), null,
                            p.reason(), p.recordedAt(), p.eventId())).toList());
        }

        static Life ofTicket(List<TicketLives.Planned> ticket) {
            return new Life(ticket.get(0).event().ticketId(), TicketLives.AGGREGATE_TYPE,
                    ticket.stream().map(t -> (Object) t.event()).toList(),
                    ticket.stream().map(TicketLives.Planned::stamp).toList());
        }

        static Life ofLead(List<LeadLives.Planned> lead) {
            return new Life(lead.get(0).event().leadId(), LeadLives.AGGREGATE_TYPE,
                    lead.stream().map(l -> (Object) l.event()).toList(),
                    lead.stream().map(LeadLives.Planned::stamp).toList());
        }
    }

    /**
     * Life {@code no}: project {@code no} below {@code projects}, then the ticket of project {@code no - projects},
     * then the leads, {@link LeadLives#PER_PROJECT} a project.
     */
    private Life life(int no, int projects) {
        if (no < projects) {
            return Life.of(plan(no));
        }
        if (no < 2 * projects) {
            return Life.ofTicket(tickets.plan(no - projects, plan(no - projects)));
        }
        int lead = no - 2 * projects;
        int project = lead / LeadLives.PER_PROJECT;
        return Life.ofLead(leads.plan(project, lead % LeadLives.PER_PROJECT, plan(project)));
    }

    Result write(Connection c, int projects) throws SQLException, IOException {
        long started = System.nanoTime();
        // pass 1: when each event was recorded, as one sortable long per event
        long[] keys = new long[projects * 8];
        int n = 0;
        int ticketCount = 0;
        int leadCount = 0;
        int evidenceCount = 0;
        int[] startedNos = new int[projects];
        int startedCount = 0;
        int[] open = new int[projects];
        int openCount = 0;
        int stalledOpen = 0;
        byte[] nextSequence = new byte[projects];
        String[] clerkOf = new String[projects];
        for (int no = 0; no < projects; no++) {
            List<Plans.Planned> plan = plan(no);
            if (plan.size() >= 64) {
                throw new IllegalStateException("project " + no + " has " + plan.size() + " events");
            }
            for (int seq = 0; seq < plan.size(); seq++) {
                long seconds = plan.get(seq).recordedAt().getEpochSecond() - base.getEpochSecond();
                if (seconds < 0 || seconds >= (1L << 28)) {
                    throw new IllegalStateException("recordedAt out of range: " + plan.get(seq).recordedAt());
                }
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 3 / 2);
                }
                keys[n++] = (seconds << 35) | ((long) no << 6) | seq;
            }
            List<TicketLives.Planned> ticket = tickets.plan(no, plan);
            for (int seq = 0; seq < ticket.size(); seq++) {
                long seconds = ticket.get(seq).stamp().recordedAt().getEpochSecond() - base.getEpochSecond();
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 3 / 2);
                }
                keys[n++] = (seconds << 35) | ((long) (projects + no) << 6) | seq;
            }
            ticketCount += ticket.isEmpty() ? 0 : 1;
            for (int k = 0; k < LeadLives.PER_PROJECT; k++) {
                List<LeadLives.Planned> lead = leads.plan(no, k, plan);
                int life = 2 * projects + no * LeadLives.PER_PROJECT + k;
                for (int seq = 0; seq < lead.size(); seq++) {
                    long seconds = lead.get(seq).stamp().recordedAt().getEpochSecond() - base.getEpochSecond();
                    if (n == keys.length) {
                        keys = Arrays.copyOf(keys, keys.length * 3 / 2);
                    }
                    keys[n++] = (seconds << 35) | ((long) life << 6) | seq;
                }
                leadCount++;
            }
            evidenceCount += EvidenceLives.files(plan);
            if (plan.stream().anyMatch(p -> p.event() instanceof org.luodi.events.ConstructionStarted)) {
                startedNos[startedCount++] = no;
            }
            // the full list's size, evidence included: the next fund arrival's sequence on this project
            nextSequence[no] = (byte) plan.size();
            clerkOf[no] = plan.get(0).actor();
            boolean closed = plan.stream().anyMatch(p -> p.event() instanceof org.luodi.events.ProjectTerminated
                    || p.event() instanceof org.luodi.events.ProjectVoided);
            if (!closed) {
                open[openCount++] = no;
                if (plan.stream().noneMatch(p -> p.event() instanceof org.luodi.events.ConstructionStarted)) {
                    stalledOpen++;
                }
            }
        }
        Arrays.sort(keys, 0, n);
        Log.say(String.format("national data: %,d projects, %,d tickets, %,d leads, %,d evidence files, %,d events "
                + "planned (%.1f per project); writing with COPY", projects, ticketCount, leadCount, evidenceCount, n,
                (double) n / projects));

        long first;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT greatest((SELECT last_value FROM domain_event_entry_global_index_seq), "
                        + "(SELECT coalesce(max(global_index), 0) FROM domain_event_entry)) + 1")) {
            rs.next();
            first = rs.getLong(1);
        }
        // pass 2: rows in recording order; a project's plan is derived again (cheap) instead of kept
        Map<Integer, Life> recent = new LinkedHashMap<>(16_384, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Life> eldest) {
                return size() > 20_000;
            }
        };
        String[] lastHash = new String[projects * (2 + LeadLives.PER_PROJECT)];
        PGConnection pg = c.unwrap(PGConnection.class);
        int chunk = 250_000;
        long index = first;
        for (int start = 0; start < n; start += chunk) {
            CopyIn copy = pg.getCopyAPI().copyIn("COPY domain_event_entry (global_index, aggregate_identifier, "
                    + "sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, "
                    + "time_stamp) FROM STDIN (FORMAT binary)");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8 << 20);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeBytes("PGCOPY\n");
            out.write(new byte[]{(byte) 0xFF, '\r', '\n', 0});
            out.writeInt(0);
            out.writeInt(0);
            int end = Math.min(n, start + chunk);
            for (int i = start; i < end; i++) {
                int no = (int) ((keys[i] >>> 6) & ((1L << 29) - 1));
                int seq = (int) (keys[i] & 63);
                Life life = recent.computeIfAbsent(no, k -> life(k, projects));
                EventRows.Row row = EventRows.of(life.events().get(seq), life.aggregateId(), life.stamps().get(seq),
                        seq, "gen-" + life.aggregateId() + "-" + seq, lastHash[no]);
                lastHash[no] = row.hash();
                out.writeShort(10);
                out.writeInt(8);
                out.writeLong(index++);
                text(out, row.aggregateId());
                out.writeInt(8);
                out.writeLong(row.sequence());
                text(out, life.aggregateType());
                text(out, row.eventId());
                bytes(out, row.metaData());
                bytes(out, row.payload());
                text(out, row.revision());
                text(out, row.payloadType());
                text(out, row.timeStamp());
                if (buffer.size() > (4 << 20)) {
                    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
                    buffer.reset();
                }
            }
            out.writeShort(-1);
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            copy.endCopy();
            Log.say(String.format("national data: %,d of %,d events written", end, n));
        }
        long last = index - 1;
        try (Statement s = c.createStatement()) {
            s.execute("SELECT setval('domain_event_entry_global_index_seq', " + last + ")");
            s.execute("ANALYZE domain_event_entry");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(projects, n, first, last, seconds, Arrays.copyOf(open, openCount), nextSequence, clerkOf,
                stalledOpen, ticketCount, leadCount, evidenceCount, Arrays.copyOf(startedNos, startedCount));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
