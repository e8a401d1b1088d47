package org.luodi.system.resilience;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What must hold between a client's ledger and the event store, whatever happened to the processes in between. */
final class EventStoreChecks {
    private EventStoreChecks() {
    }

    /**
     * Every command the client was told was accepted is in the store exactly once, on its project, and nothing
     * else is: no event of a refused or unanswered command. Returns the violations (empty when none).
     */
    static List<String> againstLedger(List<StoredEvent> events, Map<String, String> accepted) {
        List<String> violations = new ArrayList<>();
        Map<String, List<StoredEvent>> byKey = events.stream().filter(e -> e.idempotencyKey() != null)
                .collect(Collectors.groupingBy(StoredEvent::idempotencyKey));
        events.stream().filter(e -> e.idempotencyKey() == null)
                .forEach(e -> violations.add("event without Idempotency-Key: #" + e.globalIndex()));
        byKey.forEach((key, stored) -> {
            if (stored.size() > 1) {
                violations.add("stored " + stored.size() + " times: " + key);
            }
            if (!accepted.containsKey(key)) {
                violations.add("stored but never accepted: " + key + " (#" + stored.get(0).globalIndex() + ")");
            } else if (!accepted.get(key).equals(stored.get(0).projectId())) {
                violations.add("stored on another project: " + key);
            }
        });
        accepted.keySet().stream().filter(key -> !byKey.containsKey(key))
                .forEach(key -> violations.add("accepted but not stored (lost): " + key));
        return violations;
    }

    /**
     * Each project's stream is whole: it starts with its signing, its sequence numbers are 0, 1, 2, … with none used
     * twice, and its fund arrivals are numbered 1, 2, 3, … in order.
     */
    static List<String> streamShape(List<StoredEvent> events) {
        List<String> violations = new ArrayList<>();
        Map<String, List<StoredEvent>> byProject = events.stream()
                .collect(Collectors.groupingBy(StoredEvent::projectId, TreeMap::new, Collectors.toList()));
        byProject.forEach((project, stream) -> {
            stream.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
            int arrivals = 0;
            for (int i = 0; i < stream.size(); i++) {
                StoredEvent e = stream.get(i);
                if (e.sequence() != i) {
                    violations.add(project + ": sequence " + e.sequence() + " where " + i + " was due");
                    break;
                }
                if (i == 0 != e.type().equals("ProjectSigned")) {
                    violations.add(project + ": " + e.type() + " at sequence " + i);
                }
                if (e.type().equals("FundsArrived") && e.payload().get("arrivalNo").asInt() != ++arrivals) {
                    violations.add(project + ": arrival " + e.payload().get("arrivalNo") + " where " + arrivals
                            + " was due");
                }
            }
        });
        return violations;
    }

    /** (aggregate_identifier, sequence_number) pairs used more than once (the unique constraint's job). */
    static long reusedSequenceNumbers(Connection sql) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*) FROM (SELECT aggregate_identifier, sequence_number FROM domain_event_entry
                                      GROUP BY 1, 2 HAVING count(*) > 1) reused""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A command and its Idempotency-Key row commit together or not at all: every key row has its answer and its
     * event, and every event's key has its row.
     */
    static List<String> keysAgreeWithEvents(Connection sql, List<StoredEvent> events) throws SQLException {
        List<String> violations = new ArrayList<>();
        Set<String> rows = new HashSet<>();
        try (Statement s = sql.createStatement();
             ResultSet rs = s.executeQuery("SELECT key, response_status FROM idempotency_key")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
                if (rs.getObject(2) == null) {
                    violations.add("key row without its answer: " + rs.getString(1));
                }
            }
        }
        Set<String> eventKeys = events.stream().map(StoredEvent::idempotencyKey).collect(Collectors.toSet());
        rows.stream().filter(k -> !eventKeys.contains(k)).forEach(k -> violations.add("key row without event: " + k));
        eventKeys.stream().filter(k -> k != null && !rows.contains(k))
                .forEach(k -> violations.add("event without key row: " + k));
        return violations;
    }
}
