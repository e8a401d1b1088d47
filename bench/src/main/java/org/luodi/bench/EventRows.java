package org.luodi.bench;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.luodi.events.EventHash;
import org.luodi.events.EventJson;
import org.luodi.events.EventMetadata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Rows of domain_event_entry exactly as the command side writes them: Axon's Jackson serializer over
 * {@link EventJson#mapper()} for payload and metadata (the same bean the platform configures), payload type and
 * revision from the serializer, Axon's timestamp format, aggregate type InvestmentProject, and the hash chain the
 * command side's HashChain adds (so /api/audit/verify holds on generated projects and a rebuild reads the same bytes).
 */
final class EventRows {
    static final String AGGREGATE_TYPE = "InvestmentProject";
    private static final Serializer SERIALIZER = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();

    record Row(String aggregateId, long sequence, String eventId, byte[] metaData, byte[] payload, String revision,
               String payloadType, String timeStamp, String hash) {
    }

    /**
     * Who recorded an event, when and why, as the command side stamps it; {@code department} is the answering
     * department's code when a department's account sent the command, else null (and then absent, as there).
     */
    record Stamp(String actor, String role, String actorTownship, String department, String reason,
                 Instant recordedAt, String eventId) {
    }

    /** The row of event {@code sequence} of a project whose previous event hashed to {@code previousHash}. */
    static Row of(Plans.Planned p, long sequence, String idempotencyKey, String previousHash) {
        return of(p.event(), p.event().projectId(), new Stamp(p.actor(), p.role(), p.actorTownship(), null,
                p.reason(), p.recordedAt(), p.eventId()), sequence, idempotencyKey, previousHash);
    }

    /** The row of event {@code sequence} of any aggregate whose previous event hashed to {@code previousHash}. */
    static Row of(Object event, String aggregateId, Stamp p, long sequence, String idempotencyKey,
                  String previousHash) {
        Map<String, Object> meta = new HashMap<>();
        String commandId = UUID.nameUUIDFromBytes(p.eventId().getBytes()).toString();
        meta.put(EventMetadata.ACTOR, p.actor());
        meta.put(EventMetadata.ROLE, p.role());
        meta.put(EventMetadata.TOWNSHIP, p.actorTownship());
        if (p.department() != null) {
            meta.put(EventMetadata.DEPARTMENT, p.department());
        }
        meta.put(EventMetadata.RECORDED_AT, p.recordedAt().toString());
        meta.put(EventMetadata.IDEMPOTENCY_KEY, idempotencyKey);
        meta.put(EventMetadata.REASON, p.reason());
        // Axon's MessageOriginProvider: a command sent from a controller is its own trace and correlation
        meta.put("traceId", commandId);
        meta.put("correlationId", commandId);
        SerializedType type = SERIALIZER.typeForClass(event.getClass());
        byte[] payload = SERIALIZER.serialize(event, byte[].class).getData();
        String previous = sequence == 0 ? "" : previousHash;
        String hash = EventHash.of(previous, aggregateId, sequence, type.getName(), type.getRevision(),
                payload, meta);
        meta.put(EventHash.PREVIOUS, previous);
        meta.put(EventHash.HASH, hash);
        return new Row(aggregateId, sequence, p.eventId(),
                SERIALIZER.serialize(MetaData.from(meta), byte[].class).getData(), payload, type.getRevision(),
                type.getName(), DateTimeUtils.formatInstant(p.recordedAt().truncatedTo(ChronoUnit.MILLIS)), hash);
    }

    /**
     * Compares what the generator writes with rows the command side wrote in this run: the same columns filled the
     * same way, payloads that survive Axon's deserialize-serialize unchanged, the same metadata keys, the same
     * timestamp shape. Returns the differences (empty when none).
     */
    static List<String> compareWithCommandSide(Connection c, Plans.Planned sample) throws SQLException {
        List<String> problems = new ArrayList<>();
        Row generated = of(sample, 0, "bench-check", "");
        TreeSet<String> generatedKeys = new TreeSet<>(MetaData.from(
                SERIALIZER.deserialize(new SimpleSerializedObject<>(generated.metaData(), byte[].class,
                        MetaData.class.getName(), null))).keySet());
        int checked = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT ON (payload_type) "
                + "type, payload_type, payload_revision, payload, meta_data, time_stamp FROM domain_event_entry "
                + "ORDER BY payload_type, global_index DESC")) {
            while (rs.next()) {
                checked++;
                String payloadType = rs.getString("payload_type");
                if (!AGGREGATE_TYPE.equals(rs.getString("type"))) {
                    problems.add("type column " + rs.getString("type"));
                }
                byte[] payload = rs.getBytes("payload");
                Object event = SERIALIZER.deserialize(new SimpleSerializedObject<>(payload, byte[].class,
                        payloadType, rs.getString("payload_revision")));
                String generatedRevision = SERIALIZER.typeForClass(event.getClass()).getRevision();
                if (!generatedRevision.equals(rs.getString("payload_revision"))) {
                    problems.add(payloadType + ": revision " + rs.getString("payload_revision") + " vs generated "
                            + generatedRevision);
                }
                if (!Arrays.equals(payload, SERIALIZER.serialize(event, byte[].class).getData())) {
                    problems.add(payloadType + ": payload JSON differs from the serializer's");
                }
                if (!SERIALIZER.typeForClass(event.getClass()).getName().equals(payloadType)) {
                    problems.add(payloadType + ": payload type name");
                }
                MetaData meta = SERIALIZER.deserialize(new SimpleSerializedObject<>(rs.getBytes("meta_data"),
                        byte[].class, MetaData.class.getName(), null));
                if (!new TreeSet<>(meta.keySet()).equals(generatedKeys)) {
                    problems.add(payloadType + ": metadata keys " + new TreeSet<>(meta.keySet()) + " vs generated "
                            + generatedKeys);
                }
                if (!rs.getString("time_stamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                        || !generated.timeStamp().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")) {
                    problems.add(payloadType + ": time_stamp " + rs.getString("time_stamp") + " vs generated "
                            + generated.timeStamp());
                }
            }
        }
        if (checked == 0) {
            problems.add("no command-side rows to compare with");
        }
        return problems;
    }
}
