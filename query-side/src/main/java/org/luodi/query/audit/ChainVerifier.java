package org.luodi.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.luodi.events.EventHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-checks every project's hash chain in the event store (see {@link EventHash}) and names the project and event
 * where a row was altered or removed directly in SQL. A removed last event leaves no gap in the chain, so the
 * history read model (which saw every event when it was appended) serves as a witness for the event counts.
 */
@Service
public class ChainVerifier {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public ChainVerifier(DataSource dataSource) {
        // its own template: streaming the whole store needs a fetch size that other queries should not inherit
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1000);
    }

    public record Problem(String projectId, Long sequence, Long globalIndex, String problem) {
    }

    public record Report(boolean intact, long projects, long events, List<Problem> problems) {
    }

    /** Read-only transaction: PostgreSQL streams rows by the fetch size only inside one. */
    @Transactional(readOnly = true)
    public Report verify() {
        Walk walk = new Walk();
        jdbc.query("SELECT global_index, aggregate_identifier, sequence_number, payload_type, payload_revision, "
                + "payload, meta_data FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number", walk);
        walk.compareWithHistory();
        return new Report(walk.problems.isEmpty(), walk.projects, walk.events, walk.problems);
    }

    /** Walks the rows of one project after another, carrying the previous event's hash. */
    private final class Walk implements RowCallbackHandler {
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Long> stored = new HashMap<>();
        long projects;
        long events;
        String project;
        long expectedSequence;
        String previousHash;
        boolean broken;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            String id = rs.getString("aggregate_identifier");
            long sequence = rs.getLong("sequence_number");
            long globalIndex = rs.getLong("global_index");
            if (!id.equals(project)) {
                project = id;
                projects++;
                expectedSequence = 0;
                previousHash = "";
                broken = false;
            }
            events++;
            stored.merge(id, 1L, Long::sum);
            if (broken) {
                return;
            }
            if (sequence != expectedSequence) {
                fail(id, sequence, globalIndex, "第 " + expectedSequence + " 号事件缺失 (event " + expectedSequence
                        + " removed)");
                return;
            }
            Map<String, Object> metaData = metaData(rs.getBytes("meta_data"));
            Object claimedPrevious = metaData.get(EventHash.PREVIOUS);
            Object claimedHash = metaData.get(EventHash.HASH);
            String recomputed = EventHash.of(previousHash, id, sequence, rs.getString("payload_type"),
                    rs.getString("payload_revision"), rs.getBytes("payload"), metaData);
            if (claimedHash == null) {
                fail(id, sequence, globalIndex, "事件没有哈希 (event not chained)");
            } else if (!previousHash.equals(claimedPrevious)) {
                fail(id, sequence, globalIndex, "与前一事件的链接断开 (chain broken before this event)");
            } else if (!recomputed.equals(claimedHash)) {
                fail(id, sequence, globalIndex, "事件内容被改动 (payload or metadata altered)");
            } else {
                previousHash = recomputed;
                expectedSequence++;
            }
        }

        void compareWithHistory() {
            jdbc.query("SELECT project_id, count(*) AS n, max(sequence_number) AS last FROM project_event "
                    + "GROUP BY project_id", (RowCallbackHandler) rs -> {
                long seen = rs.getLong("n");
                long kept = stored.getOrDefault(rs.getString("project_id"), 0L);
                if (kept < seen) {
                    problems.add(new Problem(rs.getString("project_id"), rs.getLong("last"), null,
                            "事件库比审计记录少 " + (seen - kept) + " 个事件 (events removed from the store)"));
                }
            });
        }

        private void fail(String id, long sequence, long globalIndex, String problem) {
            problems.add(new Problem(id, sequence, globalIndex, problem));
            broken = true;
        }

        private Map<String, Object> metaData(byte[] bytes) {
            try {
                return bytes == null ? Map.of() : json.readValue(bytes, MAP);
            } catch (IOException e) {
                return Map.of();
            }
        }
    }
}
