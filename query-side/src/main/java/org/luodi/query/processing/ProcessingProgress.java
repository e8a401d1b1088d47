package org.luodi.query.processing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far each read model has read the event store: per processing group and segment, the position reached against
 * the store's head. Segments this instance claims report their live position; segments claimed by another instance
 * (or by nobody) report their stored token, so the answer holds for several query-side instances sharing the store.
 * <p>
 * A model is caught up when every segment's position has reached the head. That is the one rule for the admin page,
 * for the alert sweep (which must not read a half-rebuilt table) and for tests (which wait exactly that long).
 */
@Service
public class ProcessingProgress {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TokenSchema tokens;
    private final Serializer serializer;

    public ProcessingProgress(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                              TokenSchema tokens, Serializer serializer) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.serializer = serializer;
    }

    public Optional<StreamingEventProcessor> processor(String processingGroup) {
        return processing.eventProcessorByProcessingGroup(processingGroup, StreamingEventProcessor.class);
    }

    /** Every streaming processor, by name. */
    public List<ProcessorStatus> all() {
        Map<String, Long> parked = parked();
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .map(p -> status(p, parked.getOrDefault(p.getName(), 0L)))
                .toList();
    }

    public Optional<ProcessorStatus> status(String processingGroup) {
        return processor(processingGroup).map(p -> status(p, parked().getOrDefault(p.getName(), 0L)));
    }

    /** How many events each group has parked in its dead-letter queue. */
    private Map<String, Long> parked() {
        Map<String, Long> parked = new HashMap<>();
        jdbc.query("SELECT processing_group, count(*) FROM dead_letter_entry GROUP BY processing_group",
                rs -> {
                    parked.put(rs.getString(1), rs.getLong(2));
                });
        return parked;
    }

    /** Whether the group's read model reflects every event in the store; false for an unknown group. */
    public boolean caughtUp(String processingGroup) {
        return status(processingGroup).map(ProcessorStatus::caughtUp).orElse(false);
    }

    public boolean allCaughtUp() {
        return all().stream().allMatch(ProcessorStatus::caughtUp);
    }

    /** The highest global index in the event store, null while it is empty. */
    public Long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : position(head);
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long parked) {
        // Live statuses first, the store's head after: a position read before the head can only make the answer
        // "not yet", never a false "caught up" (callers read the model's tables after asking).
        Map<Integer, EventTrackerStatus> live = processor.processingStatus();
        Long head = head();
        List<ProcessorStatus.SegmentStatus> segments = new ArrayList<>();
        for (StoredToken stored : storedTokens(processor.getName())) {
            EventTrackerStatus here = live.get(stored.segment());
            Long position = here != null ? position(here.getCurrentPosition()) : stored.position();
            boolean reached = reached(position, head);
            boolean error = here != null && here.isErrorState();
            boolean replaying = !reached && (here != null ? here.isReplaying() : stored.replaying());
            segments.add(new ProcessorStatus.SegmentStatus(stored.segment(), stored.owner(), here != null, position,
                    replaying, reached && !error, error ? String.valueOf(here.getError()) : null));
        }
        boolean failing = processor.isError() || segments.stream().anyMatch(s -> s.error() != null);
        // parked events do not hold the model back from the store's head: the other projects are current
        boolean caughtUp = !failing && (segments.isEmpty() ? head == null
                : segments.stream().allMatch(ProcessorStatus.SegmentStatus::caughtUp));
        Long position = lowest(segments);
        boolean replaying = segments.stream().anyMatch(ProcessorStatus.SegmentStatus::replaying);
        ProcessorStatus.State state = state(processor, segments, failing, parked > 0, replaying, caughtUp);
        return new ProcessorStatus(processor.getName(), state, state.label, processor.isRunning(), replaying,
                failing || parked > 0, position, head, caughtUp, progress(position, head, caughtUp), parked,
                List.copyOf(segments));
    }

    private static ProcessorStatus.State state(StreamingEventProcessor processor,
                                               List<ProcessorStatus.SegmentStatus> segments, boolean failing,
                                               boolean parked, boolean replaying, boolean caughtUp) {
        if (failing) {
            return ProcessorStatus.State.ERROR;
        }
        if (parked) {
            return ProcessorStatus.State.PARKED;
        }
        if (!processor.isRunning() && segments.stream().allMatch(s -> s.owner() == null)) {
            return ProcessorStatus.State.STOPPED; // here, and no other instance holds a segment
        }
        if (replaying) {
            return ProcessorStatus.State.REBUILDING;
        }
        return caughtUp ? ProcessorStatus.State.UP_TO_DATE : ProcessorStatus.State.CATCHING_UP;
    }

    private record StoredToken(int segment, String owner, Long position, boolean replaying) {
    }

    private List<StoredToken> storedTokens(String processorName) {
        String sql = "SELECT " + tokens.segmentColumn() + ", " + tokens.ownerColumn() + ", " + tokens.tokenColumn()
                + ", " + tokens.tokenTypeColumn() + " FROM " + tokens.tokenTable() + " WHERE "
                + tokens.processorNameColumn() + " = ? ORDER BY " + tokens.segmentColumn();
        return jdbc.query(sql, (rs, i) -> {
            TrackingToken token = token(rs.getBytes(3), rs.getString(4));
            return new StoredToken(rs.getInt(1), rs.getString(2), token == null ? null : position(token),
                    token != null && ReplayToken.isReplay(token));
        }, processorName);
    }

    private TrackingToken token(byte[] serialized, String type) {
        if (serialized == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
    }

    private static Long position(TrackingToken token) {
        return position(token.position());
    }

    private static Long position(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static boolean reached(Long position, Long head) {
        return head == null || (position != null && position >= head);
    }

    /** The slowest segment's position; null when there is none, or one has not read any event yet. */
    private static Long lowest(List<ProcessorStatus.SegmentStatus> segments) {
        Long lowest = null;
        for (ProcessorStatus.SegmentStatus segment : segments) {
            if (segment.position() == null) {
                return null;
            }
            lowest = lowest == null ? segment.position() : Math.min(lowest, segment.position());
        }
        return lowest;
    }

    private static double progress(Long position, Long head, boolean caughtUp) {
        if (caughtUp || head == null) {
            return 1.0;
        }
        double ratio = position == null ? 0.0 : Math.min(1.0, (double) position / head);
        return Math.floor(ratio * 10_000) / 10_000;
    }
}
